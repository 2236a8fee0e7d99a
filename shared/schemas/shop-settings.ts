import * as z from '#shared/zod.ts';
import { shopNameMaxLength } from '#shared/domain/shop/shop-name.ts';
import { lazySchema } from '#shared/schemas/lazy-schema.ts';


export const shopSettingsInputSchema = lazySchema(() =>
  z.object({
    version: z.int().min(1),
    /** Left out, the name stays as it is. One line: it heads emails and their subjects. */
    name: z
      .string()
      .trim()
      .min(1, 'Your shop needs a name.')
      .max(shopNameMaxLength, `A shop’s name is at most ${shopNameMaxLength} characters.`)
      .regex(/^\P{Cc}*$/u, 'A shop’s name is one line of text.')
      .optional(),
    revisionAllowance: z.int().min(0, 'Use 0 or more free rounds.').max(20, 'Offer at most 20 free rounds.'),
    /** Shown to a customer who asks for changes past the free rounds; empty means Atelier's default. */
    revisionMessage: z.string().trim().max(500, 'Keep the message under 500 characters.').optional(),
  }),
);
export type ShopSettingsInput = z.infer<ReturnType<typeof shopSettingsInputSchema>>;

export const shopSettingsSchema = lazySchema(() =>
  z.object({
    version: z.int(),
    name: z.string(),
    /** The request page's address (`/s/<slug>`): fixed, so links already given to customers keep working. */
    slug: z.string(),
    revisionAllowance: z.int(),
    revisionMessage: z.string().optional(),
    /** What a customer reads when the shop has written no message of its own. */
    defaultRevisionMessage: z.string(),
  }),
);
export type ShopSettings = z.infer<ReturnType<typeof shopSettingsSchema>>;
