/**
 * The portal's Content-Security-Policy, one definition for the local server and CloudFront:
 * only its own scripts and styles, and files only from the bucket's origin.
 */
export function portalContentSecurityPolicy(filesOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob: ${filesOrigin}`,
    `connect-src 'self' ${filesOrigin}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}
