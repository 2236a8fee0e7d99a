/**
 * Who may do what: every operation of `/api/openapi.json` × every kind of caller, with the
 * status each must get. The matrix suite fails for an operation missing here, so a new route
 * cannot ship without its row. Statuses: 2xx = allowed; 401 = must sign in; 403 = signed in
 * but the wrong kind of user for this (and allowed to know the thing exists); 404 = may not
 * know the object exists.
 */
export const roles = ['anonymous', 'customer', 'otherCustomer', 'seller', 'otherSeller'] as const;
export type Role = (typeof roles)[number];

/** Fresh objects for one cell; the upload was signed for the seller and never sent. */
export type Fixture = {
  /** A quoted order of the customer's, with one checked file (fileId) and a pending upload. */
  orderId: string;
  orderVersion: number;
  formId: string;
  formVersion: number;
  uploadId: string;
  fileId: string;
  /** Another order of the customer's with a proof awaiting a decision, and a third with an approved one. */
  review: { orderId: string; designId: string; commentId: string };
  approved: { orderId: string; designId: string };
  unique: string;
};

export type AccessRow = {
  expect: Record<Role, number>;
  /** A valid body for this operation, built from fresh fixtures (a new order and form per cell). */
  body?: (f: Fixture) => unknown;
  query?: string;
  /** Path ids other than the fixture's first order (the design routes need their own orders). */
  params?: (f: Fixture) => Record<string, string>;
};

const everyone = (status: number): Record<Role, number> => ({ anonymous: status, customer: status, otherCustomer: status, seller: status, otherSeller: status });
const signedIn = (status: number): Record<Role, number> => ({ ...everyone(status), anonymous: 401 });
const sellersOnly = (status: number): Record<Role, number> => ({ anonymous: 401, customer: 403, otherCustomer: 403, seller: status, otherSeller: status });
/** An object of the demo shop: its seller and its customer may see it, nobody else may know it exists. */
const ordersOwn = (customer: number, seller: number): Record<Role, number> => ({ anonymous: 401, customer, otherCustomer: 404, seller, otherSeller: 404 });
const formField = { id: 'words', type: 'short_text', label: 'Words', required: true };

export const accessTable: Record<string, AccessRow> = {
  'GET /health': { expect: everyone(200) },
  'GET /dev/mailbox': { expect: everyone(200) },
  'POST /auth/magic-links': { expect: everyone(202), body: (f) => ({ email: `matrix-${f.unique}@demo.test` }) },
  'POST /auth/sessions': { expect: everyone(401), body: () => ({ token: 'x'.repeat(43) }) },
  'DELETE /auth/sessions/current': { expect: everyone(204) },
  'GET /me': { expect: signedIn(200) },
  'GET /orders': { expect: signedIn(200) },
  'POST /orders': { expect: sellersOnly(201), body: (f) => ({ title: 'Matrix order', customer: { name: 'M', email: `m-${f.unique}@demo.test` } }) },
  'GET /orders/{orderId}': { expect: ordersOwn(200, 200) },
  'PATCH /orders/{orderId}': { expect: ordersOwn(403, 200), body: (f) => ({ version: f.orderVersion, title: 'Renamed' }) },
  // Holding a quoted order is the shop's call; the customer may only withdraw an unanswered request.
  'POST /orders/{orderId}/transitions': { expect: ordersOwn(403, 200), body: (f) => ({ to: 'on_hold', version: f.orderVersion }) },
  // The customer may post a design only of files they uploaded; the fixture's file is the shop's.
  'POST /orders/{orderId}/designs': { expect: ordersOwn(400, 201), body: (f) => ({ fileIds: [f.fileId] }) },
  'POST /orders/{orderId}/designs/{designId}/decision': {
    expect: ordersOwn(200, 403),
    body: () => ({ decision: 'request_changes', note: 'Matrix' }),
    params: (f) => f.review,
  },
  'POST /orders/{orderId}/designs/{designId}/comments': { expect: ordersOwn(201, 201), body: () => ({ body: 'Matrix comment' }), params: (f) => f.review },
  'PATCH /orders/{orderId}/designs/{designId}/comments/{commentId}': {
    // The customer resolves the thread; the seller then finds it resolved already.
    expect: ordersOwn(200, 409),
    body: () => ({ resolved: true }),
    params: (f) => f.review,
  },
  'GET /orders/{orderId}/designs/{designId}/approval-receipt': { expect: ordersOwn(200, 200), params: (f) => f.approved },
  'GET /shop/summary': { expect: sellersOnly(200) },
  'GET /shop/intake-forms': { expect: sellersOnly(200) },
  'GET /shop/settings': { expect: sellersOnly(200) },
  'PUT /shop/settings': { expect: sellersOnly(200), body: () => ({ version: 1, revisionAllowance: 3 }) },
  'POST /shop/intake-forms': { expect: sellersOnly(201), body: () => ({ name: 'Matrix form', fields: [formField] }) },
  'PUT /shop/intake-forms/{formId}': {
    expect: { anonymous: 401, customer: 403, otherCustomer: 403, seller: 200, otherSeller: 404 },
    body: (f) => ({ version: f.formVersion, name: 'Matrix form v2', fields: [formField] }),
  },
  'POST /orders/{orderId}/uploads': { expect: ordersOwn(201, 201), body: () => ({ purpose: 'design', filename: 'proof.png', contentType: 'image/png', size: 100 }) },
  // Only whoever signed an upload may finish it: here the seller, whose file has not arrived.
  'POST /orders/{orderId}/uploads/{uploadId}/complete': { expect: ordersOwn(404, 422) },
  'GET /orders/{orderId}/files/{fileId}': { expect: ordersOwn(302, 302) },
  'GET /shops/{slug}/intake-form': { expect: everyone(200) },
  'POST /shops/{slug}/request-uploads': { expect: everyone(201), body: () => ({ filename: 'sketch.png', contentType: 'image/png', size: 100 }) },
  'POST /shops/{slug}/requests': { expect: everyone(201), body: (f) => ({ name: 'Matrix', email: `r-${f.unique}@demo.test`, answers: { engraving: 'M', wood: 'Oak', size: 'Small (30 × 20 cm)' } }) },
};
