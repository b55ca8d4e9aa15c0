import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PageToApply, SyncRepo } from '../db/sync-repo';
import type { WriterCommand, WriterReply, WriterRequest } from './writer-protocol';

/** Where the sync engine writes the copy: the repository's two writes, as promises. */
export interface SyncWriter {
  beginFull(): Promise<void>;
  applyPage(page: PageToApply): Promise<void>;
  close(): Promise<void>;
}

/** Writes on the caller's own connection and thread (an in-memory database, small tests). */
export function inlineSyncWriter(repo: SyncRepo): SyncWriter {
  return {
    beginFull: async () => repo.beginFull(),
    applyPage: async (page) => repo.applyPage(page),
    close: async () => undefined,
  };
}

/**
 * Writes on a connection of its own in a worker thread. A full sync writes a million rows and ends with an
 * index build: on the main thread that would freeze every screen's calls meanwhile, and in a thread of its
 * own the next page is downloaded and checked while this one is written. WAL lets the main connection keep
 * reading throughout, and each page still commits together with its cursor.
 */
export function threadSyncWriter(file: string): SyncWriter {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

  function failAll(error: Error): void {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  }

  function started(): Worker {
    if (worker) return worker;
    const thread = spawnWriterThread(file);
    thread.on('message', (reply: WriterReply) => {
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if (reply.ok) waiter.resolve();
      else waiter.reject(new Error(reply.message));
      // An idle writer must not keep the process alive; a busy one must (the engine awaits it).
      if (pending.size === 0) thread.unref();
    });
    thread.on('error', (error) => failAll(new Error(`sync writer thread failed: ${error.message}`)));
    thread.on('exit', (code) => {
      if (worker === thread) worker = undefined;
      failAll(new Error(`sync writer thread exited (${code})`));
    });
    worker = thread;
    return thread;
  }

  function call(command: WriterCommand): Promise<void> {
    const thread = started();
    const id = nextId++;
    return new Promise<void>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      thread.ref();
      thread.postMessage({ ...command, id } satisfies WriterRequest);
    });
  }

  return {
    beginFull: () => call({ op: 'beginFull' }),
    applyPage: (page) => call({ op: 'applyPage', page }),
    async close(): Promise<void> {
      const thread = worker;
      if (!thread) return;
      // The thread closes its connection after the writes already queued, then exits.
      const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
      await call({ op: 'close' }).catch(() => undefined);
      thread.ref(); // keeps the process up until the thread is gone
      await exited;
    },
  };
}

/**
 * The thread runs the bundled entry beside the running bundle (the Electron app, the benchmarks) or, from
 * source (development, tests), the TypeScript entry through tsx's loader.
 */
function spawnWriterThread(file: string): Worker {
  // The thread's young generation capped at 4 MB: it only turns pages into rows, and V8's default lets a full
  // sync's pages pile up before collecting them (peak RSS of the benchmark: 328 MB uncapped, 260–305 with
  // 8 MB and pages of 10,000, ~250 with 4 MB and pages of 5,000; 2 MB was worse again).
  const options = { workerData: { file }, resourceLimits: { maxYoungGenerationSizeMb: 4 } };
  const bundled = ['sync-writer.cjs', 'sync-writer.mjs'].map((name) => new URL(`./${name}`, import.meta.url)).find((url) => existsSync(fileURLToPath(url)));
  if (bundled) return new Worker(bundled, options);
  const entry = new URL('./writer-thread.ts', import.meta.url).href;
  // tsx's ESM API, resolved here where tsx is installed: its package maps `import` to the .mjs beside the
  // .cjs that require.resolve finds (the .cjs cannot load from an eval'd worker).
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`, { ...options, eval: true });
}
