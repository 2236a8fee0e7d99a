import type { FileStore } from '#shared/aws/file-store.ts';
import { checkFileContent, typeHeadBytes, type DetectedType } from '#shared/domain/files/file-types.ts';

/**
 * What the server concludes about an object a browser uploaded, whatever the browser or the
 * local S3 let through: it must exist, fit the size limit and be an allowed type by its first
 * bytes. A refusal carries the reason a person can act on.
 */
export async function checkUploadedObject(
  files: FileStore,
  upload: { key: string; maxBytes: number },
): Promise<{ ok: true; size: number; detected: DetectedType } | { ok: false; missing: boolean; reason: string }> {
  const size = await files.size(upload.key);
  if (size === undefined) return { ok: false, missing: true, reason: 'The file has not arrived yet. Upload it again.' };
  if (size > upload.maxBytes) return { ok: false, missing: false, reason: `The file is larger than the ${Math.floor(upload.maxBytes / 1024 / 1024)} MB limit.` };
  const content = checkFileContent(size, size === 0 ? new Uint8Array() : await files.head(upload.key, Math.min(typeHeadBytes, size)));
  return content.ok ? { ok: true, size, detected: content.detected } : { ok: false, missing: false, reason: content.reason };
}
