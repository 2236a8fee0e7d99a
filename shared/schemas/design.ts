import { z } from 'zod';

const actor = z.object({ kind: z.enum(['seller', 'customer', 'system']), email: z.string().optional(), name: z.string().optional() });

export const designSchema = z.object({
  designId: z.string(),
  orderId: z.string(),
  version: z.int(),
  files: z.array(z.object({ fileId: z.string(), filename: z.string(), sha256: z.string(), size: z.int(), contentType: z.string(), kind: z.string() })),
  note: z.string().optional(),
  author: actor,
  createdAt: z.string(),
  state: z.enum(['awaiting_decision', 'approved', 'changes_requested', 'superseded']),
  decision: z
    .object({
      decision: z.enum(['approve', 'request_changes']),
      note: z.string().optional(),
      at: z.string(),
      by: actor,
      ip: z.string(),
      userAgent: z.string(),
      confirmed: z.object({ sha256s: z.array(z.string()), personalization: z.string() }).optional(),
      beyondAllowance: z.boolean(),
    })
    .optional(),
});
export type DesignView = z.infer<typeof designSchema>;
