import { maxFilenameLength } from '#shared/domain/files/file-types.ts';
import { lazySchema } from '#shared/schemas/lazy-schema.ts';
import * as z from '#shared/zod.ts';

export const fileSchema = lazySchema(() =>
  z.object({
    fileId: z.string(),
    purpose: z.enum(['design', 'reference', 'attachment']),
    filename: z.string(),
    contentType: z.string(),
    kind: z.enum(['image', 'pdf', 'svg', 'download_only']),
    size: z.int(),
    sha256: z.string(),
    previewState: z.enum(['pending', 'ready', 'none', 'failed']),
    /** Who uploaded it; a customer sees the shop by its name, without an email. */
    uploadedBy: z.object({ kind: z.string(), email: z.string().optional(), name: z.string().optional() }),
    uploadedAt: z.string(),
  }),
);
export type FileView = z.infer<ReturnType<typeof fileSchema>>;


/** What a browser declares about a file before it may upload it. */
export const declaredUploadSchema = lazySchema(() =>
  z.object({
    filename: z.string().min(1, 'A file needs a name.').max(maxFilenameLength, `File names are at most ${maxFilenameLength} characters.`),
    contentType: z.string().min(3).max(100),
    size: z.int().min(1),
  }),
);

/** A presigned POST: where the browser sends the file and the form fields the policy fixes. */
export const signedUploadSchema = lazySchema(() =>
  z.object({ uploadId: z.string(), url: z.string(), fields: z.record(z.string(), z.string()), expiresAt: z.string(), maxBytes: z.int() }),
);
