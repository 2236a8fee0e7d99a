import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';

const page = { fontFamily: 'Helvetica, Arial, sans-serif', background: '#f7f3ee', padding: '24px', color: '#2b2420' };
const card = { maxWidth: '520px', margin: '0 auto', background: '#ffffff', borderRadius: '10px', padding: '28px', border: '1px solid #e6ddd3' };
const footer = { maxWidth: '520px', margin: '16px auto 0', fontSize: '12px', color: '#6b5f55' };

/** The frame every Atelier email shares; email clients need inline styles. */
export function EmailLayout(props: { preview: string; children: ComponentChildren }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width" />
      </head>
      <body style={page}>
        <div style={{ display: 'none' }}>{props.preview}</div>
        <div style={card}>
          <p style={{ fontWeight: 700, fontSize: '18px', margin: '0 0 16px', color: '#8a4b2a' }}>Atelier</p>
          {props.children}
        </div>
        <p style={footer}>You get this email because someone asked for it on Atelier with this address.</p>
      </body>
    </html>
  );
}

export function EmailButton(props: { href: string; children: ComponentChildren }) {
  return (
    <a
      href={props.href}
      style={{ display: 'inline-block', background: '#8a4b2a', color: '#ffffff', padding: '12px 20px', borderRadius: '8px', textDecoration: 'none', fontWeight: 700 }}
    >
      {props.children}
    </a>
  );
}

/** A long web address written out, broken anywhere it must be: unbroken, it widens a phone's email past its screen. */
export const EmailAddressText = (props: { href: string }) => <span style={{ wordBreak: 'break-all', overflowWrap: 'anywhere' }}>{props.href}</span>;

/** The portal's sign-in page, on the same public address as the emailed sign-in link. */
export const signInPageOf = (link: string) => new URL('/sign-in', link).toString();

export const renderEmailHtml = (node: preact.VNode) => `<!doctype html>${render(node)}`;
