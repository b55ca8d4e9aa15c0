import type { Logger } from 'pino';
import { CentralError } from '../central/errors';
import type { CentralOutcome } from '../central/http';
import type { FeedPageRef, ObligationsClient } from '../central/obligations';
import type { SyncRepo } from '../db/sync-repo';
import type { Clock } from '../runtime/clock';
import { inlineSyncWriter, type SyncWriter } from './writer';

export interface SyncEngineOptions {
  repo: SyncRepo;
  client: ObligationsClient;
  clock: Clock;
  logger: Logger;
  /**
   * Obligations per feed page (the central API allows up to 10,000). 5,000 by default: as fast as 10,000 in
   * the sync benchmark, and the pages in flight cost the main thread's heap half as much (peak RSS of a
   * million-row sync ~250 MB instead of 260–305).
   */
  pageSize?: number;
  /** Where pages are written (default: on `repo`'s connection, in this thread). */
  writer?: SyncWriter;
  /**
   * Told whether each page the central API sent was good or malformed (connectivity's `record`): the page's
   * bytes are checked by the writer, after the HTTP call has ended (see CentralHttp.sendForBytes).
   */
  onOutcome?: (outcome: CentralOutcome) => void;
  /**
   * The feed's long poll: how long the central API may hold a request while nothing is new, and the HTTP
   * time-out for such a request (the hold plus the usual time-out). Absent: no long poll.
   */
  longPoll?: { waitSeconds: number; timeoutMs: number };
}

/** What a `follow` round tells its runner: whether the central API holds requests, so it may ask again at once. */
export interface FollowResult {
  longPoll: boolean;
  changes: number;
  /** The round was cut short by `runOnce` (someone needs the copy now): not a failure. */
  preempted: boolean;
}

export interface SyncRunResult {
  pages: number;
  changes: number;
  fullSync: boolean;
  /** Time spent waiting for the central API and time spent waiting for the writer (for tuning and benchmarks). */
  waitMs: number;
  applyMs: number;
  /** The first page said the central API honours long polls (FeedPage.heldUpToSeconds). */
  longPoll: boolean;
}

/**
 * Keeps the local copy of the obligations equal to the central API's: a full pass first, then the delta
 * feed from the saved cursor. A page is checked against its schema before anything is written (by the writer,
 * off the main thread), then applied with its cursor in one transaction. The central API's "resync required"
 * starts a new full pass; rows that pass does not see are deleted when it completes.
 */
