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

/** Each status as people read it, on both sides and in the API's refusals. */
export const statusLabels: Record<OrderStatus, string> = {
  requested: 'Requested',
  quoted: 'Quoted',
  in_design: 'In design',
  awaiting_approval: 'Awaiting approval',
  approved: 'Approved',
  in_production: 'In production',
  shipped: 'Shipped',
  completed: 'Completed',
  cancelled: 'Cancelled',
  on_hold: 'On hold',
};
