import type { OrderFile } from '#shared/db/order-file.ts';
import type { Principal } from '#shared/db/session.ts';
import { getPendingUpload, takePendingUpload } from '#shared/db/upload.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { checkUploadedObject } from '#shared/domain/files/check-uploaded-object.ts';
import { recordCheckedFile } from '#shared/domain/files/record-checked-file.ts';
import { ensureOrderHasRoom } from '#shared/domain/files/upload-limits.ts';
import { loadOrderFor } from '#shared/domain/orders/order-access.ts';
import { AppError } from '#shared/errors.ts';

/**
 * Checks an upload to an order on the server (see checkUploadedObject). A refused object is
 * deleted and answered 422 with the reason; one the order has no room for any more (other
 * uploads finished since it was signed) is deleted and answered 409; an accepted one becomes a
 * file of the order, provided it is still the object that was checked (409 otherwise).
 */
export async function finalizeUpload(ctx: DomainContext, principal: Principal, input: { orderId: string; uploadId: string }): Promise<OrderFile> {
  const order = await loadOrderFor(ctx, principal, input.orderId);
  const upload = await getPendingUpload(ctx.db, order.orderId, input.uploadId);
  if (!upload || upload.createdBy.email !== principal.email) throw new AppError('not_found', 'No such upload. Upload the file again.');

  try {
    await ensureOrderHasRoom(ctx, order.orderId, upload.maxBytes);
  } catch (error) {
    await ctx.files.delete(upload.key);
    await takePendingUpload(ctx.db, order.orderId, upload.uploadId);
    throw error;
  }
  const checked = await checkUploadedObject(ctx.files, upload);
  if (!checked.ok) {
    if (checked.missing) throw new AppError('unprocessable', checked.reason);
    await ctx.files.delete(upload.key);
    await takePendingUpload(ctx.db, order.orderId, upload.uploadId);
    throw new AppError('unprocessable', checked.reason);
  }
  if (!(await takePendingUpload(ctx.db, order.orderId, upload.uploadId))) throw new AppError('conflict', 'This upload was already finished.');
  return recordCheckedFile(ctx, { orderId: order.orderId, key: upload.key, filename: upload.filename, size: checked.size, detected: checked.detected, sha256: checked.sha256, etag: checked.etag, purpose: upload.purpose, uploadedBy: upload.createdBy });
}
