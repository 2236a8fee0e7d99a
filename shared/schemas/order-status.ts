/** Every status an order can be in (DESIGN §3); framework-free so the portal can import it. */
export const orderStatuses = [
  'requested',
  'quoted',
  'in_design',
  'awaiting_approval',
  'approved',
  'in_production',
  'shipped',
  'completed',
  'cancelled',
  'on_hold',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];
