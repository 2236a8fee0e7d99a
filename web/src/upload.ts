import { ApiError, post } from './api.ts';
import { checkFileContent, maxFilenameLength, typeHeadBytes } from '#shared/domain/files/file-types.ts';
import type { FileView } from '#shared/schemas/file.ts';
import { graphemesOf } from '#shared/text/visible-length.ts';

/** What the file pickers offer: the types the server accepts (it checks the bytes anyway). */
export const acceptedFileTypes = 'image/png,image/jpeg,image/webp,image/gif,application/pdf,image/svg+xml,.ai,.eps';

export type UploadHandle = { done: Promise<FileView>; cancel(): void };

type Signed = { uploadId: string; url: string; fields: Record<string, string> };

/**
 * Signs with `sign`, then posts the file straight to the bucket with the presigned POST,
 * reporting progress (fetch cannot, so this is XHR), then runs `after` on the signature.
 */
function uploadDirect<S extends Signed, T>(file: File, sign: (declared: { filename: string; contentType: string; size: number }) => Promise<S>, after: (signed: S) => Promise<T>, onProgress: (fraction: number) => void) {
  const xhr = new XMLHttpRequest();
  let cancelled = false;
  const done = (async () => {
    // The server's own check of the bytes, run first so a refused file is said at once, not when the request is sent.
    const content = checkFileContent(file.size, new Uint8Array(await file.slice(0, typeHeadBytes).arrayBuffer()));
    if (!content.ok) throw new ApiError(422, 'unprocessable', content.reason);
    const filename = withinNameLimit(file.name);
    const signed = await sign({ filename, contentType: file.type || guessType(file.name), size: file.size });
    if (cancelled) throw new ApiError(0, 'cancelled', 'Cancelled.');
    const form = new FormData();
    for (const [key, value] of Object.entries(signed.fields)) form.append(key, value);
    form.append('file', file, filename);
    await new Promise<void>((resolve, reject) => {
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
      xhr.onload = () => (xhr.status < 300 ? resolve() : reject(new ApiError(xhr.status, 'upload_failed', storageRefusal(xhr.responseText))));
      xhr.onerror = () => reject(new ApiError(0, 'network', 'The upload failed. Check your connection and try again.'));
      xhr.onabort = () => reject(new ApiError(0, 'cancelled', 'Cancelled.'));
      xhr.open('POST', signed.url);
      xhr.send(form);
    });
    onProgress(1);
    return after(signed);
  })();
  return {
    done,
    cancel() {
      cancelled = true;
      xhr.abort();
    },
  };
}

/** A file of an order: uploaded, then checked and recorded by the API. */
export function uploadToOrder(orderId: string, file: File, purpose: 'design' | 'reference', onProgress: (fraction: number) => void): UploadHandle {
  return uploadDirect(
    file,
    (declared) => post<Signed>(`/orders/${orderId}/uploads`, { purpose, ...declared }),
    (signed) => post<FileView>(`/orders/${orderId}/uploads/${signed.uploadId}/complete`),
    onProgress,
  );
}

/** The secret of a request's upload draft, settled once the first file is signed. */
export type UploadDraft = { secret?: Promise<string> | undefined };

/**
 * A reference file for a request not sent yet: it joins the browser's upload draft (started
 * by the first file; files chosen together wait for it) and is checked when the request is sent.
 */
export function uploadReference(slug: string, file: File, draft: UploadDraft, onProgress: (fraction: number) => void): { done: Promise<string>; cancel(): void } {
  return uploadDirect(
    file,
    async (declared) => {
      const path = `/shops/${encodeURIComponent(slug)}/request-uploads`;
      const existing = draft.secret;
      if (existing) return post<Signed & { draft: string }>(path, { ...declared, draft: await existing });
      const signing = post<Signed & { draft: string }>(path, declared);
      draft.secret = signing.then((s) => s.draft);
      // A failed first signature leaves no draft behind: the next file starts one.
      draft.secret.catch(() => (draft.secret = undefined));
      return signing;
    },
    async (signed) => signed.uploadId,
    onProgress,
  );
}

/**
 * A name the server takes: one longer than its limit (a phone's photo named by an app, a
 * name in a script of many letters) is shortened to its start and its extension, since a
 * person on a phone cannot easily rename it. Counted in code points, as the server's check
 * counts (an emoji is one, a flag two), and cut between whole characters (never half a flag
 * or a letter without its accent).
 */
export function withinNameLimit(name: string, limit = maxFilenameLength): string {
  const length = (text: string) => Array.from(text).length;
  if (length(name) <= limit) return name;
  const dot = name.lastIndexOf('.');
  // A short ending after a dot is the type a person and a program read; a long one is just more name.
  const extension = dot > 0 && length(name.slice(dot)) <= 10 ? name.slice(dot) : '';
  const room = limit - length(extension) - 1;
  let start = '';
  let used = 0;
  for (const piece of graphemesOf(name.slice(0, name.length - extension.length))) {
    used += length(piece);
    if (used > room) break;
    start += piece;
  }
  return `${start.trimEnd()}…${extension}`;
}

/**
 * Why the bucket refused a POST, in words: its policy admits exactly the size declared when the
 * upload was signed, for the 15 minutes the signature lasts.
 */
export function storageRefusal(responseXml: string): string {
  const code = /<Code>([^<]*)<\/Code>/.exec(responseXml)?.[1];
  if (code === 'EntityTooLarge' || code === 'EntityTooSmall') return 'The file changed on your device while it was being sent. Choose it again.';
  if (code === 'AccessDenied' && /expired/i.test(responseXml)) return 'The upload took longer than its 15 minutes. Try again, on a faster connection if you can.';
  return 'The upload was refused by storage.';
}

function guessType(name: string): string {
  const ext = name.split('.').pop()?.toLowerCase();
  return ({ ai: 'application/illustrator', eps: 'application/postscript', svg: 'image/svg+xml', pdf: 'application/pdf' } as Record<string, string>)[ext ?? ''] ?? 'application/octet-stream';
}
