import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useSession } from '../session.tsx';
import { mayLeaveWork } from './leave-guard.ts';

/** A section of the portal: its link, and the routes of its pages (as the router writes them), where it is the current one. */
type Section = { href: string; label: string; routes: string[] };

const sellerNav: Section[] = [
  { href: '/dashboard', label: 'Orders', routes: ['/dashboard', '/orders/:orderId'] },
  { href: '/forms', label: 'Intake forms', routes: ['/forms'] },
  { href: '/settings', label: 'Settings', routes: ['/settings'] },
];
const customerNav: Section[] = [{ href: '/home', label: 'Your orders', routes: ['/home', '/orders/:orderId'] }];

/** Whether `path` is a page of `route`, segment by segment: "/settingsx" and "/dashboard/nope" lead nowhere, so are no section's. */
function onRoute(path: string, route: string): boolean {
  const have = path.split('/').filter(Boolean);
  const want = route.split('/').filter(Boolean);
  return have.length === want.length && want.every((segment, i) => segment.startsWith(':') || segment === have[i]);
}

/** The link's own page is the current "page"; another page of its section (an order, under Orders) makes it the current one of the links, "true". */
const currentness = (section: Section, path: string) => (path === section.href ? 'page' : section.routes.some((route) => onRoute(path, route)) ? 'true' : undefined);

/** The frame of every page: skip link, top bar with who is signed in, and the main landmark. */
export function Layout(props: { children: ComponentChildren; narrow?: boolean; /** A page for someone signed in: its top bar keeps their layout while the session loads, so nothing below it jumps. */ signedIn?: boolean; /** The window's title, where the heading alone does not tell the page apart. */ title?: string }) {
  const { me, ended, signOut } = useSession();
  const location = useLocation();
  const signedInBar = Boolean(me) || (props.signedIn && me === undefined);
  const nav = me?.kind === 'seller' ? sellerNav : me?.kind === 'customer' ? customerNav : [];
  const main = useRef<HTMLElement>(null);
  // The window's title follows the page's heading, so tabs, history and screen readers tell pages apart.
  useEffect(() => {
    const heading = props.title ?? main.current?.querySelector('h1')?.textContent?.trim();
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
                  <a key={item.href} href={item.href} aria-current={currentness(item, location.path)}>
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
                  // Signing out leaves the page as a link does: work not yet saved is asked about first.
                  if (!mayLeaveWork()) return;
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
