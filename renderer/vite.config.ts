import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

/** Shared by the app build and the benchmark's baseline app, so their bundle sizes compare fairly. */
export const rendererBuildOptions = {
  target: 'es2022',
  sourcemap: false,
  cssCodeSplit: true,
  // Inline assets would need 'unsafe-inline'-free data: URLs only for images; keep everything as files.
  assetsInlineLimit: 0,
  // No <link rel=modulepreload> lists: each lazy import would carry the file names of every chunk it pulls in,
  // hashes that do not compress, in the entry (about 0.5 kB gzipped). A lazy screen's own imports then load one
  // after another, from 127.0.0.1 or the app's own files; its CSS is still fetched before it shows.
  modulePreload: false,
  // Everything the first screen loads (Vue, Pinia, the router, the entry's own static imports: rolldown's
  // `$initial` tag) in one chunk, instead of pieces split by which lazy screen shares them: one gzip stream
  // compresses better, and no shared module is left in a chunk of its own (renderer_first_paint_js_gzip_bytes).
  rolldownOptions: {
    output: {
      codeSplitting: {
        groups: [
          { name: 'index', tags: ['$initial'] },
          // Small modules many lazy screens share, each in one chunk with its kin rather than a chunk of its own per
          // set of screens that happens to share it.
          {
            name: 'format',
            test: /renderer[\\/]format\.ts$|main[\\/]domain[\\/](money|date-time|payment-amount)\.ts$|renderer[\\/]components[\\/]FormField\.vue/,
          },
        ] as ({ name: string; tags: ['$initial'] } | { name: string; test: RegExp })[],
      },
    },
  },
} as const;

/**
 * A Brotli copy beside each JS and CSS file: the browser host serves it to a browser that accepts it
 * (`preCompressed`, main/host/server.ts), about a quarter of the bytes to read and write at a start
 * (startup_to_login_ms). Electron reads the files themselves.
 */
function brotliCopies(): Plugin {
  return {
    name: 'pes-brotli-copies',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css)$/.test(name) || !options.dir) continue;
        const file = join(options.dir, name);
        writeFileSync(`${file}.br`, brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [vue(), brotliCopies()],
  build: {
    ...rendererBuildOptions,
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
  },
});
