import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '#shared/db/db.ts';
import { createOrder, type Order, type OrderStatus } from '#shared/db/order.ts';
import { putSeller } from '#shared/db/seller.ts';
import { createShop } from '#shared/db/shop.ts';
import { newId, newOrderReference } from '#shared/domain/ids.ts';

export const demo = {
  shopSlug: 'demo',
  shopName: 'Willow & Wick',
  referencePrefix: 'WW',
  seller: { email: 'seller@demo.test', name: 'Mira Lindqvist' },
  customers: [
    { email: 'ana@demo.test', name: 'Ana Souza' },
    { email: 'ben@demo.test', name: 'Ben Okafor' },
  ],
} as const;

const demoOrders: Array<{ title: string; status: OrderStatus; customer: 0 | 1; dueInDays: number }> = [
  { title: 'Engraved walnut cutting board, "The Souzas"', status: 'requested', customer: 0, dueInDays: 21 },
  { title: 'Hand-poured soy candle set, wedding favours (40)', status: 'in_design', customer: 0, dueInDays: 9 },
  { title: 'Personalised leather dog collar, "Biscuit"', status: 'awaiting_approval', customer: 1, dueInDays: 5 },
  { title: 'Custom ceramic house-number plaque', status: 'in_production', customer: 1, dueInDays: -2 },
  { title: 'Embroidered baby blanket, "Noah 2026"', status: 'shipped', customer: 0, dueInDays: -6 },
];

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Whether the table holds nothing yet: only then is the demo seeded. */
export async function isTableEmpty(db: Db): Promise<boolean> {
  const out = await db.ddb.send(new ScanCommand({ TableName: db.table, Limit: 1, ProjectionExpression: 'pk' }));
  return (out.Items?.length ?? 0) === 0;
}

/** A living first run: the demo shop, its seller, and orders for Ana and Ben. */
export async function seedDemo(db: Db, now = new Date()): Promise<void> {
  const shopId = newId();
  await createShop(db, { shopId, slug: demo.shopSlug, name: demo.shopName, timeZone: 'Europe/London', createdAt: now.toISOString() });
  await putSeller(db, { email: demo.seller.email, name: demo.seller.name, shopId, createdAt: now.toISOString() });
  for (const [index, spec] of demoOrders.entries()) {
    const createdAt = new Date(now.getTime() - (demoOrders.length - index) * 86_400_000).toISOString();
    const order: Order = {
      orderId: newId(),
      shopId,
      reference: newOrderReference(demo.referencePrefix),
      title: spec.title,
      status: spec.status,
      customer: { ...demo.customers[spec.customer]! },
      dueDate: isoDate(new Date(now.getTime() + spec.dueInDays * 86_400_000)),
      createdAt,
      updatedAt: createdAt,
      version: 1,
    };
    await createOrder(db, order);
  }
}
