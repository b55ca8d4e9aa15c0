import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

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
        groups: [{ name: 'index', tags: ['$initial'] }] as { name: string; tags: ['$initial'] }[],
      },
    },
  },
} as const;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [vue()],
  build: {
    ...rendererBuildOptions,
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
  },
});
