import { z } from 'zod';

export const fileSchema = z.object({
  fileId: z.string(),
  purpose: z.enum(['design', 'reference', 'attachment']),
  filename: z.string(),
  contentType: z.string(),
  kind: z.enum(['image', 'pdf', 'svg', 'download_only']),
  size: z.int(),
  sha256: z.string(),
  previewState: z.enum(['pending', 'ready', 'none', 'failed']),
  uploadedBy: z.object({ kind: z.string(), email: z.string().optional() }),
  uploadedAt: z.string(),
});
export type FileView = z.infer<typeof fileSchema>;
