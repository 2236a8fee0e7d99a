import type { Email } from '#shared/mail/mailer.ts';
import { EmailAddressText, EmailButton, EmailLayout, renderEmailHtml, signInPageOf } from '#shared/mail/templates/email-layout.tsx';

/**
 * Sent to whatever address the request form was given, so it carries nothing the requester
 * typed but that address: no name, no answers. The shop's name, its form's title and the
 * reference are the shop's and Atelier's own; a stranger cannot write to someone through it.
 */
export function requestReceivedEmail(input: { to: string; shopName: string; reference: string; title: string; link: string; minutesValid: number }): Email {
  const subject = `${input.shopName} received your request ${input.reference}`;
  const signInPage = signInPageOf(input.link);
  const html = renderEmailHtml(
    <EmailLayout preview={`Your order reference is ${input.reference}.`}>
      <p style={{ margin: '0 0 12px' }}>Hello,</p>
      <p style={{ margin: '0 0 12px' }}>
        {input.shopName} received your custom request “{input.title}”. Your order reference is{' '}
        <strong style={{ fontSize: '16px', letterSpacing: '1px' }}>{input.reference}</strong>.
      </p>
      <p style={{ margin: '0 0 20px' }}>Follow your order, answer questions and approve designs on its page:</p>
      <p style={{ margin: '0 0 20px' }}>
        <EmailButton href={input.link}>View your order</EmailButton>
      </p>
      <p style={{ margin: '0 0 12px' }}>
        To come back later, go to <a href={signInPage}>{signInPage}</a> and ask for a new sign-in link with this email address ({input.to}).
      </p>
      <p style={{ margin: 0, fontSize: '13px', color: '#6b5f55' }}>
        The button works once and for {input.minutesValid} minutes. If it does not work, paste this address into your browser: <EmailAddressText href={input.link} />
      </p>
    </EmailLayout>,
  );
  const text = [
    'Hello,',
    '',
    `${input.shopName} received your custom request "${input.title}".`,
    `Your order reference is ${input.reference}.`,
    '',
    `View your order (this link signs you in once and works for ${input.minutesValid} minutes):`,
    input.link,
    '',
    `To come back later, go to ${signInPage} and ask for a new sign-in link with this email address (${input.to}).`,
  ].join('\n');
  return { to: input.to, subject, text, html };
}
