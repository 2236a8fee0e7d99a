import * as z from '#shared/zod.ts';
import { emailSchema, portalPathSchema } from '#shared/schemas/common.ts';
import { lazySchema } from '#shared/schemas/lazy-schema.ts';

export const magicLinkRequestSchema = lazySchema(() =>
  z.object({
    email: emailSchema(),
    next: portalPathSchema().optional(),
  }),
);

export const sessionRequestSchema = lazySchema(() =>
  z.object({
    token: z.string().min(16, 'This sign-in link is not whole: open the link from the email again, or ask for a new one.').max(128, 'This sign-in link is not one Atelier sent: ask for a new one.'),
  }),
);

export const meSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('seller'),
      email: z.string(),
      name: z.string(),
      shop: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    }),
    z.object({ kind: z.literal('customer'), email: z.string() }),
  ]),
);
export type Me = z.infer<ReturnType<typeof meSchema>>;
