import fs from 'node:fs';
import { describe, inject, it } from 'vitest';

/**
 * Debian's Chromium, or where CHROMIUM_PATH points. Without it the suite reports one skipped test
 * carrying the install hint, instead of failing: `npm test` works on a machine without a browser.
 */
export function chromiumOrSkip(): { path: string; available: boolean } {
  const path = inject('chromiumPath');
  const available = fs.existsSync(path);
  if (!available) {
    const hint = `Chromium not found at ${path}: apt-get install -y chromium (or set CHROMIUM_PATH)`;
    console.warn(`e2e skipped — ${hint}`);
    describe('end-to-end in Chromium', () => {
      it.skip(hint, () => {});
    });
  }
  return { path, available };
}
