/** An email as Atelier sends it: always with a plain-text part beside the HTML. */
export type Email = { to: string; subject: string; text: string; html: string };

/** The mail port: SES in AWS, the dev mailbox locally. */
export interface Mailer {
  send(email: Email): Promise<void>;
}
