import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CentralError } from '../central/errors';
import type { PageToApply, SyncRepo } from '../db/sync-repo';
import { applyParsedFeed } from './feed-apply';
import type { FeedBytes, PageHeader, WriterCommand, WriterReply, WriterRequest } from './writer-protocol';

/** A page handed over as bytes: its header once parsed and checked, then its commit. */
export interface FeedPageWrite {
  header: Promise<PageHeader>;
  done: Promise<void>;
}

/** Where the sync engine writes the copy: the repository's two writes, as promises. */
export interface SyncWriter {
  beginFull(): Promise<void>;
  applyPage(page: PageToApply): Promise<void>;
  /** Parses and checks a feed page's bytes, then applies it (the engine's path: see threadSyncWriter). */
  applyFeedBytes(feed: FeedBytes): FeedPageWrite;
  close(): Promise<void>;
}

/** Writes on the caller's own connection and thread (an in-memory database, small tests). */
export function inlineSyncWriter(repo: SyncRepo): SyncWriter {
  return {
    beginFull: async () => repo.beginFull(),
    applyPage: async (page) => repo.applyPage(page),
    applyFeedBytes(feed) {
      let header: PageHeader | undefined;
      try {
        applyParsedFeed(
          feed,
          (page) => repo.applyPage(page),
          (parsed) => (header = parsed),
        );
      } catch (error) {
        const failed = Promise.reject(error as Error);
        failed.catch(() => undefined);
        return { header: header ? Promise.resolve(header) : failed, done: failed };
      }
      return { header: Promise.resolve(header as PageHeader), done: Promise.resolve() };
    },
    close: async () => undefined,
  };
}

/**
 * Writes on a connection of its own in a worker thread. A full sync writes a million rows and ends with an
 * index build: on the main thread that would freeze every screen's calls meanwhile, and in a thread of its
 * own the next page is downloaded while this one is written. WAL lets the main connection keep reading
 * throughout, and each page still commits together with its cursor.
 *
 * Pages arrive as the central API's bytes (`applyFeedBytes`), moved to the thread without a copy: parsing and
 * checking a page of 5,000 obligations held the main thread 40–150 ms at a time, and the thread pays about
 * what it paid before to receive the parsed page as a structured clone.
 */
export function threadSyncWriter(file: string): SyncWriter {
  let worker: Worker | undefined;
  let nextId = 1;
  interface Waiter {
    resolve: () => void;
    reject: (error: Error) => void;
    parsed?: (header: PageHeader) => void;
  }
  const pending = new Map<number, Waiter>();

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
      if ('parsed' in reply) {
        waiter.parsed?.(reply.parsed);
        return;
      }
      pending.delete(reply.id);
      if (reply.ok) waiter.resolve();
      else waiter.reject(reply.malformed ? new CentralError('malformed', reply.message) : new Error(reply.message));
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

  function call(command: WriterCommand, parsed?: (header: PageHeader) => void): Promise<void> {
    const thread = started();
    const id = nextId++;
    return new Promise<void>((resolve, reject) => {
      pending.set(id, { resolve, reject, parsed });
      thread.ref();
      const request = { ...command, id } satisfies WriterRequest;
      thread.postMessage(request, command.op === 'applyFeedBytes' ? transferable(command.feed.bytes) : []);
    });
  }

  return {
    beginFull: () => call({ op: 'beginFull' }),
    applyPage: (page) => call({ op: 'applyPage', page }),
    applyFeedBytes(feed) {
      let parsed!: (header: PageHeader) => void;
      let failParse!: (error: Error) => void;
      const header = new Promise<PageHeader>((resolve, reject) => {
        parsed = resolve;
        failParse = reject;
      });
      const done = call({ op: 'applyFeedBytes', feed }, parsed);
      // A page that fails before its header fails the header too; once parsed, settling it again is a no-op.
      done.catch((error: Error) => failParse(error));
      header.catch(() => undefined);
      return { header, done };
    },
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
 * The page's memory moves to the thread when the bytes own all of it; a view into a shared pool (a small
 * Buffer) is copied instead, since moving the pool would take it from everything else that uses it.
 */
function transferable(bytes: Uint8Array): ArrayBuffer[] {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? [buffer] : [];
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
