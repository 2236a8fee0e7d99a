import { lazySchema } from '#shared/schemas/lazy-schema.ts';
import * as z from '#shared/zod.ts';

const actorSchema = lazySchema(() => z.object({ kind: z.enum(['seller', 'customer', 'system']), email: z.string().optional(), name: z.string().optional() }));

export const designSchema = lazySchema(() =>
  z.object({
    designId: z.string(),
    orderId: z.string(),
    version: z.int(),
    files: z.array(z.object({ fileId: z.string(), filename: z.string(), sha256: z.string(), size: z.int(), contentType: z.string(), kind: z.string() })),
    note: z.string().optional(),
    author: actorSchema(),
    createdAt: z.string(),
    state: z.enum(['awaiting_decision', 'approved', 'changes_requested', 'superseded']),
    decision: z
      .object({
        decision: z.enum(['approve', 'request_changes']),
        note: z.string().optional(),
        at: z.string(),
        by: actorSchema(),
        ip: z.string(),
        userAgent: z.string(),
        confirmed: z.object({ sha256s: z.array(z.string()), personalization: z.string() }).optional(),
        beyondAllowance: z.boolean(),
      })
      .optional(),
  }),
);
export type DesignView = z.infer<ReturnType<typeof designSchema>>;

export const pinSchema = lazySchema(() =>
  z.object({
    fileId: z.string().regex(/^[a-z0-9]{16}$/),
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    page: z.int().min(1).max(10_000).optional(),
  }),
);

export const commentSchema = lazySchema(() =>
  z.object({
    commentId: z.string(),
    designId: z.string(),
    body: z.string(),
    pin: pinSchema().optional(),
    parentId: z.string().optional(),
    author: actorSchema(),
    createdAt: z.string(),
    resolved: z.boolean(),
    resolvedAt: z.string().optional(),
  }),
);
export type CommentView = z.infer<ReturnType<typeof commentSchema>>;

export const newCommentSchema = lazySchema(() =>
  z.object({
    body: z.string().trim().min(1, 'Write a comment.').max(2000),
    pin: pinSchema().optional(),
    parentId: z.string().regex(/^[a-z0-9]{16}$/).optional(),
  }),
);
