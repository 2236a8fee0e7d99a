/**
 * The header CloudFront adds to every request it forwards to the API, carrying the origin secret
 * (docs/decisions/0020-the-api-only-behind-cloudfront.md).
 */
export const originSecretHeader = 'x-atelier-origin-secret';
