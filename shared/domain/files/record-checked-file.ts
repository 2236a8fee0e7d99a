import { putOrderFile, type OrderFile } from '#shared/db/order-file.ts';
import type { Actor } from '#shared/db/order-activity.ts';
import type { UploadPurpose } from '#shared/db/upload.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { safeFilename, type DetectedType } from '#shared/domain/files/file-types.ts';
import { newId } from '#shared/domain/ids.ts';

/** The name a checked file goes by: the person's name for it, the extension its bytes say. */
export const checkedFilename = (declared: string, detected: DetectedType) => {
  // Illustrator files are PDFs inside: a maker who sent logo.ai gets logo.ai back, not logo.pdf.
  const extension = detected.extension === 'pdf' && /\.ai$/i.test(declared) ? 'ai' : detected.extension;
  return `${safeFilename(declared.replace(/\.[A-Za-z0-9]{1,5}$/, ''), extension)}.${extension}`;
};

/**
 * Makes a checked upload a file of the order: its SHA-256 taken from the content, the object
 * moved to its final key (named by the server, extension by the bytes), the record written,
 * and its previews made where they are made in process (local mode).
 */
export async function recordCheckedFile(
  ctx: DomainContext,
  input: { orderId: string; key: string; filename: string; size: number; detected: DetectedType; purpose: UploadPurpose; uploadedBy: Actor },
): Promise<OrderFile> {
  const sha256 = await ctx.files.sha256(input.key);
  const fileId = newId();
  const key = `files/${input.orderId}/${fileId}.${input.detected.extension}`;
  await ctx.files.move(input.key, key, input.detected.contentType);
  const file: OrderFile = {
    fileId,
    orderId: input.orderId,
    purpose: input.purpose,
    filename: checkedFilename(input.filename, input.detected),
    contentType: input.detected.contentType,
    kind: input.detected.kind,
    size: input.size,
    sha256,
    key,
    preview: { state: input.detected.kind === 'image' || input.detected.kind === 'svg' ? 'pending' : 'none' },
    uploadedBy: input.uploadedBy,
    uploadedAt: ctx.now().toISOString(),
  };
  await putOrderFile(ctx.db, file);
  return ctx.previews ? ctx.previews(file) : file;
}
