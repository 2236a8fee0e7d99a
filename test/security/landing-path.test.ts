import { describe, expect, it } from 'vitest';
import { isPortalPath } from '#shared/security/portal-path.ts';
import { safeNext } from '#web/src/api.ts';

describe('a landing path after sign-in', () => {
  it('takes paths inside the portal', () => {
    for (const path of ['/', '/orders/ord_1', '/home?tab=done', '/orders/ord_1#decide-title']) {
      expect(isPortalPath(path), path).toBe(true);
      expect(safeNext(path)).toBe(path);
    }
  });

  it('refuses every way to another origin, tabs and newlines that browsers drop included', () => {
    for (const path of ['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', ' /x', 'https://evil.example', 'javascript:alert(1)', '', `/${'a'.repeat(600)}`]) {
      expect(isPortalPath(path), JSON.stringify(path)).toBe(false);
      // The portal's links after sign-in go home instead.
      expect(safeNext(path), JSON.stringify(path)).toBe('/');
    }
  });
});
