import type { Logger } from 'pino';
import type { CentralClient } from '../central/client';
import type { Db } from '../db/connection';
import { createObligationsRepo } from '../db/obligations-repo';
import { createOutboxRepo } from '../db/outbox-repo';
import { createSyncRepo } from '../db/sync-repo';
import { createObligationsService } from '../obligations/service';
import type { Clock } from '../runtime/clock';
import type { Connectivity } from './connectivity';
import { createSyncEngine } from './engine';
import { createOutboxWorker, enqueue, type OutboxSender } from './outbox';
import { createPeriodic, type BackoffPolicy } from './periodic';
import { inlineSyncWriter, threadSyncWriter } from './writer';
import { createRetentionRepo } from '../db/retention-repo';
import { createRetention, type RetentionPolicy } from './retention';

export interface DataLayerTuning {
  /** Start the sync scheduler, the outbox worker and the kept resources' refreshes with the app (default true). */
  autoStart?: boolean;
  /** How often to ask the feed when the central API does not hold requests (no long poll); default 30 s. */
  syncIntervalMs?: number;
  /**
   * Seconds the central API may hold a feed request while nothing is new (long poll; 0: never ask it to), and
   * the usual time-out added to that hold for the request's own (default 10 s). 900 by default: a change still
   * arrives at once, and an idle terminal asks 4 times an hour (and renews its token 4 times) instead of 120
   * (a 25 s hold would ask 144 times, more than the timer). A sede behind a proxy that cuts quiet requests
   * sooner sets it below the cut.
   */
  longPollSeconds?: number;
  centralTimeoutMs?: number;
  syncBackoff?: BackoffPolicy;
  pageSize?: number;
  outboxIntervalMs?: number;
  outboxBackoff?: BackoffPolicy;
  liveTimeoutMs?: number;
  /** How often the retention policy is applied (default every 6 hours; the first pass a minute after start). */
  retentionIntervalMs?: number;
}

/** Something kept from the central API beside the obligations, refreshed now and then (the contact channels). */
export interface KeptResource {
  name: string;
  refresh(signal: AbortSignal): Promise<void>;
  intervalMs: number;
}

/**
 * The offline-tolerant data layer as one unit for the composition root: the synced copy of the obligations
 * with its scheduler, the outbox with its worker, the obligation lookups that prefer the live answer, and the
 * refreshes of what else is kept from the central API.
 */
export function createDataLayer(deps: {
  db: Db;
  central: CentralClient;
  connectivity: Connectivity;
  clock: Clock;
  logger: Logger;
  tuning?: DataLayerTuning;
  kept?: KeptResource[];
  /** The configuration's `retention` (default: 90 days). */
  retention?: RetentionPolicy;
  /** The outbox's senders by kind (the composition root registers them: main/sync/outbox-senders.ts). */
  senders: Record<string, OutboxSender>;
}) {
  const { db, central, connectivity, clock, logger } = deps;
  const tuning = deps.tuning ?? {};
  const syncRepo = createSyncRepo(db);
  const outboxRepo = createOutboxRepo(db);
  // A database file gets its own writer thread; an in-memory one exists only on this connection.
  const writer = db.memory ? inlineSyncWriter(syncRepo) : threadSyncWriter(db.name);
  const longPollSeconds = tuning.longPollSeconds ?? 900;
  const longPoll =
    longPollSeconds > 0
      ? { waitSeconds: longPollSeconds, timeoutMs: longPollSeconds * 1000 + (tuning.centralTimeoutMs ?? 10_000) }
      : undefined;
  const sync = createSyncEngine({
    repo: syncRepo,
    client: central.obligations,
    clock,
    logger,
    pageSize: tuning.pageSize,
    writer,
    onOutcome: connectivity.record,
    longPoll,
  });
  const outbox = createOutboxWorker({
    repo: outboxRepo,
    senders: deps.senders,
    clock,
    logger,
    backoff: tuning.outboxBackoff,
  });
  const obligations = createObligationsService({
    repo: createObligationsRepo(db),
    client: central.obligations,
    connectivity,
    clock,
    logger,
    lastCaughtUpAt: () => sync.lastCaughtUpAt(),
    liveTimeoutMs: tuning.liveTimeoutMs,
  });
  const syncJob = createPeriodic({
    name: 'sync',
    // While the central API holds feed requests, one is always open: a change reaches the copy within a
    // second. Otherwise (a central API without long polls), the timer.
    run: async (signal) => {
      const started = Date.now();
      const round = await sync.follow(signal);
      if (!round.longPoll) return undefined;
      // Never a tight loop: a round that came back at once with nothing new waits a second.
      const quick = Date.now() - started < 1_000;
      return quick && round.changes === 0 && !round.preempted ? 1_000 : 0;
    },
    intervalMs: tuning.syncIntervalMs ?? 30_000,
    backoff: tuning.syncBackoff ?? { baseMs: 2_000, maxMs: 120_000 },
    logger,
  });
  const outboxJob = createPeriodic({
    name: 'outbox',
    run: (signal) => outbox.drain(signal),
    intervalMs: tuning.outboxIntervalMs ?? 5_000,
    backoff: tuning.outboxBackoff ?? { baseMs: 2_000, maxMs: 300_000 },
    logger,
  });
  const keptJobs = (deps.kept ?? []).map((resource) =>
    createPeriodic({
      name: resource.name,
      run: (signal) => resource.refresh(signal),
      intervalMs: resource.intervalMs,
      backoff: { baseMs: 5_000, maxMs: 600_000 },
      logger,
    }),
  );
  const retention = createRetention({ repo: createRetentionRepo(db), clock, logger, policy: deps.retention ?? { personalDataDays: 90 } });
  const retentionJob = createPeriodic({
    name: 'retention',
    run: async (signal) => {
      await retention.runOnce(signal);
    },
    intervalMs: tuning.retentionIntervalMs ?? 6 * 3_600_000,
    backoff: { baseMs: 60_000, maxMs: 6 * 3_600_000 },
    logger,
  });
  // When the link comes back, do not wait for the next round.
  const unsubscribe = connectivity.onChange((state) => {
    if (state === 'online') {
      syncJob.kick();
      outboxJob.kick();
    }
  });

  return {
    sync,
    outbox,
    obligations,
    retention,
    /** Durably queues an item for the central API and wakes the worker. */
    enqueue(item: { idempotencyKey: string; kind: string; payload: unknown }) {
      const result = enqueue(outboxRepo, clock, item);
      outboxJob.kick();
      return result;
    },
    start(): void {
      if (tuning.autoStart === false) return;
      syncJob.start();
      outboxJob.start();
      for (const job of keptJobs) job.start();
      // Not at once: starting a kiosk is busy enough (first sync, operator list, printer probe).
      retentionJob.start(60_000);
    },
    async stop(): Promise<void> {
      unsubscribe();
      await Promise.all([syncJob.stop(), outboxJob.stop(), retentionJob.stop(), ...keptJobs.map((job) => job.stop())]);
      await sync.close();
    },
  };
}
export type DataLayer = ReturnType<typeof createDataLayer>;
