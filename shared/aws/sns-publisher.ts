import type { SNSClient } from '@aws-sdk/client-sns';
import type { DomainEvent, EventPublisher } from '#shared/events/publisher.ts';

/**
 * Publishes domain events to the SNS topic, with the type as a message attribute for filtering.
 * The client loads on the first event, not at cold start: reads never publish.
 */
export class SnsPublisher implements EventPublisher {
  private client?: Promise<{ client: SNSClient; PublishCommand: typeof import('@aws-sdk/client-sns').PublishCommand }>;

  constructor(
    private readonly region: string,
    private readonly topicArn: string,
  ) {}

  async publish(event: DomainEvent): Promise<void> {
    this.client ??= import('@aws-sdk/client-sns').then(({ SNSClient, PublishCommand }) => ({ client: new SNSClient({ region: this.region }), PublishCommand }));
    const { client, PublishCommand } = await this.client;
    await client.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Message: JSON.stringify(event),
        MessageAttributes: { type: { DataType: 'String', StringValue: event.type } },
      }),
    );
  }
}
