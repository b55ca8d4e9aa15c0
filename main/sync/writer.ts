import { MessageChannel, type Worker } from 'node:worker_threads';
import { CentralError } from '../central/errors';
import type { BytesTransport } from '../central/http';
import type { FeedPageRef } from '../central/obligations';
import type { PageToApply, SyncRepo } from '../db/sync-repo';
import { applyParsedFeed } from './feed-apply';
import { createFetcher } from './fetcher';
import { spawnSyncThread, transferable } from './threads';
import type { FeedBytes, PageHeader, WriterCommand, WriterPages, WriterReply, WriterRequest } from './writer-protocol';

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
  /**
   * Where the engine sends its feed requests so that the pages' bytes go straight to this writer (a thread's
   * writer has a fetcher thread; absent: the engine receives the bytes itself and hands them over).
   */
  feedTransport?: BytesTransport<FeedPageRef>;
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
        const { body } = feed;
        if (!(body instanceof Uint8Array)) throw new Error('an inline writer has no fetched pages');
        applyParsedFeed(
          { ...feed, body },
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
 * Pages are downloaded by a second thread, the fetcher (fetcher-loop.ts), which moves their bytes straight to
 * the writer, where they are parsed and checked: the main thread only orchestrates (token, retries, cursors).
 * Parsing a page of 5,000 obligations held the main thread 40–150 ms at a time; receiving its megabyte there
 * still made it collect that garbage, and under load a collection waits for its helper threads tens of ms.
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
  const fetcher = createFetcher(() => void started());

  function failAll(error: Error): void {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  }

  /**
   * The writer thread, started on first use, and a fetcher beside it unless `alone` (started together, their
   * start-ups overlap: a thread's first start loads its modules).
   */
  function started(alone = false): Worker {
    if (worker) {
      if (!alone) withFetcher(worker);
      return worker;
    }
    const thread = spawnSyncThread({ role: 'writer', file }, []);
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
      // Its channel went with it: the next writer gets a new fetcher.
      fetcher.end();
    });
    worker = thread;
    if (!alone) withFetcher(thread);
    return thread;
  }

  /** A fetcher on a channel of its own to the writer, for the feed's requests (see createFetcher). */
  function withFetcher(thread: Worker): void {
    if (fetcher.running()) return;
    const channel = new MessageChannel();
    thread.postMessage({ op: 'pages', port: channel.port2 } satisfies WriterPages, [channel.port2]);
    fetcher.attach(channel.port1);
  }

  function call(command: WriterCommand, parsed?: (header: PageHeader) => void): Promise<void> {
    const thread = started(command.op === 'close');
    const id = nextId++;
    return new Promise<void>((resolve, reject) => {
      pending.set(id, { resolve, reject, parsed });
      thread.ref();
      const request = { ...command, id } satisfies WriterRequest;
      const body = command.op === 'applyFeedBytes' ? command.feed.body : undefined;
      thread.postMessage(request, body instanceof Uint8Array ? transferable(body) : []);
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
    feedTransport: fetcher.transport,
    async close(): Promise<void> {
      await fetcher.close();
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
