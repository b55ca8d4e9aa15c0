// @ts-check
/**
 * `npm start [-- --port N --role kiosk|desk --config file --no-open --browser-host]`: rebuilds what changed
 * (build/ensure-built.mjs), then runs the bundled demo launcher, which starts the simulator and the bundled app.
 * Plain JavaScript and prebuilt code only: no TypeScript is compiled at a start where nothing changed.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ensureBuilt } from './ensure-built.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
try {
  ensureBuilt(root);
} catch (error) {
  process.stderr.write(`${/** @type {Error} */ (error).message}\n`);
  process.exit(1);
}
await import(pathToFileURL(join(root, 'dist', 'host', 'start.mjs')).href);
