import type { Shop } from '#shared/db/shop.ts';

export const defaultRevisionAllowance = 2;

/** A shop's free revision rounds, and what a customer past them is told. */
export function revisionPolicy(shop: Pick<Shop, 'name'> & { revisionAllowance?: number; revisionMessage?: string } | undefined) {
  return {
    allowance: shop?.revisionAllowance ?? defaultRevisionAllowance,
    message:
      shop?.revisionMessage ??
      `Your order includes ${shop?.revisionAllowance ?? defaultRevisionAllowance} free revision rounds. The shop will let you know whether further changes need a paid revision.`,
  };
}
