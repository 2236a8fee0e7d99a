import sharp from 'sharp';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/**
 * A proof for the demo: a candle label mock-up drawn as SVG and rendered to PNG with sharp, a
 * little different per version, so the demo shows believable images without binary files.
 */
export async function demoProofPng(input: { accent: string; title: string; subtitle: string; version: number }): Promise<Buffer> {
  // The card is ~480 px wide inside; a serif glyph is about half its size wide.
  const size = Math.min(40 + input.version * 6, Math.floor(900 / Math.max(1, input.title.length)));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="560" viewBox="0 0 800 560">
  <rect width="800" height="560" fill="#f6f1e7"/>
  <rect x="120" y="70" width="560" height="420" rx="28" fill="#fffdf8" stroke="${input.accent}" stroke-width="6"/>
  <rect x="150" y="100" width="500" height="360" rx="18" fill="none" stroke="${input.accent}" stroke-width="2" stroke-dasharray="6 8"/>
  <circle cx="400" cy="170" r="34" fill="${input.accent}" opacity="0.85"/>
  <path d="M400 146c10 14 14 24 0 40c-14-16-10-26 0-40z" fill="#fffdf8"/>
  <text x="400" y="${265 + input.version * 4}" text-anchor="middle" font-family="DejaVu Serif, serif" font-size="${size}" fill="#2b2a28">${escape(input.title)}</text>
  <text x="400" y="330" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="24" letter-spacing="4" fill="${input.accent}">${escape(input.subtitle.toUpperCase())}</text>
  <text x="400" y="420" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="18" fill="#6b665e">proof v${input.version} · Willow &amp; Wick</text>
</svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
}
