import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';

/**
 * Where the seller was on the dashboard: how many pages of orders were shown, how far down the
 * page was scrolled and which order was opened from it. It is kept in the history entry itself,
 * so Back (and a reload) finds it again, while a fresh visit, a new entry, starts at the top.
 */
export type DashboardPlace = { address: string; pages: number; scrollY?: number | undefined; orderId?: string | undefined };

const key = 'dashboardPlace';

/** The address as the browser has it: the router's own spelling of a query may differ. */
const currentAddress = () => location.pathname + location.search;

/** The place kept in this history entry, if it was kept for this very list (tab, filters and search). */
export function keptPlace(): DashboardPlace | undefined {
  const state: unknown = history.state;
  const place = state && typeof state === 'object' ? (state as Record<string, DashboardPlace | undefined>)[key] : undefined;
  return place && place.address === currentAddress() && place.pages >= 1 ? place : undefined;
}

/** Notes `changes` to the place in the current history entry, keeping whatever else the entry holds. */
export function keepPlace(changes: Partial<Omit<DashboardPlace, 'address'>>): void {
  const state: unknown = history.state;
  const others = state && typeof state === 'object' ? state : {};
  const place: DashboardPlace = { pages: 1, ...keptPlace(), ...changes, address: currentAddress() };
  history.replaceState({ ...others, [key]: place }, '');
}

const lastListKey = 'atelier.dashboardList';

/** Notes the dashboard list shown now (tab, filters, search), for the order page's way back to it. */
export function noteDashboardList(): void {
  // While the next page loads, the router keeps the dashboard drawn under the new address.
  if (location.pathname !== '/dashboard') return;
  try {
    sessionStorage.setItem(lastListKey, currentAddress());
  } catch {
    // Storage refused (a private window's quota): the way back is then the dashboard's first tab.
  }
}

/** The dashboard list the seller last looked at in this tab, or the dashboard itself. */
export function lastDashboardList(): string {
  try {
    const address = sessionStorage.getItem(lastListKey);
    return address?.startsWith('/dashboard') ? address : '/dashboard';
  } catch {
    return '/dashboard';
  }
}

/**
 * The order the seller just opened from a dashboard list in this tab, until its page is shown.
 * Kept here, not in storage: another tab, or a page loaded afresh, did not come from the list.
 */
let openedOrder: string | undefined;
const openedKey = 'openedFromDashboard';

/** Notes the order a plain click on a dashboard list opens: its page then knows the list is one step back. */
export function noteOpenedOrder(path: string): void {
  openedOrder = path;
}

/** Whether this history entry is an order page opened from the dashboard list of the entry before it. */
const openedFromList = (): boolean => {
  const state: unknown = history.state;
  return Boolean(state && typeof state === 'object' && (state as Record<string, unknown>)[openedKey]);
};

/**
 * The order page's way back to the dashboard, as the link's click handler. Opened from the list
 * in this tab, its link goes Back, to the list as it was left: every page "Show more" loaded, as
 * far down, the order opened in sight and focused. Any other way in (a link pasted, a new order,
 * a jump within the page since) is a fresh visit to the list, by the link's own address, as is a
 * middle click or one with a modifier (a new tab or window).
 */
export function useWayBackToDashboard(): (event: MouseEvent) => void {
  const { path } = useLocation();
  // Marked on the history entry itself, once it is shown: Back and Forward to it, or a reload,
  // find the mark again, while an entry added later (a pin's number, a refused Back) has none.
  useEffect(() => {
    const opened = openedOrder;
    openedOrder = undefined;
    if (opened !== location.pathname || openedFromList()) return;
    const state: unknown = history.state;
    history.replaceState({ ...(state && typeof state === 'object' ? state : {}), [openedKey]: true }, '');
  }, [path]);
  return (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || !openedFromList()) return;
    event.preventDefault();
    // The router, listening further up, would open the list's address as a fresh visit.
    event.stopPropagation();
    // Typed work on the page: the leave guard has asked already, on the click, and a refusal stops it before here.
    history.back();
  };
}
