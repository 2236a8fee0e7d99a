import { tallyOrderFiles, tallyPendingUploads } from '#shared/db/order-file-tally.ts';
import { hitRateLimit, type RateLimitRule } from '#shared/db/rate-limit.ts';
import type { Principal } from '#shared/db/session.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { AppError } from '#shared/errors.ts';

/**
 * The numbers that bound what a signed-in person may upload to orders, in one place.
 *
 * - Uploads signed per person (a seller or a customer, by their email) per hour: a proof of many
 *   files and a few retries fit; a script signing 100 MB uploads in a loop does not.
 * - Files an order keeps, and the bytes they take: many rounds of multi-file proofs, PDFs and
 *   the customer's references fit; an order used as free storage does not.
 */
export const orderUploadLimits = {
  perPerson: { name: 'order-upload', limit: 100, windowSeconds: 60 * 60 } satisfies RateLimitRule,
  filesPerOrder: 200,
  bytesPerOrder: 2 * 1024 ** 3,
};

const minutes = (seconds: number) => {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return m === 1 ? '1 minute' : `${m} minutes`;
};

/** Sizes as people read them: "640 KB", "1.4 GB". */
export const readableBytes = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1).replace(/\.0$/, '')} GB` : bytes >= 1024 ** 2 ? `${Math.round(bytes / 1024 ** 2)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Counts one signed upload against the person's hourly allowance; over it, 429 with Retry-After. */
export async function countUploadOf(ctx: Pick<DomainContext, 'db' | 'now'>, principal: Principal): Promise<void> {
  const rule = orderUploadLimits.perPerson;
  const verdict = await hitRateLimit(ctx.db, rule, `${principal.kind}#${principal.email.toLowerCase()}`, ctx.now());
  if (!verdict.allowed) {
    throw new AppError('rate_limited', `You have started ${rule.limit} uploads within the hour, the most Atelier takes. Try again in ${minutes(verdict.retryAfterSeconds)}.`, {
      headers: { 'Retry-After': String(verdict.retryAfterSeconds) },
    });
  }
}

/**
 * Refuses (409) a file the order has no room for: it already holds as many files as an order may,
 * or this one would take its files past the bytes an order may hold. When signing, uploads signed
 * within their URL's lifetime and not finished yet count as held (their bytes may still arrive);
 * when finalizing, only kept files do, so uploads under way do not shut each other out.
 *
 * 409, not 413: the request is fine and the file within the per-file limit (413 says that one);
 * what refuses it is the state of the order.
 */
export async function ensureOrderHasRoom(ctx: Pick<DomainContext, 'db' | 'now'>, orderId: string, size: number, options: { pendingSignedFor?: number } = {}): Promise<void> {
  const [kept, pending] = await Promise.all([
    tallyOrderFiles(ctx.db, orderId),
    options.pendingSignedFor ? tallyPendingUploads(ctx.db, orderId, new Date(ctx.now().getTime() - options.pendingSignedFor * 1000).toISOString()) : { count: 0, bytes: 0 },
  ]);
  const { filesPerOrder, bytesPerOrder } = orderUploadLimits;
  const underWay = pending.count ? ` and ${pending.count === 1 ? '1 upload' : `${pending.count} uploads`} under way` : '';
  // Room that uploads under way only hold comes back if they are never finished.
  const wait = ` An upload started but not finished holds its room for ${minutes(options.pendingSignedFor ?? 0)}.`;
  if (kept.count + pending.count >= filesPerOrder) {
    throw new AppError('conflict', `This order already holds ${kept.count} files${underWay}, the most one order can hold.${kept.count < filesPerOrder ? wait : ' No more can be added to it.'}`, {
      details: { limit: 'files_per_order', files: kept.count, uploadsUnderWay: pending.count, maxFiles: filesPerOrder },
    });
  }
  if (kept.bytes + pending.bytes + size > bytesPerOrder) {
    throw new AppError(
      'conflict',
      `This order's files${underWay} already take ${readableBytes(kept.bytes + pending.bytes)}; with this ${readableBytes(size)} file they would pass the ${readableBytes(bytesPerOrder)} one order can hold.${kept.bytes + size <= bytesPerOrder ? wait : ' Send a smaller file.'}`,
      { details: { limit: 'bytes_per_order', bytes: kept.bytes, uploadsUnderWayBytes: pending.bytes, maxBytes: bytesPerOrder } },
    );
  }
}
