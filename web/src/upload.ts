import { ApiError, post } from './api.ts';
import type { FileView } from '#shared/schemas/file.ts';

export type UploadHandle = { done: Promise<FileView>; cancel(): void };

/**
 * Uploads one file straight to the bucket with the presigned POST the API signs, reporting
 * progress (fetch cannot, so this is XHR), then asks the API to check and record it.
 */
export function uploadToOrder(orderId: string, file: File, purpose: 'design' | 'reference', onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  let cancelled = false;
  const done = (async () => {
    const signed = await post<{ uploadId: string; url: string; fields: Record<string, string> }>(`/orders/${orderId}/uploads`, {
      purpose,
      filename: file.name,
      contentType: file.type || guessType(file.name),
      size: file.size,
    });
    if (cancelled) throw new ApiError(0, 'cancelled', 'Cancelled.');
    const form = new FormData();
    for (const [key, value] of Object.entries(signed.fields)) form.append(key, value);
    form.append('file', file);
    await new Promise<void>((resolve, reject) => {
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
      xhr.onload = () => (xhr.status < 300 ? resolve() : reject(new ApiError(xhr.status, 'upload_failed', 'The upload was refused by storage.')));
      xhr.onerror = () => reject(new ApiError(0, 'network', 'The upload failed. Check your connection and try again.'));
      xhr.onabort = () => reject(new ApiError(0, 'cancelled', 'Cancelled.'));
      xhr.open('POST', signed.url);
      xhr.send(form);
    });
    onProgress(1);
    return post<FileView>(`/orders/${orderId}/uploads/${signed.uploadId}/complete`);
  })();
  return {
    done,
    cancel() {
      cancelled = true;
      xhr.abort();
    },
  };
}

function guessType(name: string): string {
  const ext = name.split('.').pop()?.toLowerCase();
  return ({ ai: 'application/illustrator', eps: 'application/postscript', svg: 'image/svg+xml', pdf: 'application/pdf' } as Record<string, string>)[ext ?? ''] ?? 'application/octet-stream';
}
