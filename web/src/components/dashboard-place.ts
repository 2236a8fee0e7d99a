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
