import { describe, expect, it } from 'vitest';
import { checkFileContent, detectFileType, safeFilename } from '#shared/domain/files/file-types.ts';

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, /[^\u0000-\u00ff]/.test(p) ? 'utf8' : 'latin1')] : p)));

describe('detecting file types by their first bytes', () => {
  it.each([
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'), 'image/png', 'image'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg', 'image'],
    ['GIF', bytes('GIF89a', [1, 0, 1, 0]), 'image/gif', 'image'],
    ['WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp', 'image'],
    ['PDF', bytes('%PDF-1.7\n%âãÏÓ'), 'application/pdf', 'pdf'],
    ['EPS', bytes('%!PS-Adobe-3.0 EPSF-3.0'), 'application/postscript', 'download_only'],
    ['SVG', bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml', 'svg'],
    ['SVG with a BOM and comment', bytes('\uFEFF<!-- made by hand --><svg viewBox="0 0 1 1"></svg>'), 'image/svg+xml', 'svg'],
  ])('accepts %s', (_, head, contentType, kind) => {
    expect(detectFileType(head)).toMatchObject({ contentType, kind });
  });

  it.each([
    ['HTML named .png', bytes('<!doctype html><html><script>alert(1)</script>')],
    ['plain text', bytes('hello')],
    ['a ZIP', bytes('PK', [3, 4])],
    ['an executable', bytes('MZ', [0x90, 0])],
    ['empty', new Uint8Array()],
    ['a GIF/HTML polyglot', bytes('GIF89a/*<html><script>alert(1)</script>')],
    ['a PNG with HTML in its first bytes', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'tEXt<script>alert(1)</script>')],
    ['a PDF/HTML polyglot', bytes('%PDF-1.4 <html><body onload=alert(1)>')],
  ])('refuses %s', (_, head) => {
    expect(detectFileType(head)).toBeUndefined();
  });
});

describe('safe file names', () => {
  it('drops paths and characters that could break a header', () => {
    expect(safeFilename('../../etc/passwd', 'png')).toBe('passwd');
    expect(safeFilename('C:\\Users\\me\\proof "v2".png', 'png')).toBe('proof v2.png');
    expect(safeFilename('line\r\nbreak.png', 'png')).toBe('linebreak.png');
    expect(safeFilename('', 'pdf')).toBe('file.pdf');
  });

  it('refuses a file too short to hold a whole image or PDF of its type', () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHD');
    expect(checkFileContent(png.length, png)).toEqual({ ok: false, reason: 'This PNG file is incomplete: it may have been cut short. Save or export it again, then send it.' });
    const headerOnlyPdf = bytes('%PDF-1.7\n1 0 obj\n');
    expect(checkFileContent(headerOnlyPdf.length, headerOnlyPdf)).toMatchObject({ ok: false, reason: expect.stringMatching(/^This PDF file is incomplete/) });
    // A small whole PDF ends with its mark; a large one is judged by its start only.
    const smallPdf = bytes('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    expect(checkFileContent(smallPdf.length, smallPdf)).toMatchObject({ ok: true, detected: { extension: 'pdf' } });
    expect(checkFileContent(2_000_000, headerOnlyPdf)).toMatchObject({ ok: true });
    const png67 = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'x'.repeat(59));
    expect(checkFileContent(png67.length, png67)).toMatchObject({ ok: true });
  });

  it('keeps the start and the extension of a long name, cut between whole characters', () => {
    const kept = safeFilename(`${'🌸'.repeat(70)}.png`, 'png');
    expect(kept).toBe(`${'🌸'.repeat(57)}….png`);
    expect(kept.length).toBeLessThanOrEqual(120);
    expect(kept).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(safeFilename(`${'a'.repeat(200)}.jpeg`, 'jpg')).toBe(`${'a'.repeat(114)}….jpeg`);
    expect(safeFilename('a'.repeat(120), 'bin')).toBe('a'.repeat(120));
  });
});

describe('the name a checked file is kept under', () => {
  const pdf = { contentType: 'application/pdf', kind: 'pdf', extension: 'pdf' } as const;
  it('takes its extension from the bytes, except an Illustrator file, which is a PDF inside', async () => {
    const { checkedFilename } = await import('#shared/domain/files/record-checked-file.ts');
    expect(checkedFilename('logo.ai', pdf)).toBe('logo.ai');
    expect(checkedFilename('Logo.AI', pdf)).toBe('Logo.ai');
    expect(checkedFilename('proof.png', pdf)).toBe('proof.pdf');
    expect(checkedFilename('proof', pdf)).toBe('proof.pdf');
    expect(checkedFilename('logo.ai', { contentType: 'image/png', kind: 'image', extension: 'png' })).toBe('logo.png');
  });
});
