import { z } from 'zod';

export const shopSettingsInputSchema = z.object({
  version: z.int().min(1),
  revisionAllowance: z.int().min(0, 'Use 0 or more free rounds.').max(20, 'Offer at most 20 free rounds.'),
  /** Shown to a customer who asks for changes past the free rounds; empty means Atelier's default. */
  revisionMessage: z.string().trim().max(500, 'Keep the message under 500 characters.').optional(),
});
export type ShopSettingsInput = z.infer<typeof shopSettingsInputSchema>;

export const shopSettingsSchema = z.object({
  version: z.int(),
  revisionAllowance: z.int(),
  revisionMessage: z.string().optional(),
  /** What a customer reads when the shop has written no message of its own. */
  defaultRevisionMessage: z.string(),
});
export type ShopSettings = z.infer<typeof shopSettingsSchema>;
