/** Bundles the Electron shell and the core into CommonJS for Electron's main process and the sandboxed preload. */
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node' as const,
  format: 'cjs' as const,
  target: 'node20',
  sourcemap: true,
  // electron-updater is loaded only where an update feed is configured, from node_modules as it ships.
  external: ['electron', 'better-sqlite3', 'electron-updater'],
  // The core reads import.meta.url (ESM); in the CommonJS bundle it is this file's URL.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning' as const,
};

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' });
// The sync writer thread, found beside main.cjs by main/sync/writer.ts.
await build({ ...common, entryPoints: ['main/sync/writer-thread.ts'], outfile: 'dist/electron/sync-writer.cjs' });
// A sandboxed preload may require only 'electron': no banner, everything else bundled in.
await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  external: ['electron'],
  define: {},
  banner: {},
});
// The browser host (`npm start` where Electron is absent): the same core in a process of its own, started by
// main.cjs with V8's code cache (main/host/boot.ts), and the writer thread beside it (main/sync/writer.ts looks there).
// Whitespace and syntax minified (names kept, so stack traces still read): a start reads and parses the bundle,
// about half as many bytes (startup_to_login_ms).
const host = { ...common, minifyWhitespace: true, minifySyntax: true, legalComments: 'none' as const };
await build({ ...host, entryPoints: ['main/host/entry.ts'], outfile: 'dist/host/core.cjs' });
await build({ ...host, entryPoints: ['main/host/boot.ts'], outfile: 'dist/host/main.cjs', define: {}, banner: {} });
await build({ ...host, entryPoints: ['main/sync/writer-thread.ts'], outfile: 'dist/host/sync-writer.cjs' });
// The demo launcher that starts it with the simulator: ESM for its top-level await; bundled CommonJS packages
// get a real require for Node's built-ins.
await build({
  ...common,
  entryPoints: ['scripts/start.ts'],
  outfile: 'dist/host/start.mjs',
  format: 'esm',
  define: {},
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
