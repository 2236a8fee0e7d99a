import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Email, Mailer } from '#shared/mail/mailer.ts';

/**
 * The mailer in AWS: SES v2 with both parts of the message. The client is loaded on the first
 * email, not at cold start: most requests send none, and SES's schemas are ~50 KB to compile.
 */
export class SesMailer implements Mailer {
  private client?: Promise<{ client: SESv2Client; SendEmailCommand: typeof import('@aws-sdk/client-sesv2').SendEmailCommand }>;

  constructor(
    private readonly region: string,
    private readonly from: string,
  ) {}

  async send(email: Email): Promise<void> {
    this.client ??= import('@aws-sdk/client-sesv2').then(({ SESv2Client, SendEmailCommand }) => ({ client: new SESv2Client({ region: this.region }), SendEmailCommand }));
    const { client, SendEmailCommand } = await this.client;
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [email.to] },
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
          },
        },
      }),
    );
  }
}
