import { getSeller } from '#shared/db/seller.ts';
import type { Principal } from '#shared/db/session.ts';
import { getShop } from '#shared/db/shop.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { AppError } from '#shared/errors.ts';
import type { Me } from '#shared/schemas/auth.ts';

/** What the portal shows of the signed-in person: a seller with their shop, or a customer. */
export async function describePrincipal(ctx: DomainContext, principal: Principal): Promise<Me> {
  if (principal.kind === 'customer') return { kind: 'customer', email: principal.email };
  const [seller, shop] = await Promise.all([getSeller(ctx.db, principal.email), getShop(ctx.db, principal.shopId)]);
  if (!seller || !shop) throw new AppError('unauthorized', 'This seller account no longer exists. Sign in again.');
  return { kind: 'seller', email: seller.email, name: seller.name, shop: { id: shop.shopId, slug: shop.slug, name: shop.name } };
}
