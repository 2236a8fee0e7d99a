import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = '/usr/bin/chromium';

/**
 * `npm test` installs what it needs (DESIGN §10): Debian's chromium when it is missing and we
 * may install packages (root with apt-get, as on CI and the dev machines).
 */
export function ensureChromium(): void {
  if (existsSync(chromiumPath)) return;
  const root = process.getuid?.() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) return; // the browser tests then say how to install it
  console.log('Installing Debian chromium for the browser tests (once)…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
