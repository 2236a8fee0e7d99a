import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { DomainEvent, EventPublisher } from '#shared/events/publisher.ts';

/** Publishes domain events to the SNS topic, with the type as a message attribute for filtering. */
export class SnsPublisher implements EventPublisher {
  constructor(
    private readonly client: SNSClient,
    private readonly topicArn: string,
  ) {}

  async publish(event: DomainEvent): Promise<void> {
    await this.client.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Message: JSON.stringify(event),
        MessageAttributes: { type: { DataType: 'String', StringValue: event.type } },
      }),
    );
  }
}