export function createSyncEngine(options: SyncEngineOptions) {
  const { repo, client, clock, logger } = options;
  const pageSize = options.pageSize ?? 5_000;
  const writer = options.writer ?? inlineSyncWriter(repo);
  let running: Promise<SyncRunResult> | undefined;
  /** The run in flight is a long poll whose request the central API is holding (nothing is being synced). */
  let waitingHeld = false;
  let localRows: number | undefined;
  let lastRun: { at: string; pages: number; changes: number; ms: number } | null = null;

  repo.ensureIndexes();
  // Lookups ask for this on every call: kept in memory, since only this engine writes the sync state.
  let caughtUpAt = repo.state().last_success_at;

  /**
   * A page's bytes, unparsed: the writer parses and checks it off the main thread (writer.ts). A thread's writer
   * has them fetched by a thread too (its feedTransport), and this is only a reference to them.
   */
  async function fetchPage(cursor: string | null, signal?: AbortSignal, held = false): Promise<Uint8Array | FeedPageRef | 'resync'> {
    try {
      const poll = held && options.longPoll ? { waitSeconds: options.longPoll.waitSeconds, timeoutMs: options.longPoll.timeoutMs } : {};
      return await client.feedPageBytes(cursor, pageSize, { signal, ...poll, transport: writer.feedTransport });
    } catch (error) {
      if (error instanceof CentralError && error.code === 'RESYNC_REQUIRED') return 'resync';
      throw error;
    }
  }

  /** `held`: the first request may be held by the central API until something changes (a long poll). */
  async function run(signal?: AbortSignal, held = false): Promise<SyncRunResult> {
    const started = performance.now();
    const result: SyncRunResult = { pages: 0, changes: 0, fullSync: false, waitMs: 0, applyMs: 0, longPoll: false };
    // Pages handed to the writer and not yet committed, oldest first. Two may wait, so the writer starts the
    // next as soon as one commits; each carries the cursor it follows, so none applies after a failed one.
    const writing: { done: Promise<void>; changes: number }[] = [];
    const settleOldest = async () => {
      const oldest = writing.shift();
      if (!oldest) return;
      const applyStarted = performance.now();
      await oldest.done;
      result.applyMs += performance.now() - applyStarted;
      result.pages++;
      result.changes += oldest.changes;
    };
    const settleAll = async () => {
      while (writing.length > 0) await settleOldest();
    };
    try {
      let state = repo.state();
      if (state.mode === 'full' && state.generation === 0) {
        await writer.beginFull();
        state = repo.state();
      }
      result.fullSync = state.mode === 'full';
      let after = state.cursor;
      // While the central API holds the first request there is nothing to sync: the status says idle.
      waitingHeld = held && state.mode === 'delta';
      let next = fetchPage(after, signal, waitingHeld);
      let firstPage = true;
      for (;;) {
        const waitStarted = performance.now();
        const page = await next;
        waitingHeld = false;
        result.waitMs += performance.now() - waitStarted;
        if (page === 'resync') {
          logger.warn({ feed: 'obligations' }, 'central API asked for a full resync');
          await settleAll();
          await writer.beginFull();
          result.fullSync = true;
          after = null;
          next = fetchPage(null, signal);
          continue;
        }
        if (signal?.aborted) break;
        if (writing.length >= 2) await settleOldest();
        const write = writer.applyFeedBytes({ after, body: page, now: clock.now().toISOString() });
        // Surfaced by settleOldest; until then a failure must not count as unhandled.
        write.done.catch(() => undefined);
        const entry = { done: write.done, changes: 0 };
        writing.push(entry);
        // The writer answers with the page's header as soon as it is parsed and checked; the next page is asked
        // for then, so the central API prepares it while this one is written.
        const header = await write.header.catch((error: unknown) => {
          if (error instanceof CentralError && error.kind === 'malformed')
            options.onOutcome?.({ ok: false, transient: false, kind: 'malformed' });
          throw error;
        });
        options.onOutcome?.({ ok: true, transient: false });
        if (firstPage) result.longPoll = header.heldUpToSeconds !== undefined;
        firstPage = false;
        entry.changes = header.changes;
        after = header.cursor;
        if (!header.hasMore) break;
        next = fetchPage(header.cursor, signal);
        next.catch(() => undefined);
      }
      await settleAll();
      return result;
    } catch (error) {
      // Pages still being written finish (or fail) before the failure is recorded.
      while (writing.length > 0) await settleOldest().catch(() => undefined);
      // Cancelled by us (the app closing, a held request cut short): nothing failed.
      if (signal?.aborted) throw error;
      const message = error instanceof CentralError ? `${error.kind}: ${error.message}` : `internal: ${(error as Error).message}`;
      repo.recordFailure(message, clock.now().toISOString());
      throw error;
    } finally {
      waitingHeld = false;
      // Counting a million rows takes a while: done when the status is asked for, not on every delta.
      if (result.changes > 0) localRows = undefined;
      caughtUpAt = repo.state().last_success_at;
      lastRun = {
        at: clock.now().toISOString(),
        pages: result.pages,
        changes: result.changes,
        ms: Math.round(performance.now() - started),
      };
      if (result.changes > 0) logger.info({ feed: 'obligations', ...lastRun, fullSync: result.fullSync }, 'sync applied changes');
    }
  }

  /** The long poll in flight, if the run in flight is one: cut short when someone needs the copy now. */
  let holding: AbortController | undefined;
  /** The last follow round came back (so the next may be held). */
  let lastRoundOk = false;

  function start(signal: AbortSignal | undefined, held: boolean): Promise<SyncRunResult> {
    const promise = run(signal, held).finally(() => {
      if (running === promise) running = undefined;
    });
    running = promise;
    return promise;
  }

  /** Pulls pages until the copy has caught up; concurrent callers share the run in flight. */
  async function runOnce(signal?: AbortSignal): Promise<SyncRunResult> {
    // A held request could keep this caller waiting ~25 s for nothing: cut it short and sync now.
    while (holding) {
      holding.abort();
      await running?.catch(() => undefined);
    }
    return running ?? start(signal, false);
  }

  /**
   * One round of following the feed: a run whose first request the central API may hold until something
   * changes (long poll). The data layer runs rounds back to back while the central API holds them, and on its
   * timer when it does not. A round cut short by `runOnce` is `preempted`, not failed.
   */
  async function follow(signal: AbortSignal): Promise<FollowResult> {
    await running?.catch(() => undefined);
    if (signal.aborted) return { longPoll: false, changes: 0, preempted: true };
    const controller = new AbortController();
    const stop = () => controller.abort();
    signal.addEventListener('abort', stop, { once: true });
    holding = controller;
    try {
      // Held only once a round has come back in this process: after a start or a failure the first request is
      // answered at once, so connectivity learns the link works (a held request says nothing until it ends).
      const held = options.longPoll !== undefined && lastRoundOk;
      const result = await start(controller.signal, held);
      lastRoundOk = true;
      // A round answered at once says nothing of long polls: the next one asks to be held and finds out.
      return { longPoll: held ? result.longPoll : options.longPoll !== undefined, changes: result.changes, preempted: false };
    } catch (error) {
      if (controller.signal.aborted && !signal.aborted) return { longPoll: true, changes: 0, preempted: true };
      lastRoundOk = false;
      throw error;
    } finally {
      if (holding === controller) holding = undefined;
      signal.removeEventListener('abort', stop);
    }
  }

  return {
    runOnce,
    follow,
    status() {
      const state = repo.state();
      localRows ??= repo.localRows();
      const now = clock.now().getTime();
      const lagSeconds = state.last_success_at ? Math.max(0, Math.round((now - Date.parse(state.last_success_at)) / 1000)) : null;
      const failing = state.last_error_at !== null && (state.last_success_at === null || state.last_error_at > state.last_success_at);
      return {
        state:
          running && !waitingHeld
            ? ('running' as const)
            : failing
              ? ('failing' as const)
              : state.last_success_at
                ? ('idle' as const)
                : ('never' as const),
        mode: state.mode,
        lastSuccessAt: state.last_success_at,
        lastAttemptAt: state.last_attempt_at,
        lastError: failing ? state.last_error : null,
        lastErrorAt: failing ? state.last_error_at : null,
        rows: localRows,
        changesApplied: state.rows_applied,
        fullSyncs: state.full_syncs,
        lagSeconds,
        lastRun,
      };
    },
    /** When the local copy last caught up with the central API (null: never). */
    lastCaughtUpAt(): string | null {
      return caughtUpAt;
    },
    /** Waits for the run in flight, then closes the writer (its thread, if it has one). */
    async close(): Promise<void> {
      await running?.catch(() => undefined);
      await writer.close();
    },
  };
}
export type SyncEngine = ReturnType<typeof createSyncEngine>;
