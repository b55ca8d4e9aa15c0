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
  modulePreload: { polyfill: false },
  // Vue, Pinia and the router in one chunk, loaded with the entry, instead of pieces split by which lazy route
  // shares them: one gzip stream compresses better (renderer_first_paint_js_gzip_bytes).
  rolldownOptions: {
    output: {
      codeSplitting: {
        groups: [
          { name: 'vendor', test: /node_modules[\\/](@vue|vue|pinia|vue-router)[\\/]/ },
          // Small modules many lazy screens share, each in one chunk with its kin rather than a chunk of its own per
          // set of screens that happens to share it: every chunk is one more name in the entry's preload map, which
          // Ingreso loads (renderer_first_paint_js_gzip_bytes).
          {
            name: 'format',
            test: /renderer[\\/]format\.ts$|main[\\/]domain[\\/](money|date-time|payment-amount)\.ts$|renderer[\\/]components[\\/]FormField\.vue/,
          },
        ] as { name: string; test: RegExp }[],
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
