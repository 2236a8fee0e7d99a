import { putOrderFile, type OrderFile } from '#shared/db/order-file.ts';
import type { Actor } from '#shared/db/order-activity.ts';
import type { UploadPurpose } from '#shared/db/upload.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { checkUploadedObject, type CheckedObject } from '#shared/domain/files/check-uploaded-object.ts';
import { safeFilename, type DetectedType } from '#shared/domain/files/file-types.ts';
import { newId } from '#shared/domain/ids.ts';
import { AppError } from '#shared/errors.ts';

/** The name a checked file goes by: the person's name for it, the extension its bytes say. */
export const checkedFilename = (declared: string, detected: DetectedType) => {
  // Illustrator files are PDFs inside: a maker who sent logo.ai gets logo.ai back, not logo.pdf.
  const extension = detected.extension === 'pdf' && /\.ai$/i.test(declared) ? 'ai' : detected.extension;
  return `${safeFilename(declared.replace(/\.[A-Za-z0-9]{1,5}$/, ''), extension)}.${extension}`;
};

/**
 * Makes a checked upload a file of the order: the object moved to its final key (named by the
 * server, extension by the bytes) only if it is still the version that was checked, the record
 * written with that version's SHA-256, and its previews made where they are made in process
 * (local mode).
 *
 * The upload's POST policy stays valid for a while after the check, so the key may have been
 * written again since: the move is conditional on the checked ETag, and a changed object is
 * deleted and refused (409) rather than kept unchecked under the first one's SHA-256. A caller
 * that did not keep its check's read (no `sha256`/`etag`) gets the object read and checked again
 * here, and refused if it is not what was checked before.
 */
export async function recordCheckedFile(
  ctx: DomainContext,
  input: {
    orderId: string;
    key: string;
    filename: string;
    size: number;
    detected: DetectedType;
    purpose: UploadPurpose;
    uploadedBy: Actor;
    sha256?: string | undefined;
    etag?: string | undefined;
  },
): Promise<OrderFile> {
  const checked = input.sha256 && input.etag ? { sha256: input.sha256, etag: input.etag } : await checkAgain(ctx, input);
  const fileId = newId();
  const key = `files/${input.orderId}/${fileId}.${input.detected.extension}`;
  if (!(await ctx.files.moveIfUnchanged({ from: input.key, to: key, contentType: input.detected.contentType, etag: checked.etag }))) return refuseChanged(ctx, input.key);
  const file: OrderFile = {
    fileId,
    orderId: input.orderId,
    purpose: input.purpose,
    filename: checkedFilename(input.filename, input.detected),
    contentType: input.detected.contentType,
    kind: input.detected.kind,
    size: input.size,
    sha256: checked.sha256,
    key,
    preview: { state: input.detected.kind === 'image' || input.detected.kind === 'svg' ? 'pending' : 'none' },
    uploadedBy: input.uploadedBy,
    uploadedAt: ctx.now().toISOString(),
  };
  await putOrderFile(ctx.db, file);
  return ctx.previews ? ctx.previews(file) : file;
}

/** The same checks again, from one read that must find the same size and type as before. */
async function checkAgain(ctx: DomainContext, input: { key: string; size: number; detected: DetectedType }): Promise<CheckedObject> {
  const again = await checkUploadedObject(ctx.files, { key: input.key, maxBytes: input.size });
  if (again.ok && again.size === input.size && again.detected.contentType === input.detected.contentType) return again;
  return refuseChanged(ctx, input.key);
}

async function refuseChanged(ctx: DomainContext, key: string): Promise<never> {
  await ctx.files.delete(key);
  throw new AppError('conflict', 'The file changed on the server while it was being checked, so it was not kept. Upload it again.');
}
