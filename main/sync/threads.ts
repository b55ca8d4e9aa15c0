import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type TransferListItem } from 'node:worker_threads';
import type { buildSync } from 'esbuild';
import type { SyncThreadData } from './writer-protocol';

/**
 * A sync thread (writer or fetcher: one entry, writer-thread.ts) from the bundled entry beside the running
 * bundle (the Electron app, the benchmarks) or, from source (development, tests), from that entry bundled on
 * the spot (sourceBundle).
 */
export function spawnSyncThread(data: SyncThreadData, transferList: TransferListItem[]): Worker {
  // The thread's young generation capped at 4 MB: it only turns pages into rows, and V8's default lets a full
  // sync's pages pile up before collecting them (peak RSS of the benchmark: 328 MB uncapped, 260–305 with
  // 8 MB and pages of 10,000, ~250 with 4 MB and pages of 5,000; 2 MB was worse again).
  const options = { workerData: data, transferList, resourceLimits: { maxYoungGenerationSizeMb: 4 } };
  const bundled = ['sync-writer.cjs', 'sync-writer.mjs']
    .map((name) => new URL(`./${name}`, import.meta.url))
    .find((url) => existsSync(fileURLToPath(url)));
  return new Worker(bundled ?? sourceBundle(), options);
}

let fromSource: URL | undefined;

/**
 * From source, the threads' entry bundled with esbuild (a development dependency, resolved here where it is
 * installed) once per process, into `dist/dev/` under a name from its content, so processes share it and none
 * reads a half-written one. Loading TypeScript through tsx in each thread instead took about a second per
 * thread, and every terminal of the integration tests starts two.
 */
function sourceBundle(): URL {
  if (fromSource) return fromSource;
  const esbuild = createRequire(import.meta.url)('esbuild') as { buildSync: typeof buildSync };
  const entry = fileURLToPath(new URL('./writer-thread.ts', import.meta.url));
  const root = join(dirname(entry), '..', '..');
  // CommonJS, as the app's own bundle (build/bundle-electron.ts): each role then loads only its own packages.
  const options = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  } as const;
  const built = esbuild.buildSync({
    ...options,
    entryPoints: [entry],
    write: false,
    outfile: join(root, 'dist', 'dev', 'sync-threads.cjs'),
  });
  const code = built.outputFiles[0]?.contents;
  if (!code) throw new Error('esbuild produced no bundle for the sync threads');
  const file = join(root, 'dist', 'dev', `sync-threads-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs`);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  }
  fromSource = pathToFileURL(file);
  return fromSource;
}

/**
 * A page's memory moves to the other thread when the bytes own all of it; a view into a shared pool (a small
 * Buffer) is copied instead, since moving the pool would take it from everything else that uses it.
 */
export function transferable(bytes: Uint8Array): ArrayBuffer[] {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? [buffer] : [];
}
