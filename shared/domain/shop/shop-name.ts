/**
 * The longest shop name: one line customers read on its request page, in emails, at the top of
 * the seller's pages. Apart from the schema, so the portal's pages do not load zod for it.
 */
export const shopNameMaxLength = 80;
