import type { Shop } from '#shared/db/shop.ts';

export const defaultRevisionAllowance = 2;

type Terms = Pick<Shop, 'revisionAllowance' | 'revisionMessage'>;

/** The terms an order is made under: the shop's settings, or the defaults where it has none. */
export function revisionTerms(shop: Terms): { revisionAllowance: number; revisionMessage?: string | undefined } {
  return { revisionAllowance: shop.revisionAllowance ?? defaultRevisionAllowance, ...(shop.revisionMessage ? { revisionMessage: shop.revisionMessage } : {}) };
}

/** An order's free revision rounds, and what a customer past them is told. */
export function revisionPolicy(terms: Terms | undefined) {
  const allowance = terms?.revisionAllowance ?? defaultRevisionAllowance;
  return {
    allowance,
    message: terms?.revisionMessage || defaultRevisionMessage(allowance),
  };
}

/**
 * Free rounds in words: none is "no free revision rounds", not "0". Settings, where revisions are
 * the subject already, leave out the word `kind`.
 */
export const freeRounds = (allowance: number, kind = 'revision ') =>
  allowance === 0 ? `no free ${kind}rounds` : `${allowance} free ${kind}${allowance === 1 ? 'round' : 'rounds'}`;

export const defaultRevisionMessage = (allowance: number) =>
  `Your order includes ${freeRounds(allowance)}. The shop will let you know whether ${allowance === 0 ? 'any change needs' : 'further changes need'} a paid revision.`;
