import type { FileStore } from '#shared/aws/file-store.ts';
import { checkFileContent, typeHeadBytes, type DetectedType } from '#shared/domain/files/file-types.ts';

/**
 * An object that passed the server's checks, as one read saw it: its SHA-256 and type describe
 * the version with this ETag, and only that version may be kept (see recordCheckedFile).
 */
export type CheckedObject = { size: number; detected: DetectedType; sha256: string; etag: string };

/**
 * What the server concludes about an object a browser uploaded, whatever the browser or the
 * local S3 let through: it must exist, be no larger than the size its upload was signed for and
 * be an allowed type by its first bytes. One read gives the size, the type, the SHA-256 and the
 * ETag, so a second POST to the same key cannot slip between the check and the hash. A refusal
 * carries the reason a person can act on.
 */
export async function checkUploadedObject(
  files: FileStore,
  upload: { key: string; maxBytes: number },
): Promise<({ ok: true } & CheckedObject) | { ok: false; missing: boolean; reason: string }> {
  const read = await files.inspect(upload.key, { headBytes: typeHeadBytes, maxBytes: upload.maxBytes });
  if (read === undefined) return { ok: false, missing: true, reason: 'The file has not arrived yet. Upload it again.' };
  if ('tooLarge' in read) return { ok: false, missing: false, reason: `The file that arrived is larger than the ${sizeInWords(upload.maxBytes)} its upload was signed for. Upload it again.` };
  const content = checkFileContent(read.size, read.head);
  return content.ok ? { ok: true, size: read.size, detected: content.detected, sha256: read.sha256, etag: read.etag } : { ok: false, missing: false, reason: content.reason };
}

const sizeInWords = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : bytes >= 1024 ? `${Math.floor(bytes / 1024)} KB` : bytes === 1 ? '1 byte' : `${bytes} bytes`;
