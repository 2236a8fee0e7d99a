import { createRoute } from '@hono/zod-openapi';
import * as z from '#shared/zod.ts';
import { requirePrincipal } from '#functions/api/middleware/session.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '#functions/api/openapi-helpers.ts';
import { createOrderByHand } from '#shared/domain/orders/create-order-by-hand.ts';
import { getOrderPage } from '#shared/domain/orders/get-order-page.ts';
import { listOrders } from '#shared/domain/orders/list-orders.ts';
import { isoToday, toOrderDetail } from '#shared/domain/orders/order-views.ts';
import { transitionOrder } from '#shared/domain/orders/transition-order.ts';
import { updateOrder } from '#shared/domain/orders/update-order.ts';
import {
  newOrderSchema,
  orderDetailSchema,
  orderListQuerySchema,
  orderPageSchema,
  orderPatchSchema,
  orderSummarySchema,
  transitionSchema,
  viewerTodayQuerySchema,
} from '#shared/schemas/order.ts';

const orderIdParam = z.object({ orderId: z.string().regex(/^[a-z0-9]{16}$/, 'is not an order id') });
const tags = ['orders'];

const list = createRoute({
  method: 'get',
  path: '/orders',
  tags,
  summary: "A seller's orders (filtered, sorted, paged) or a customer's orders across shops",
  request: { query: orderListQuerySchema },
  responses: {
    200: jsonResponse('A page of orders', () => z.object({ items: z.array(orderSummarySchema()), nextCursor: z.string().nullable() })),
    ...errorResponses(400, 401),
  },
});

const create = createRoute({
  method: 'post',
  path: '/orders',
  tags,
  summary: 'The seller records an order by hand',
  request: { body: jsonBody(newOrderSchema) },
  responses: { 201: jsonResponse('Created', orderDetailSchema), ...errorResponses(400, 401, 403) },
});

const page = createRoute({
  method: 'get',
  path: '/orders/{orderId}',
  tags,
  summary: 'The order page: details, answers, activity and the next steps the viewer may take',
  request: { params: orderIdParam, query: viewerTodayQuerySchema },
  responses: { 200: jsonResponse('The order page', orderPageSchema), ...errorResponses(400, 401, 404) },
});

const patch = createRoute({
  method: 'patch',
  path: '/orders/{orderId}',
  tags,
  summary: "The seller edits an order's details (optimistic locking on version)",
  request: { params: orderIdParam, body: jsonBody(orderPatchSchema) },
  responses: { 200: jsonResponse('Saved', orderDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
});

const transition = createRoute({
  method: 'post',
  path: '/orders/{orderId}/transitions',
  tags,
  summary: 'Move the order along its lifecycle; 409 names the allowed steps',
  request: { params: orderIdParam, body: jsonBody(transitionSchema) },
  responses: { 200: jsonResponse('Moved', orderDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
});

export const orderRoutes = createRouter()
  .openapi(list, async (c) => {
    const result = await listOrders(c.var.deps, requirePrincipal(c), c.req.valid('query'));
    return c.json({ items: result.items, nextCursor: result.nextCursor ?? null }, 200);
  })
  .openapi(create, async (c) => {
    const order = await createOrderByHand(c.var.deps, requirePrincipal(c), c.req.valid('json'));
    return c.json(toOrderDetail(order, isoToday(c.var.deps.now())), 201);
  })
  .openapi(page, async (c) => {
    const result = await getOrderPage(c.var.deps, requirePrincipal(c), c.req.valid('param').orderId, c.req.valid('query').today);
    return c.json(result, 200);
  })
  .openapi(patch, async (c) => {
    const order = await updateOrder(c.var.deps, requirePrincipal(c), c.req.valid('param').orderId, c.req.valid('json'));
    return c.json(toOrderDetail(order, isoToday(c.var.deps.now())), 200);
  })
  .openapi(transition, async (c) => {
    const order = await transitionOrder(c.var.deps, requirePrincipal(c), { orderId: c.req.valid('param').orderId, ...c.req.valid('json') });
    return c.json(toOrderDetail(order, isoToday(c.var.deps.now())), 200);
  });
