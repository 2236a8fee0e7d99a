import type { Db } from '#shared/db/db.ts';
import { customerHasOrders } from '#shared/db/order.ts';
import { getSeller } from '#shared/db/seller.ts';
import type { Principal } from '#shared/db/session.ts';

/** Who an email is to Atelier: a shop's seller, a customer with orders, or nobody yet. */
export async function findPrincipal(db: Db, email: string): Promise<Principal | undefined> {
  const seller = await getSeller(db, email);
  if (seller) return { kind: 'seller', email, shopId: seller.shopId };
  if (await customerHasOrders(db, email)) return { kind: 'customer', email };
  return undefined;
}
