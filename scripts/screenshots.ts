/**
 * `npm run screenshots`: a PNG of every screen at the product's two sizes — the portrait kiosk (1080×1920) and
 * the landscape screen (1366×768) — into `screenshots/<size>/<nn-screen>.png` (git-ignored), so a reviewer can
 * look at all of them at once. Uses the end-to-end tour (simulator, browser host, headless Chromium).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startTour } from '../test/e2e/screens-tour';

const SIZES = [
  { name: 'kiosco-1080x1920', viewport: { width: 1080, height: 1920 } },
  { name: 'horizontal-1366x768', viewport: { width: 1366, height: 768 } },
];
const out = process.argv[2] ?? 'screenshots';

rmSync(out, { recursive: true, force: true });
for (const size of SIZES) {
  const folder = join(out, size.name);
  mkdirSync(folder, { recursive: true });
  const tour = await startTour(size.viewport);
  try {
    await tour.run(async (name, page) => {
      // What the person sees without scrolling (the fold matters), not the whole page.
      await page.screenshot({ path: join(folder, `${name}.png`) });
      process.stdout.write(`${folder}/${name}.png\n`);
    });
  } finally {
    await tour.close();
  }
}
