import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useSession } from '../session.tsx';

const sellerNav = [
  { href: '/dashboard', label: 'Orders' },
  { href: '/forms', label: 'Intake forms' },
  { href: '/settings', label: 'Settings' },
];

/** The frame of every page: skip link, top bar with who is signed in, and the main landmark. */
export function Layout(props: { children: ComponentChildren; narrow?: boolean; /** A page for someone signed in: its top bar keeps their layout while the session loads, so nothing below it jumps. */ signedIn?: boolean }) {
  const { me, ended, signOut } = useSession();
  const location = useLocation();
  const signedInBar = Boolean(me) || (props.signedIn && me === undefined);
  const nav = me?.kind === 'seller' ? sellerNav : me?.kind === 'customer' ? [{ href: '/home', label: 'Your orders' }] : [];
  const main = useRef<HTMLElement>(null);
  // The window's title follows the page's heading, so tabs, history and screen readers tell pages apart.
  useEffect(() => {
    const heading = main.current?.querySelector('h1')?.textContent?.trim();
    document.title = heading ? `${heading} · Atelier` : 'Atelier';
  });
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class={signedInBar ? 'topbar signed-in' : 'topbar'}>
        <div class="topbar-inner">
          <a class="brand" href={me ? (me.kind === 'seller' ? '/dashboard' : '/home') : '/'}>
            <img src="/assets/favicon.svg" alt="" width={28} height={28} />
            <span>{me?.kind === 'seller' ? me.shop.name : 'Atelier'}</span>
          </a>
          <div class="nav-slot">
            {nav.length > 0 && (
              <nav aria-label="Main">
                {nav.map((item) => (
                  <a key={item.href} href={item.href} aria-current={location.path.startsWith(item.href) ? 'page' : undefined}>
                    {item.label}
                  </a>
                ))}
              </nav>
            )}
          </div>
          {me && (
            <div class="who">
              <span>{me.email}</span>
              <button
                type="button"
                class="button secondary"
                onClick={async () => {
                  await signOut();
                  location.route('/sign-in');
                }}
              >
                Sign out
              </button>
            </div>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} class={props.narrow ? 'narrow' : undefined}>
        {ended ? (
          <div class="notice warn session-ended">
            You have been signed out.{' '}
            <a href={`/sign-in?next=${encodeURIComponent(location.url)}`} target="_blank" rel="noopener">
              Sign in again in a new tab
            </a>
, then come back and try again: what you typed here stays.
          </div>
        ) : null}
        {props.children}
      </main>
    </>
  );
}

export function Loading(props: { label?: string }) {
  return (
    <p class="muted" role="status">
      {props.label ?? 'Loading…'}
    </p>
  );
}
