import type { Email } from '#shared/mail/mailer.ts';
import { EmailAddressText, EmailButton, EmailLayout, renderEmailHtml, signInPageOf } from '#shared/mail/templates/email-layout.tsx';

export function signInEmail(input: { to: string; link: string; minutesValid: number }): Email {
  const subject = 'Your Atelier sign-in link';
  const signInPage = signInPageOf(input.link);
  const html = renderEmailHtml(
    <EmailLayout preview="Sign in to Atelier with one click.">
      <p style={{ margin: '0 0 16px' }}>Click the button to sign in. The link works once and expires in {input.minutesValid} minutes.</p>
      <p style={{ margin: '0 0 20px' }}>
        <EmailButton href={input.link}>Sign in to Atelier</EmailButton>
      </p>
      <p style={{ margin: 0, fontSize: '13px', color: '#6b5f55' }}>
        If the button does not work, paste this address into your browser: <EmailAddressText href={input.link} />
      </p>
      <p style={{ margin: '16px 0 0', fontSize: '13px', color: '#6b5f55' }}>
        Link expired or used? Ask for a new one with this email address at <a href={signInPage}>{signInPage}</a>.
      </p>
      <p style={{ margin: '16px 0 0', fontSize: '13px', color: '#6b5f55' }}>Did not ask to sign in? Ignore this email; nothing happens.</p>
    </EmailLayout>,
  );
  const text = [
    'Sign in to Atelier',
    '',
    `Open this link to sign in. It works once and expires in ${input.minutesValid} minutes:`,
    input.link,
    '',
    `Link expired or used? Ask for a new one with this email address at ${signInPage}`,
    '',
    'Did not ask to sign in? Ignore this email; nothing happens.',
  ].join('\n');
  return { to: input.to, subject, text, html };
}
