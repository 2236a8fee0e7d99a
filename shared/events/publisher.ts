import type { OrderEvent } from '#shared/db/order-activity.ts';

/** A domain event as published: the activity entry itself, with its id for idempotent consumers. */
export type DomainEvent = OrderEvent;

/** The publisher port: SNS in AWS, in process locally (DESIGN §1). */
export interface EventPublisher {
  publish(event: DomainEvent): Promise<void>;
}

/** Local mode's publisher: hands each event to the subscribers in this process. */
export class InProcessPublisher implements EventPublisher {
  private readonly subscribers: Array<(event: DomainEvent) => Promise<void> | void> = [];
  readonly published: DomainEvent[] = [];

  subscribe(subscriber: (event: DomainEvent) => Promise<void> | void): void {
    this.subscribers.push(subscriber);
  }

  async publish(event: DomainEvent): Promise<void> {
    this.published.push(event);
    if (this.published.length > 1000) this.published.shift();
    for (const subscriber of this.subscribers) await subscriber(event);
  }
}
