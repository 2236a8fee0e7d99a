import type { Actor } from '#shared/db/order-activity.ts';
import { deleteRequestUpload, listRequestUploads, type RequestUpload } from '#shared/db/request-upload.ts';
import { sha256 } from '#shared/domain/auth/secrets.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { checkUploadedObject } from '#shared/domain/files/check-uploaded-object.ts';
import type { DetectedType } from '#shared/domain/files/file-types.ts';
import { checkedFilename, recordCheckedFile } from '#shared/domain/files/record-checked-file.ts';
import type { FieldError } from '#shared/domain/intake/validate-answers.ts';
import { AppError } from '#shared/errors.ts';
import type { IntakeField } from '#shared/schemas/intake-form.ts';

export type CheckedReference = { fieldId: string; upload: RequestUpload; size: number; detected: DetectedType; filename: string; sha256: string; etag: string };

/**
 * Before the order exists: every upload id a file field names must be in this request's draft,
 * for this shop, and its object must pass the server's checks. Refused objects are deleted and
 * reported per field (422), so nothing is created from a request that cannot be kept whole.
 */
export async function checkReferenceFiles(
  ctx: DomainContext,
  input: { shopId: string; fields: IntakeField[]; answers: Record<string, unknown>; draft: string | undefined },
): Promise<CheckedReference[]> {
  const wanted = input.fields.filter((f) => f.type === 'file').flatMap((f) => ((input.answers[f.id] as string[] | undefined) ?? []).map((uploadId) => ({ fieldId: f.id, uploadId })));
  if (wanted.length === 0) return [];
  const draftHash = input.draft ? sha256(input.draft) : undefined;
  const uploads = draftHash ? await listRequestUploads(ctx.db, draftHash) : [];
  const missing: FieldError[] = wanted
    .filter((w) => !uploads.some((u) => u.uploadId === w.uploadId && u.shopId === input.shopId))
    .map((w) => ({ fieldId: w.fieldId, message: 'A file is no longer there. Attach it again.' }));
  if (missing.length) throw new AppError('validation_failed', 'Some answers need another look.', { details: { fields: missing } });

  const checked: CheckedReference[] = [];
  const refused: FieldError[] = [];
  for (const w of wanted) {
    const upload = uploads.find((u) => u.uploadId === w.uploadId)!;
    const result = await checkUploadedObject(ctx.files, upload);
    if (result.ok) checked.push({ fieldId: w.fieldId, upload, size: result.size, detected: result.detected, filename: checkedFilename(upload.filename, result.detected), sha256: result.sha256, etag: result.etag });
    else {
      refused.push({ fieldId: w.fieldId, message: `${upload.filename}: ${result.reason}` });
      if (!result.missing) {
        await ctx.files.delete(upload.key);
        await deleteRequestUpload(ctx.db, upload.draftHash, upload.uploadId);
      }
    }
  }
  if (refused.length) throw new AppError('unprocessable', 'Some files cannot be accepted.', { details: { fields: refused } });
  return checked;
}

/** Once the order exists: the checked references become its files, and the draft forgets them. */
export async function attachReferenceFiles(ctx: DomainContext, orderId: string, references: CheckedReference[], uploadedBy: Actor): Promise<void> {
  for (const ref of references) {
    // The check's own read: the file is moved only if it is still that object, and not read again.
    await recordCheckedFile(ctx, { orderId, key: ref.upload.key, filename: ref.upload.filename, size: ref.size, detected: ref.detected, purpose: 'reference', uploadedBy, sha256: ref.sha256, etag: ref.etag });
    await deleteRequestUpload(ctx.db, ref.upload.draftHash, ref.upload.uploadId);
  }
}
