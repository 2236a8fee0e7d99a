/**
 * A path inside the portal to land on after sign-in, never another origin: one "/" and no
 * whitespace anywhere. Browsers drop tabs and newlines from a URL, so "/\t/evil.example" would
 * become "//evil.example", another site. The API's schema and the portal apply the same rule.
 */
export const portalPathPattern = /^\/(?![/\\])[^\s]*$/;

export const portalPathMaxLength = 512;

export const isPortalPath = (path: string) => path.length <= portalPathMaxLength && portalPathPattern.test(path);
