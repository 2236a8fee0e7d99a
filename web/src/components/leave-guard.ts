import { useEffect } from 'preact/hooks';

/** Every part of the page holding work not yet saved or sent; the page asks before leaving while any does. */
const unsaved = new Set<object>();
const question = 'Leave this page? What you typed here has not been saved or sent.';

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
  const to = new URL(link.href);
  // A jump within the page (a pin's number, the link to the decision) leaves nothing behind.
  if (to.origin === location.origin && to.pathname === location.pathname && to.search === location.search) return;
  if (confirm(question)) {
    // Said once: the page being left stays drawn until the next one has loaded, and must not ask again.
    unsaved.clear();
    stopAsking();
    return;
  }
  event.preventDefault();
  // Captured on the window before the router's own listener, which would route regardless.
  event.stopPropagation();
}

/** Where the page holding the work is, to come back to when Back is refused. */
let pageAddress = '';

/**
 * The browser's Back (or Forward) has already changed the address when it is heard, and cannot
 * be cancelled: a refusal keeps the router from hearing it and puts the page's address back.
 */
function askBeforeHistory(event: PopStateEvent) {
  if (unsaved.size === 0) return;
  const page = new URL(pageAddress);
  if (location.pathname === page.pathname && location.search === page.search) return;
  if (confirm(question)) {
    unsaved.clear();
    stopAsking();
    return;
  }
  event.stopImmediatePropagation();
  history.pushState(null, '', pageAddress);
}
// Listened to from the portal's start, before the router listens: only a listener that runs
// first can keep the router from hearing a refused Back.
addEventListener('popstate', askBeforeHistory);

function startAsking() {
  pageAddress = location.href;
  addEventListener('beforeunload', askBeforeUnload);
  addEventListener('click', askBeforeLink, true);
}

function stopAsking() {
  removeEventListener('beforeunload', askBeforeUnload);
  removeEventListener('click', askBeforeLink, true);
}

/**
 * While `holdsWork`, leaving the page (a link, Back, a reload, closing the tab) asks first. Each part
 * of a page says so for itself; one question is asked for all of them.
 */
export function useLeaveGuard(holdsWork: boolean): void {
  useEffect(() => {
    if (!holdsWork) return;
    const part = {};
    if (unsaved.size === 0) startAsking();
    unsaved.add(part);
    return () => {
      unsaved.delete(part);
      if (unsaved.size === 0) stopAsking();
    };
  }, [holdsWork]);
}
