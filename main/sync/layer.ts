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

export interface DataLayerTuning {
  /** Start the sync scheduler, the outbox worker and the kept resources' refreshes with the app (default true). */
  autoStart?: boolean;
  syncIntervalMs?: number;
  syncBackoff?: BackoffPolicy;
  pageSize?: number;
  outboxIntervalMs?: number;
  outboxBackoff?: BackoffPolicy;
  liveTimeoutMs?: number;
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
  /** The outbox's senders by kind (the composition root registers them: main/sync/outbox-senders.ts). */
  senders: Record<string, OutboxSender>;
}) {
  const { db, central, connectivity, clock, logger } = deps;
  const tuning = deps.tuning ?? {};
  const syncRepo = createSyncRepo(db);
  const outboxRepo = createOutboxRepo(db);
  // A database file gets its own writer thread; an in-memory one exists only on this connection.
  const writer = db.memory ? inlineSyncWriter(syncRepo) : threadSyncWriter(db.name);
  const sync = createSyncEngine({ repo: syncRepo, client: central.obligations, clock, logger, pageSize: tuning.pageSize, writer });
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
    run: async (signal) => {
      await sync.runOnce(signal);
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
    createPeriodic({ name: resource.name, run: (signal) => resource.refresh(signal), intervalMs: resource.intervalMs, backoff: { baseMs: 5_000, maxMs: 600_000 }, logger }),
  );
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
    },
    async stop(): Promise<void> {
      unsubscribe();
      await Promise.all([syncJob.stop(), outboxJob.stop(), ...keptJobs.map((job) => job.stop())]);
      await sync.close();
    },
  };
}
export type DataLayer = ReturnType<typeof createDataLayer>;
