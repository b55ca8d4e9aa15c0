import type { MessagePort } from 'node:worker_threads';
import { CentralError } from '../central/errors';
import { openDatabase } from '../db/connection';
import { createSyncRepo } from '../db/sync-repo';
import { applyParsedFeed } from './feed-apply';
import type { FetchedPage, WriterPages, WriterReply, WriterRequest } from './writer-protocol';

/** Rows written after which a full pass checkpoints between pages (a delta does at its end). */
const CHECKPOINT_EVERY_ROWS = 25_000;

/**
 * The sync writer thread (see writer.ts): opens its own connection to the terminal's database and applies the
 * engine's writes in the order they arrive, answering each. A page fetched by the fetcher thread arrives on
 * their own channel (given by a `pages` message): a write that names one waits for it, and every write behind it
 * waits too.
 */
export function runWriter(port: MessagePort, file: string): void {
  let pages: MessagePort | undefined;
  const db = openDatabase(file);
  const repo = createSyncRepo(db);
  const defaultCacheSize = Number(db.pragma('cache_size', { simple: true }));
  // This connection checkpoints after it has answered (below), not inside its commits: copying a delta's
  // pages into the database file and syncing it is housekeeping the engine need not wait for.
  db.pragma('wal_autocheckpoint = 0');
  let rowsSinceCheckpoint = 0;
  const fetched = new Map<number, Uint8Array>();
  const queue: WriterRequest[] = [];

  /**
   * During a full pass, 4 MiB of page cache instead of the default 16: the pass appends at the right edge of
   * the copy's B-trees, and it must stay well under the kiosk's memory budget (the benchmark's 300 MB). A delta
   * changes rows all over a million-row copy, where the default cache saves reads.
   */
  function sizeCacheFor(mode: 'full' | 'delta'): void {
    db.pragma(`cache_size = ${mode === 'full' ? -4000 : defaultCacheSize}`);
  }

  function checkpoint(): void {
    rowsSinceCheckpoint = 0;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy: the next checkpoint, or the main connection's own auto-checkpoint, moves these pages.
    }
  }

  /** The bytes a write names: its own, or the fetched page it refers to (pages fetched before it are stale). */
  function bytesOf(request: WriterRequest & { op: 'applyFeedBytes' }): Uint8Array {
    const { body } = request.feed;
    if (body instanceof Uint8Array) return body;
    const bytes = fetched.get(body.ref);
    if (!bytes) throw new Error(`fetched page ${body.ref} is not here`);
    for (const ref of fetched.keys()) if (ref <= body.ref) fetched.delete(ref);
    return bytes;
  }

  function handle(request: WriterRequest): void {
    let reply: WriterReply;
    let caughtUp = false;
    try {
      if (request.op === 'beginFull') {
        repo.beginFull();
      } else if (request.op === 'applyPage') {
        sizeCacheFor(repo.state().mode);
        repo.applyPage(request.page);
        rowsSinceCheckpoint += request.page.upserts.id.length + request.page.deletes.id.length;
        caughtUp = request.page.caughtUp;
      } else if (request.op === 'applyFeedBytes') {
        applyParsedFeed(
          { ...request.feed, body: bytesOf(request) },
          (page) => {
            sizeCacheFor(repo.state().mode);
            repo.applyPage(page);
            caughtUp = page.caughtUp;
          },
          (header) => {
            // The engine asks for the next page now, while this one is written.
            port.postMessage({ id: request.id, parsed: header } satisfies WriterReply);
            rowsSinceCheckpoint += header.changes;
          },
        );
      } else {
        db.close();
        port.postMessage({ id: request.id, ok: true } satisfies WriterReply);
        pages?.close();
        port.close();
        return;
      }
      reply = { id: request.id, ok: true };
    } catch (error) {
      reply = {
        id: request.id,
        ok: false,
        message: (error as Error).message,
        malformed: error instanceof CentralError && error.kind === 'malformed',
      };
    }
    port.postMessage(reply);
    if ((request.op === 'applyPage' || request.op === 'applyFeedBytes') && reply.ok) {
      if (caughtUp || rowsSinceCheckpoint >= CHECKPOINT_EVERY_ROWS) checkpoint();
    }
  }

  /** Runs the queued writes in order, stopping at one whose fetched page has not arrived yet. */
  function drain(): void {
    for (;;) {
      const next = queue[0];
      if (!next) return;
      if (next.op === 'applyFeedBytes' && !(next.feed.body instanceof Uint8Array) && !fetched.has(next.feed.body.ref)) return;
      queue.shift();
      handle(next);
    }
  }

  port.on('message', (message: WriterRequest | WriterPages) => {
    if (message.op === 'pages') {
      // A new fetcher (the previous one ended): whatever its predecessor had not delivered is not coming.
      pages?.close();
      pages = message.port;
      pages.on('message', (page: FetchedPage) => {
        fetched.set(page.ref, page.bytes);
        drain();
      });
      return;
    }
    queue.push(message);
    drain();
  });
}
