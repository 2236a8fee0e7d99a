import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';

/**
 * What a part of a page loses on leaving: `address` when another query shows other content (the
 * request page's other form starts empty), `path` when it stays drawn across a new query (a
 * dashboard tab keeps the new-order form open).
 */
type Scope = 'address' | 'path';

/** Every part of the page holding work not yet saved or sent; the page asks before leaving while any does. */
const unsaved = new Map<object, Scope>();
const question = 'Leave this page? What you typed here has not been saved or sent.';

/** Where the page holding the work is, to come back to when Back is refused. */
let pageAddress = '';

/** Whether going to `to` from the page holding the work would lose some of it. */
function loses(to: URL): boolean {
  const page = new URL(pageAddress || location.href);
  if (to.origin !== page.origin || to.pathname !== page.pathname) return true;
  // A jump within the page (a pin's number, the link to the decision) leaves nothing behind.
  return to.search !== page.search && [...unsaved.values()].includes('address');
}

/** Asks; once the person says leave, nothing asks again while the page being left stays drawn until the next has loaded. */
function mayLeave(): boolean {
  if (!confirm(question)) return false;
  unsaved.clear();
  stopAsking();
  return true;
}

/**
 * Whether to go on with leaving the page some other way than a link or Back (signing out): asks
 * first while any part of the page holds work.
 */
export function mayLeaveWork(): boolean {
  return unsaved.size === 0 || mayLeave();
}

function askBeforeUnload(event: BeforeUnloadEvent) {
  event.preventDefault();
  // Older Chromium asks only when returnValue is set.
  event.returnValue = '';
}

/** A link to another page of the portal: the router would swap the page without the browser asking. */
function askBeforeLink(event: MouseEvent) {
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && Boolean(node.href));
  if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) return;
  if (!loses(new URL(link.href)) || mayLeave()) return;
  event.preventDefault();
  // Captured on the window before the router's own listener, which would route regardless.
  event.stopPropagation();
}

/**
 * The browser's Back (or Forward) has already changed the address when it is heard, and cannot
 * be cancelled: a refusal keeps the router from hearing it and puts the page's address back.
 */
function askBeforeHistory(event: PopStateEvent) {
  if (unsaved.size === 0) return;
  const to = new URL(location.href);
  // A step within the page (a dashboard tab) is where a refused Back returns to: noted now, not
  // when the page has drawn it, for a second Back may come before that.
  if (!loses(to)) {
    pageAddress = to.href;
    return;
  }
  if (mayLeave()) return;
  event.stopImmediatePropagation();
  history.pushState(null, '', pageAddress);
}
// Listened to from the portal's start, before the router listens: only a listener that runs
// first can keep the router from hearing a refused Back.
addEventListener('popstate', askBeforeHistory);

function startAsking() {
  addEventListener('beforeunload', askBeforeUnload);
  addEventListener('click', askBeforeLink, true);
}

function stopAsking() {
  removeEventListener('beforeunload', askBeforeUnload);
  removeEventListener('click', askBeforeLink, true);
}

/**
 * While `holdsWork`, leaving the page (a link, Back, a reload, closing the tab) asks first. Each
 * part of a page says so for itself; one question is asked for all of them.
 */
export function useLeaveGuard(holdsWork: boolean, scope: Scope = 'address'): void {
  // As the router shows it: a dashboard tab changes the query without leaving the work.
  const { url } = useLocation();
  useEffect(() => {
    if (!holdsWork) return;
    // An effect of a render the browser's history has already moved past (a second Back came
    // first) must not put back the address that render showed: Back would then return there.
    const shown = new URL(url, location.origin);
    if (shown.pathname + shown.search === location.pathname + location.search) pageAddress = shown.href;
  }, [holdsWork, url]);
  useEffect(() => {
    if (!holdsWork) return;
    const part = {};
    if (unsaved.size === 0) startAsking();
    unsaved.set(part, scope);
    return () => {
      unsaved.delete(part);
      if (unsaved.size === 0) stopAsking();
    };
  }, [holdsWork, scope]);
}
