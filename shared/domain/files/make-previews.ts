import { setFilePreview, type OrderFile } from '#shared/db/order-file.ts';
import type { DomainContext } from '#shared/domain/context.ts';

/** The long side of the preview shown on the review page, and of the thumbnail in lists. */
export const previewMaxSide = 1600;
export const thumbnailMaxSide = 320;
/** Decompression bombs stop here: a 100-megapixel image is far beyond any proof. */
const maxInputPixels = 100_000_000;

/**
 * sharp (libvips) takes about as long to load as the rest of the files Lambda: it loads with the
 * first file that is rendered, not with the Lambda. PDFs and other files, S3's repeated events
 * and keys outside `files/` never need it (ADR 0007).
 */
type Sharp = (typeof import('sharp'))['default'];
let loadingSharp: Promise<Sharp> | undefined;
const loadSharp = () => (loadingSharp ??= import('sharp').then((module) => module.default));

/**
 * Makes the PNG renderings the browser is shown: a preview and a thumbnail, for raster images
 * and for SVG (rasterized, so its markup never reaches a browser). EXIF orientation is applied
 * and metadata dropped. A file that cannot be rendered is marked `failed`; storage errors
 * are thrown, so the caller may retry. Idempotent: the keys are fixed per file.
 */
export async function makePreviews(ctx: Pick<DomainContext, 'db' | 'files'>, file: OrderFile): Promise<OrderFile> {
  if (file.kind !== 'image' && file.kind !== 'svg') return file;
  const base = `previews/${file.orderId}/${file.fileId}`;
  const [sharp, original] = await Promise.all([loadSharp(), ctx.files.read(file.key)]);
  const rendered = await render(sharp, original, file.kind).catch(() => undefined);
  let preview: OrderFile['preview'] = { state: 'failed' };
  if (rendered) {
    await Promise.all([ctx.files.put(`${base}/preview.png`, rendered.preview, 'image/png'), ctx.files.put(`${base}/thumbnail.png`, rendered.thumbnail, 'image/png')]);
    preview = { state: 'ready', key: `${base}/preview.png`, thumbnailKey: `${base}/thumbnail.png`, width: rendered.width, height: rendered.height };
  }
  await setFilePreview(ctx.db, file.orderId, file.fileId, preview);
  return { ...file, preview };
}

/** Both PNGs, or a rejection when the bytes are not a renderable image (corrupt, truncated, a bomb). */
async function render(sharp: Sharp, original: Buffer, kind: 'image' | 'svg') {
  // librsvg renders SVG without scripts and, from a buffer, without fetching anything.
  const source = () => sharp(original, { limitInputPixels: maxInputPixels, density: kind === 'svg' ? 144 : 72 }).rotate();
  const fit = (side: number) => ({ width: side, height: side, fit: 'inside' as const, withoutEnlargement: true });
  const [large, small] = await Promise.all([
    source().resize(fit(previewMaxSide)).png({ compressionLevel: 8 }).toBuffer({ resolveWithObject: true }),
    source().resize(fit(thumbnailMaxSide)).png({ compressionLevel: 8 }).toBuffer(),
  ]);
  return { preview: large.data, thumbnail: small, width: large.info.width, height: large.info.height };
}
