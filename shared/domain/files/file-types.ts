import { graphemesOf } from '#shared/text/visible-length.ts';

/**
 * What Atelier accepts as a design or attachment file, decided by the file's first bytes, never
 * by its name or the browser's claim (DESIGN §6).
 */
export type FileKind = 'image' | 'pdf' | 'svg' | 'download_only';
export type DetectedType = { contentType: string; kind: FileKind; extension: string };

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

/** The content types a browser may declare when asking to upload. */
export const acceptedContentTypes = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/pdf',
  'image/svg+xml',
  'application/postscript',
  'application/illustrator',
  'application/eps',
  'image/x-eps',
] as const;

/** Markup a binary image or PDF has no business carrying at its start: the mark of a polyglot. */
const markupPattern = /<\s*(html|script|body|iframe|object|embed|svg|!doctype)\b/i;

function detectText(head: string): DetectedType | undefined {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text)) return { contentType: 'image/svg+xml', kind: 'svg', extension: 'svg' };
  return undefined;
}

/**
 * Detects the type of a file from its first bytes (4 KB is plenty). Answers undefined for
 * anything not on the allowlist, including HTML under any name and binary files that carry
 * markup in their first bytes (polyglots).
 */
export function detectFileType(head: Uint8Array): DetectedType | undefined {
  const headText = ascii(head, 0, 1024);
  let detected: DetectedType | undefined;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) detected = { contentType: 'image/png', kind: 'image', extension: 'png' };
  else if (startsWith(head, [0xff, 0xd8, 0xff])) detected = { contentType: 'image/jpeg', kind: 'image', extension: 'jpg' };
  else if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') detected = { contentType: 'image/gif', kind: 'image', extension: 'gif' };
  else if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') detected = { contentType: 'image/webp', kind: 'image', extension: 'webp' };
  else if (ascii(head, 0, 5) === '%PDF-') {
    // Illustrator files are PDFs inside; they preview as PDFs and download as they are.
    detected = { contentType: 'application/pdf', kind: 'pdf', extension: 'pdf' };
  } else if (ascii(head, 0, 10) === '%!PS-Adobe') detected = { contentType: 'application/postscript', kind: 'download_only', extension: 'eps' };
  else if (startsWith(head, [0xc5, 0xd0, 0xd3, 0xc6])) detected = { contentType: 'application/postscript', kind: 'download_only', extension: 'eps' };
  else return detectText(new TextDecoder('utf-8', { fatal: false }).decode(head));

  return markupPattern.test(headText) ? undefined : detected;
}

/**
 * Below these sizes a file cannot hold a whole image of its type (a PNG's signature, header,
 * data and end chunks alone take 67 bytes): it was cut short on the way, or is only a header.
 */
const smallestWhole: Record<string, number> = { 'image/png': 67, 'image/gif': 26, 'image/webp': 26, 'image/jpeg': 100 };

/** A PDF ends with its end-of-file mark; one small enough to be read whole must show it. */
const cutShortPdf = (size: number, head: Uint8Array) => size <= head.length && !ascii(head, Math.max(0, size - 1024), size).includes('%%EOF');

/** Whether a file can be accepted, from its size and first bytes, and if not, why in words. */
export function checkFileContent(size: number, head: Uint8Array): { ok: true; detected: DetectedType } | { ok: false; reason: string } {
  if (size === 0) return { ok: false, reason: 'The file is empty.' };
  const detected = detectFileType(head);
  if (!detected) return { ok: false, reason: 'Only images (PNG, JPEG, WebP, GIF), PDF, SVG, AI and EPS files can be sent: this file is none of these.' };
  const whole = detected.contentType === 'application/pdf' ? !cutShortPdf(size, head) : size >= (smallestWhole[detected.contentType] ?? 1);
  return whole ? { ok: true, detected } : { ok: false, reason: `This ${detected.extension.toUpperCase()} file is incomplete: it may have been cut short. Save or export it again, then send it.` };
}

/** How many first bytes decide a file's type. */
export const typeHeadBytes = 4096;

/**
 * The longest file name the API takes, in code points as zod counts them (an emoji is one); the
 * portal shortens longer ones. Here, not beside the schema: the portal's pages must not load zod.
 */
export const maxFilenameLength = 255;

const keptNameLength = 120;

/**
 * A name safe to show and to put in Content-Disposition: no paths, no control characters. A long
 * one keeps its start and its extension, cut between whole characters (no half an emoji).
 */
export function safeFilename(name: string, fallbackExtension: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>:|?*]/g, '').replace(/\s+/g, ' ').trim();
  if (!cleaned) return `file.${fallbackExtension}`;
  if (cleaned.length <= keptNameLength) return cleaned;
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(cleaned)?.[0] ?? '';
  let start = '';
  for (const character of graphemesOf(cleaned.slice(0, cleaned.length - extension.length))) {
    if (start.length + character.length > keptNameLength - extension.length - 1) break;
    start += character;
  }
  return `${start.trimEnd()}…${extension}`;
}
