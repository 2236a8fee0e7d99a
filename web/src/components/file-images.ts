import type { FileView } from '#shared/schemas/file.ts';

export type FileVariant = 'original' | 'preview' | 'thumbnail';

/** The API's link to a file; it answers with a redirect to the bucket's origin, never this one. */
export const fileUrl = (orderId: string, fileId: string, variant: FileVariant = 'original') =>
  `/api/orders/${orderId}/files/${fileId}${variant === 'original' ? '' : `?variant=${variant}`}`;

/**
 * Where the browser may show a file as an image: its PNG rendering once made (the only way an
 * SVG is ever shown), else a raster original while the rendering is pending; undefined for
 * anything that is a download only.
 */
export type ImageSource = (file: { fileId: string; kind: string }, size: 'preview' | 'thumbnail') => string | undefined;

export function imageSources(orderId: string, files: FileView[]): ImageSource {
  const states = new Map(files.map((f) => [f.fileId, f.previewState]));
  return (file, size) => {
    if (states.get(file.fileId) === 'ready') return fileUrl(orderId, file.fileId, size);
    return file.kind === 'image' && states.get(file.fileId) !== 'failed' ? fileUrl(orderId, file.fileId) : undefined;
  };
}
