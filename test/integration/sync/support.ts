import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createCentralClient } from '../../../main/central/client';
import { createCentralHttp } from '../../../main/central/http';
import type { ObligationsClient } from '../../../main/central/obligations';
import type { CentralObligation } from '../../../main/central/schemas';
import { openDatabase, type Db } from '../../../main/db/connection';
import { createOutboxRepo } from '../../../main/db/outbox-repo';
import { createSyncRepo } from '../../../main/db/sync-repo';
import type { Logger } from '../../../main/log/logger';
import { systemClock, type Clock } from '../../../main/runtime/clock';
import { createConnectivity } from '../../../main/sync/connectivity';
import { createSyncEngine } from '../../../main/sync/engine';
import { createOutboxWorker } from '../../../main/sync/outbox';
import { createOutboxSenders } from '../../../main/sync/outbox-senders';
import { threadSyncWriter } from '../../../main/sync/writer';
import type { World } from '../../../sim/central/world';
import { startSimulator, type Simulator } from '../../../sim/server';
import { tempDir } from '../../support/temp';
import { memoryLogger } from '../../support/logs';

export interface TerminalOptions {
  pageSize?: number;
  clock?: Clock;
  logger?: Logger;
  timeoutMs?: number;
  /** Wraps the real obligations client (e.g. to change the central side between pages). */
  wrapObligations?: (client: ObligationsClient) => ObligationsClient;
}

/** The terminal's data stack as main/sync/layer.ts builds it, over real HTTP and a real SQLite file. */
export function openTerminal(dir: string, simUrl: string, options: TerminalOptions = {}) {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? memoryLogger('warn').logger;
  const db = openDatabase(join(dir, 'terminal.db'));
  const connectivity = createConnectivity({ clock });
  const http = createCentralHttp({
    baseUrl: `${simUrl}/`,
    terminalId: 'KIOSK-01',
    terminalSecret: 'demo-terminal-secret',
    timeoutMs: options.timeoutMs ?? 2_000,
    logger,
    retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 20 },
    onOutcome: connectivity.record,
  });
  const central = createCentralClient(http, 'KIOSK-01');
  const obligations = options.wrapObligations ? options.wrapObligations(central.obligations) : central.obligations;
  const syncRepo = createSyncRepo(db);
  const engine = createSyncEngine({
    repo: syncRepo,
    client: obligations,
    clock,
    logger,
    pageSize: options.pageSize ?? 1000,
    writer: threadSyncWriter(db.name),
    onOutcome: connectivity.record,
  });
  const outboxRepo = createOutboxRepo(db);
  const outbox = createOutboxWorker({
    repo: outboxRepo,
    senders: createOutboxSenders(central.payments),
    clock,
    logger,
    backoff: { baseMs: 1, maxMs: 5 },
  });
  return {
    db,
    connectivity,
    central,
    engine,
    syncRepo,
    outboxRepo,
    outbox,
    close: async () => {
      await engine.close();
      db.close();
    },
  };
}
export type Terminal = ReturnType<typeof openTerminal>;

/** A row of the local copy, as the central API describes it. */
export type Row = CentralObligation;

export function localCopy(db: Db): Row[] {
  return db
    .prepare<[], Row>(
      `SELECT id, kind, owner_type AS ownerType, owner_id AS ownerId, document, concept, student_name AS studentName,
        validity_year AS validityYear, debt, paid, balance, installment, central_version AS version, updated_at AS updatedAt
       FROM obligations ORDER BY id`,
    )
    .all();
}

export function centralCopy(world: World): Row[] {
  return world
    .liveState()
    .map((o: CentralObligation) => ({ ...o }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function integrity(db: Db): string {
  return (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check;
}

/** Asks the simulator (its admin route) for `count` central changes, a share of them deletions. */
export async function churn(simUrl: string, change: { count: number; seed: number; deleteShare: number }): Promise<void> {
  const response = await fetch(`${simUrl}/sim/admin/churn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(change),
  });
  if (!response.ok) throw new Error(`churn refused: ${response.status}`);
}

/** One describe block's simulator, loaded with `count` synthetic obligations, and a folder for its terminal. */
export function useSyntheticCentral(synthetic: { count: number; seed: number }): { readonly sim: Simulator; readonly dir: string } {
  let sim: Simulator | undefined;
  const folder = tempDir();
  beforeAll(async () => {
    sim = await startSimulator({ central: { synthetic } });
  });
  afterAll(async () => {
    await sim?.close();
    folder.remove();
  });
  return {
    get sim() {
      if (!sim) throw new Error('the simulator is not started yet (use it inside a test)');
      return sim;
    },
    dir: folder.dir,
  };
}

export async function setFaults(simUrl: string, faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${simUrl}/sim/admin/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`faults not set: ${response.status}`);
}

export function paymentPayload(n: number, obligationId = 'LI-38') {
  return {
    reference: `REF-${String(n).padStart(6, '0')}`,
    obligationId,
    amount: 1_000 + n,
    method: 'cash' as const,
    cus: null,
    bank: null,
    paidAt: '2026-03-01T12:00:00.000Z',
    terminalId: 'KIOSK-01',
  };
}
