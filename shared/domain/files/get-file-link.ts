import { getOrderFile } from '#shared/db/order-file.ts';
import type { Principal } from '#shared/db/session.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { loadOrderFor } from '#shared/domain/orders/order-access.ts';
import { AppError } from '#shared/errors.ts';

export type FileVariant = 'original' | 'preview' | 'thumbnail';

/**
 * A short-lived URL on the bucket's origin (never the portal's) for one file of an order the
 * caller may see. Only raster images are ever served inline; SVG, PDF, AI and EPS originals
 * download as attachments, and SVG is shown through its PNG rendering.
 */
export async function getFileLink(ctx: DomainContext, principal: Principal, input: { orderId: string; fileId: string; variant: FileVariant }): Promise<string> {
  const order = await loadOrderFor(ctx, principal, input.orderId);
  const file = await getOrderFile(ctx.db, order.orderId, input.fileId);
  if (!file) throw new AppError('not_found', 'No such file.');
  if (input.variant === 'original') {
    const inline = file.kind === 'image' || file.kind === 'pdf';
    return ctx.files.presignGet({ key: file.key, contentType: file.contentType, disposition: inline ? 'inline' : 'attachment', filename: file.filename });
  }
  const key = input.variant === 'thumbnail' ? file.preview.thumbnailKey : file.preview.key;
  if (file.preview.state !== 'ready' || !key) throw new AppError('not_found', 'This file has no preview (yet).');
  return ctx.files.presignGet({ key, contentType: 'image/png', disposition: 'inline', filename: file.filename.replace(/\.[^.]+$/, '.png') });
}
