import { epochSeconds } from '#shared/db/db.ts';
import type { Principal } from '#shared/db/session.ts';
import { putPendingUpload, type UploadPurpose } from '#shared/db/upload.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { acceptedContentTypes, safeFilename } from '#shared/domain/files/file-types.ts';
import { ensureOrderHasRoom, countUploadOf } from '#shared/domain/files/upload-limits.ts';
import { newId } from '#shared/domain/ids.ts';
import { actorOf, loadOrderFor } from '#shared/domain/orders/order-access.ts';
import { AppError } from '#shared/errors.ts';

export type UploadRequest = { orderId: string; purpose: UploadPurpose; filename: string; contentType: string; size: number };

export const signedForSeconds = 15 * 60;

/**
 * What the browser declares before uploading: a type on the allowlist and a size under the
 * limit, refused before anything is signed. Answers the bytes the POST policy will admit:
 * exactly the declared size (the file the browser measured), which finalize holds it to again.
 */
export function checkDeclaredUpload(ctx: Pick<DomainContext, 'config'>, input: { contentType: string; size: number }): number {
  if (!(acceptedContentTypes as readonly string[]).includes(input.contentType)) {
    throw new AppError('unsupported_media_type', 'Atelier accepts PNG, JPEG, WebP, GIF, PDF, SVG, AI and EPS files.');
  }
  const maxBytes = ctx.config.uploadMaxBytes;
  if (input.size > maxBytes) {
    throw new AppError('payload_too_large', `This file is ${Math.ceil(input.size / 1024 / 1024)} MB; the limit is ${Math.floor(maxBytes / 1024 / 1024)} MB.`);
  }
  return input.size;
}

/**
 * Signs a direct browser-to-S3 upload for someone who may see the order. The key is the
 * server's; the policy fixes it, the content type and the size. Each signature counts against
 * the person's hourly allowance (429), and an order with no room left for the file signs
 * nothing (409, see upload-limits). Nothing is trusted until the upload is finalized.
 */
export async function requestUpload(ctx: DomainContext, principal: Principal, input: UploadRequest) {
  const order = await loadOrderFor(ctx, principal, input.orderId);
  const maxBytes = checkDeclaredUpload(ctx, input);
  await countUploadOf(ctx, principal);
  await ensureOrderHasRoom(ctx, order.orderId, maxBytes, { pendingSignedFor: signedForSeconds });
  const now = ctx.now();
  const uploadId = newId();
  const key = `incoming/${order.orderId}/${uploadId}`;
  const signed = await ctx.files.presignPost({ key, contentType: input.contentType, maxBytes, expiresInSeconds: signedForSeconds, now });
  await putPendingUpload(ctx.db, {
    uploadId,
    orderId: order.orderId,
    purpose: input.purpose,
    filename: safeFilename(input.filename, 'bin'),
    declaredType: input.contentType,
    key,
    maxBytes,
    createdBy: actorOf(principal),
    createdAt: now.toISOString(),
    expiresAt: epochSeconds(now) + 24 * 60 * 60,
  });
  return { uploadId, url: signed.url, fields: signed.fields, expiresAt: signed.expiresAt, maxBytes };
}
