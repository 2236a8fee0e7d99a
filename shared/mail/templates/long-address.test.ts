import { describe, expect, it } from 'vitest';
import { requestReceivedEmail } from '#shared/mail/templates/request-received-email.tsx';
import { signInEmail } from '#shared/mail/templates/sign-in-email.tsx';

const link = `https://atelier.example.test/auth/verify?token=${'t'.repeat(43)}&next=%2Forders%2F${'o'.repeat(26)}`;

describe('a sign-in address written out in an email', () => {
  it('may break anywhere, so a phone shows the email at its own width', () => {
    const emails = [signInEmail({ to: 'ana@example.test', link, minutesValid: 15 }), requestReceivedEmail(requestInput())];
    for (const email of emails) {
      const written = email.html.match(/paste this address into your browser: <span style="([^"]*)">([^<]*)<\/span>/);
      expect(written?.[2]).toBe(link.replaceAll('&', '&amp;'));
      expect(written?.[1]).toContain('word-break:break-all');
    }
  });
});

function requestInput(): Parameters<typeof requestReceivedEmail>[0] {
  return { to: 'ana@example.test', link, minutesValid: 15, shopName: 'Willow & Wick', reference: 'WW-4MC2', title: 'Cutting board' };
}
