import { putOrderFile, type OrderFile } from '#shared/db/order-file.ts';
import type { Principal } from '#shared/db/session.ts';
import { getPendingUpload, takePendingUpload } from '#shared/db/upload.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { detectFileType, safeFilename } from '#shared/domain/files/file-types.ts';
import { newId } from '#shared/domain/ids.ts';
import { loadOrderFor } from '#shared/domain/orders/order-access.ts';
import { AppError } from '#shared/errors.ts';

const headBytes = 4096;

/**
 * Checks an uploaded object on the server, whatever the browser or the local S3 let through:
 * it must exist, fit the size limit and be an allowed type by its first bytes. A refused object
 * is deleted and answered 422 with the reason; an accepted one moves to its final key with
 * its SHA-256 recorded.
 */
export async function finalizeUpload(ctx: DomainContext, principal: Principal, input: { orderId: string; uploadId: string }): Promise<OrderFile> {
  const order = await loadOrderFor(ctx, principal, input.orderId);
  const upload = await getPendingUpload(ctx.db, order.orderId, input.uploadId);
  if (!upload || upload.createdBy.email !== principal.email) throw new AppError('not_found', 'No such upload. Upload the file again.');

  const size = await ctx.files.size(upload.key);
  if (size === undefined) throw new AppError('unprocessable', 'The file has not arrived yet. Upload it again.');
  const refuse = async (reason: string) => {
    await ctx.files.delete(upload.key);
    await takePendingUpload(ctx.db, order.orderId, upload.uploadId);
    return new AppError('unprocessable', reason);
  };
  if (size === 0) throw await refuse('The file is empty.');
  if (size > upload.maxBytes) throw await refuse(`The file is larger than the ${Math.floor(upload.maxBytes / 1024 / 1024)} MB limit.`);
  const detected = detectFileType(await ctx.files.head(upload.key, Math.min(headBytes, size)));
  if (!detected) throw await refuse('This is not a PNG, JPEG, WebP, GIF, PDF, SVG, AI or EPS file, whatever its name says.');

  if (!(await takePendingUpload(ctx.db, order.orderId, upload.uploadId))) throw new AppError('conflict', 'This upload was already finished.');
  const sha256 = await ctx.files.sha256(upload.key);
  const fileId = newId();
  const key = `files/${order.orderId}/${fileId}.${detected.extension}`;
  await ctx.files.move(upload.key, key, detected.contentType);
  const filename = safeFilename(upload.filename.replace(/\.[A-Za-z0-9]{1,5}$/, ''), detected.extension);
  const file: OrderFile = {
    fileId,
    orderId: order.orderId,
    purpose: upload.purpose,
    filename: `${filename}.${detected.extension}`,
    contentType: detected.contentType,
    kind: detected.kind,
    size,
    sha256,
    key,
    preview: { state: detected.kind === 'image' || detected.kind === 'svg' ? 'pending' : 'none' },
    uploadedBy: upload.createdBy,
    uploadedAt: ctx.now().toISOString(),
  };
  await putOrderFile(ctx.db, file);
  return file;
}
