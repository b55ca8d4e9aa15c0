import type { Logger } from 'pino';
import { CentralError } from '../central/errors';
import type { ObligationsClient } from '../central/obligations';
import type { FeedPage } from '../central/schemas';
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
}

export interface SyncRunResult {
  pages: number;
  changes: number;
  fullSync: boolean;
  /** Time spent waiting for the central API and time spent waiting for the writer (for tuning and benchmarks). */
  waitMs: number;
  applyMs: number;
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Keeps the local copy of the obligations equal to the central API's: a full pass first, then the delta
 * feed from the saved cursor. A page is checked against its schema before anything is written, then applied
 * with its cursor in one transaction. The central API's "resync required" starts a new full pass; rows that
 * pass does not see are deleted when it completes.
 */
export function createSyncEngine(options: SyncEngineOptions) {
  const { repo, client, clock, logger } = options;
  const pageSize = options.pageSize ?? 5_000;
  const writer = options.writer ?? inlineSyncWriter(repo);
  let running: Promise<SyncRunResult> | undefined;
  let localRows: number | undefined;
  let lastRun: { at: string; pages: number; changes: number; ms: number } | null = null;

  repo.ensureIndexes();
  // Lookups ask for this on every call: kept in memory, since only this engine writes the sync state.
  let caughtUpAt = repo.state().last_success_at;

  async function fetchPage(cursor: string | null, signal?: AbortSignal): Promise<FeedPage | 'resync'> {
    try {
      return await client.feedPage(cursor, pageSize, { signal });
    } catch (error) {
      if (error instanceof CentralError && error.code === 'RESYNC_REQUIRED') return 'resync';
      throw error;
    }
  }

  async function run(signal?: AbortSignal): Promise<SyncRunResult> {
    const started = performance.now();
    const result: SyncRunResult = { pages: 0, changes: 0, fullSync: false, waitMs: 0, applyMs: 0 };
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
      let next = fetchPage(after, signal);
      for (;;) {
        const waitStarted = performance.now();
        const page = await next;
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
        // Ask for the next page before writing this one, so the central API prepares it meanwhile.
        if (page.hasMore) {
          next = fetchPage(page.cursor, signal);
          next.catch(() => undefined);
          await yieldToIo();
        }
        if (writing.length >= 2) await settleOldest();
        const done = writer.applyPage({
          after, upserts: page.upserts, deletes: page.deletes, cursor: page.cursor, caughtUp: !page.hasMore, now: clock.now().toISOString(),
        });
        // Surfaced by settleOldest; until then a failure must not count as unhandled.
        done.catch(() => undefined);
        writing.push({ done, changes: page.upserts.id.length + page.deletes.id.length });
        after = page.cursor;
        if (!page.hasMore) break;
      }
      await settleAll();
      return result;
    } catch (error) {
      // Pages still being written finish (or fail) before the failure is recorded.
      while (writing.length > 0) await settleOldest().catch(() => undefined);
      const message = error instanceof CentralError ? `${error.kind}: ${error.message}` : `internal: ${(error as Error).message}`;
      repo.recordFailure(message, clock.now().toISOString());
      throw error;
    } finally {
      // Counting a million rows takes a while: done when the status is asked for, not on every delta.
      if (result.changes > 0) localRows = undefined;
      caughtUpAt = repo.state().last_success_at;
      lastRun = { at: clock.now().toISOString(), pages: result.pages, changes: result.changes, ms: Math.round(performance.now() - started) };
      if (result.changes > 0) logger.info({ feed: 'obligations', ...lastRun, fullSync: result.fullSync }, 'sync applied changes');
    }
  }

  return {
    /** Pulls pages until the copy has caught up; concurrent callers share the run in flight. */
    runOnce(signal?: AbortSignal): Promise<SyncRunResult> {
      running ??= run(signal).finally(() => {
        running = undefined;
      });
      return running;
    },
    status() {
      const state = repo.state();
      localRows ??= repo.localRows();
      const now = clock.now().getTime();
      const lagSeconds = state.last_success_at ? Math.max(0, Math.round((now - Date.parse(state.last_success_at)) / 1000)) : null;
      const failing = state.last_error_at !== null && (state.last_success_at === null || state.last_error_at > state.last_success_at);
      return {
        state: running ? ('running' as const) : failing ? ('failing' as const) : state.last_success_at ? ('idle' as const) : ('never' as const),
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
