import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type TransferListItem } from 'node:worker_threads';
import type { SyncThreadData } from './writer-protocol';

/**
 * A sync thread (writer or fetcher: one entry, writer-thread.ts) from the bundled entry beside the running
 * bundle (the Electron app, the benchmarks) or, from source (development, tests), the TypeScript entry through
 * tsx's loader.
 */
export function spawnSyncThread(data: SyncThreadData, transferList: TransferListItem[]): Worker {
  // The thread's young generation capped at 4 MB: it only turns pages into rows, and V8's default lets a full
  // sync's pages pile up before collecting them (peak RSS of the benchmark: 328 MB uncapped, 260–305 with
  // 8 MB and pages of 10,000, ~250 with 4 MB and pages of 5,000; 2 MB was worse again).
  const options = { workerData: data, transferList, resourceLimits: { maxYoungGenerationSizeMb: 4 } };
  const bundled = ['sync-writer.cjs', 'sync-writer.mjs']
    .map((name) => new URL(`./${name}`, import.meta.url))
    .find((url) => existsSync(fileURLToPath(url)));
  if (bundled) return new Worker(bundled, options);
  const entry = new URL('./writer-thread.ts', import.meta.url).href;
  // tsx's ESM API, resolved here where tsx is installed: its package maps `import` to the .mjs beside the
  // .cjs that require.resolve finds (the .cjs cannot load from an eval'd worker).
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`, {
    ...options,
    eval: true,
  });
}

/**
 * A page's memory moves to the other thread when the bytes own all of it; a view into a shared pool (a small
 * Buffer) is copied instead, since moving the pool would take it from everything else that uses it.
 */
export function transferable(bytes: Uint8Array): ArrayBuffer[] {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? [buffer] : [];
}
