import type { OrderFile } from '#shared/db/order-file.ts';
import type { FileView } from '#shared/schemas/file.ts';

/** What the API shows of a file: never its storage key. */
export const toFileView = (file: OrderFile): FileView => ({
  fileId: file.fileId,
  purpose: file.purpose,
  filename: file.filename,
  contentType: file.contentType,
  kind: file.kind,
  size: file.size,
  sha256: file.sha256,
  previewState: file.preview.state,
  uploadedBy: { kind: file.uploadedBy.kind, email: file.uploadedBy.email },
  uploadedAt: file.uploadedAt,
});
