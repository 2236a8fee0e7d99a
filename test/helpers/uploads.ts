import { expect } from 'vitest';
import type { TestClient } from '#test/helpers/http.ts';

/** Asks the API for a presigned POST, uploads `bytes` straight to the (local) S3 with it, as a browser would. */
export async function uploadFile(client: TestClient, orderId: string, file: { name: string; type: string; bytes: Uint8Array; purpose?: string }) {
  const signed = await client.post(`/api/orders/${orderId}/uploads`, { purpose: file.purpose ?? 'design', filename: file.name, contentType: file.type, size: file.bytes.length });
  expect(signed.status, await signed.clone().text()).toBe(201);
  const { uploadId, url, fields } = (await signed.json()) as { uploadId: string; url: string; fields: Record<string, string> };
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const stored = await fetch(url, { method: 'POST', body: form });
  expect(stored.status, await stored.clone().text()).toBeLessThan(300);
  return { uploadId, fields, complete: () => client.post(`/api/orders/${orderId}/uploads/${uploadId}/complete`) };
}
