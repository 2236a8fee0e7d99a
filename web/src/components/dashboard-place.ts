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
