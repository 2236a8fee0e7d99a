import type { Actor } from '#shared/db/order-activity.ts';
import type { OrderFile } from '#shared/db/order-file.ts';
import type { FileView } from '#shared/schemas/file.ts';

/**
 * What the API shows of a file: never its storage key. `seen` is how the viewer sees who uploaded
 * it (a customer sees the shop by its name: see `actorViewFor`).
 */
export const toFileView = (file: OrderFile, seen: (actor: Actor) => Actor = (actor) => actor): FileView => ({
  fileId: file.fileId,
  purpose: file.purpose,
  filename: file.filename,
  contentType: file.contentType,
  kind: file.kind,
  size: file.size,
  sha256: file.sha256,
  previewState: file.preview.state,
  uploadedBy: uploader(seen(file.uploadedBy)),
  uploadedAt: file.uploadedAt,
});

const uploader = ({ kind, email, name }: Actor): FileView['uploadedBy'] => ({ kind, ...(email === undefined ? {} : { email }), ...(name === undefined ? {} : { name }) });
