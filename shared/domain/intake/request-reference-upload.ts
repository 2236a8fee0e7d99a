import { epochSeconds } from '#shared/db/db.ts';
import { hitRateLimit, type RateLimitRule } from '#shared/db/rate-limit.ts';
import { listRequestUploads, putRequestUpload } from '#shared/db/request-upload.ts';
import { getShopIdBySlug } from '#shared/db/shop.ts';
import { rateLimitSubject } from '#shared/domain/auth/rate-limit-subject.ts';
import { newSecret, sha256 } from '#shared/domain/auth/secrets.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { safeFilename } from '#shared/domain/files/file-types.ts';
import { checkDeclaredUpload, signedForSeconds } from '#shared/domain/files/request-upload.ts';
import { newId } from '#shared/domain/ids.ts';
import { AppError } from '#shared/errors.ts';

export const referenceUploadLimit: RateLimitRule = { name: 'reference-upload-ip', limit: 40, windowSeconds: 60 * 60 };
/** More than any form asks for (10 per field); a draft is not a file store. */
export const maxUploadsPerDraft = 20;

/**
 * Signs a reference file upload for someone filling in a shop's request form: no account, no
 * order yet. The file joins an upload draft whose secret only this browser holds (a new draft
 * when none is given); submitting the request with that secret claims the files.
 */
export async function requestReferenceUpload(ctx: DomainContext, input: { slug: string; filename: string; contentType: string; size: number; draft?: string | undefined; ip: string }) {
  const verdict = await hitRateLimit(ctx.db, referenceUploadLimit, rateLimitSubject(input.ip), ctx.now());
  if (!verdict.allowed) throw new AppError('rate_limited', 'Too many uploads from here. Please try again later.', { headers: { 'Retry-After': String(verdict.retryAfterSeconds) } });
  const shopId = await getShopIdBySlug(ctx.db, input.slug.toLowerCase());
  if (!shopId) throw new AppError('not_found', 'No shop at this address.');
  const maxBytes = checkDeclaredUpload(ctx, input);

  const draft = input.draft ?? newSecret();
  const draftHash = sha256(draft);
  if (input.draft && (await listRequestUploads(ctx.db, draftHash)).length >= maxUploadsPerDraft) {
    throw new AppError('unprocessable', `A request can carry at most ${maxUploadsPerDraft} files.`);
  }
  const now = ctx.now();
  const uploadId = newId();
  const key = `incoming/requests/${shopId}/${uploadId}`;
  const signed = await ctx.files.presignPost({ key, contentType: input.contentType, maxBytes, expiresInSeconds: signedForSeconds, now });
  await putRequestUpload(ctx.db, {
    uploadId,
    draftHash,
    shopId,
    filename: safeFilename(input.filename, 'bin'),
    declaredType: input.contentType,
    key,
    maxBytes,
    createdAt: now.toISOString(),
    expiresAt: epochSeconds(now) + 24 * 60 * 60,
  });
  return { draft, uploadId, url: signed.url, fields: signed.fields, expiresAt: signed.expiresAt, maxBytes };
}
