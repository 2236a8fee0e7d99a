import { randomUUID } from 'node:crypto';
import type { Email, Mailer } from '#shared/mail/mailer.ts';

export type MailboxMessage = Email & { id: string; sentAt: string };

/** Local mode's mailer: keeps every email in memory so the portal and tests can read it. */
export class DevMailbox implements Mailer {
  private readonly messages: MailboxMessage[] = [];

  constructor(private readonly capacity = 500) {}

  async send(email: Email): Promise<void> {
    this.messages.unshift({ ...email, id: randomUUID(), sentAt: new Date().toISOString() });
    this.messages.length = Math.min(this.messages.length, this.capacity);
  }

  /** Newest first. */
  list(): MailboxMessage[] {
    return [...this.messages];
  }
}
