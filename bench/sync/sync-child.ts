/**
 * The syncing terminal of the sync benchmark, in its own process so its peak RSS is its own: a full sync
 * from the simulator into an empty database, then rounds of 1,000 central changes applied by delta sync,
 * then obligation lookups through the service (offline, so from the local copy) against the raw select.
 * Prints one JSON object.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCentralClient } from '../../main/central/client';
import { createCentralHttp } from '../../main/central/http';
import { openDatabase } from '../../main/db/connection';
import { createObligationsRepo } from '../../main/db/obligations-repo';
import { createSyncRepo } from '../../main/db/sync-repo';
import { createLogger } from '../../main/log/logger';
import { createObligationsService } from '../../main/obligations/service';
import { systemClock } from '../../main/runtime/clock';
import { createConnectivity } from '../../main/sync/connectivity';
import { createSyncEngine } from '../../main/sync/engine';
import { threadSyncWriter } from '../../main/sync/writer';
import { seededRandom, syntheticCedula } from '../../sim/central/synthetic';
import { startLoopStall } from './loop-stall';
import { ownPeakRssMb } from './peak-rss';

const [simUrl = '', countText = '0', deltaRoundsText = '5', lookupsText = '5000', repeatsText = '1', idleScript = ''] =
  process.argv.slice(2);
const count = Number(countText);
const logger = createLogger({ level: 'warn' });
const dir = mkdtempSync(join(tmpdir(), 'pes-bench-sync-'));
const connectivity = createConnectivity({ clock: systemClock });
const http = createCentralHttp({
  baseUrl: `${simUrl}/`,
  terminalId: 'KIOSK-01',
  terminalSecret: 'demo-terminal-secret',
  timeoutMs: 30_000,
  logger,
  onOutcome: connectivity.record,
});
const central = createCentralClient(http, 'KIOSK-01');

// Warm-up (JIT of both processes, the simulator's first pages) into a throwaway database, not measured.
{
  const warmDb = openDatabase(join(dir, 'warm-up.db'));
  const warmRepo = createSyncRepo(warmDb);
  warmRepo.beginFull();
  let cursor: string | null = null;
  for (let page = 0; page < 5; page++) {
    const answer = await central.obligations.feedPage(cursor, 5_000);
    warmRepo.applyPage({
      after: cursor,
      upserts: answer.upserts,
      deletes: answer.deletes,
      cursor: answer.cursor,
      caughtUp: false,
      now: new Date().toISOString(),
    });
    cursor = answer.cursor;
    if (!answer.hasMore) break;
  }
  warmDb.close();
}

// Each repeat syncs into a new empty database; the best time counts (a shared machine adds noise, never speed).
let db = openDatabase(join(dir, 'kiosk-0.db'));
// As the app does (main/sync/layer.ts): its page size, and the pages written by a thread of their own.
const syncEngine = (database: typeof db) =>
  createSyncEngine({
    repo: createSyncRepo(database),
    client: central.obligations,
    clock: systemClock,
    logger,
    writer: threadSyncWriter(database.name),
    onOutcome: connectivity.record,
  });
let engine = syncEngine(db);
/** The floor beside it (idle-child.ts): an idle process's event-loop delay over the same window. */
async function startIdle(script: string): Promise<() => Promise<number>> {
  const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const check = () =>
      out.startsWith('ready\n') ? resolve() : child.exitCode !== null ? reject(new Error('idle-child exited')) : setTimeout(check, 5);
    check();
  });
  return async () => {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin.end();
    await exited;
    return (JSON.parse(out.slice('ready\n'.length)) as { maxMs: number }).maxMs;
  };
}
const stopIdle = idleScript ? await startIdle(idleScript) : undefined;
// How long the main thread (where the app answers its screens) is held at a time during a full sync.
const loopStall = startLoopStall();
// Of that, the time the main thread ran on a core (Linux: the thread's schedstat), the most within any 5 ms
// timer interval; the rest of a stall is the thread waiting for a core.
const schedstat = '/proc/thread-self/schedstat';
const onCpuNs = existsSync(schedstat) ? () => Number(readFileSync(schedstat, 'utf8').split(' ')[0]) : undefined;
let mainBusyMs = 0;
let lastOnCpu = onCpuNs?.() ?? 0;
const busySampler = onCpuNs
  ? setInterval(() => {
      const now = onCpuNs();
      mainBusyMs = Math.max(mainBusyMs, (now - lastOnCpu) / 1e6);
      lastOnCpu = now;
    }, 5)
  : undefined;
let started = performance.now();
let full = await engine.runOnce();
let fullMs = performance.now() - started;
clearInterval(busySampler);
const mainBlockMs = loopStall.stop();
const idleBlockMs = stopIdle ? await stopIdle() : null;
for (let repeat = 1; repeat < Number(repeatsText); repeat++) {
  await engine.close();
  db.close();
  db = openDatabase(join(dir, `kiosk-${repeat}.db`));
  engine = syncEngine(db);
  started = performance.now();
  full = await engine.runOnce();
  fullMs = Math.min(fullMs, performance.now() - started);
}
const peakRssMb = ownPeakRssMb();

const deltaMs: number[] = [];
for (let round = 0; round < Number(deltaRoundsText); round++) {
  const churn = await fetch(`${simUrl}/sim/admin/churn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count: 1000, seed: 100 + round, deleteShare: 0.1 }),
  });
  if (!churn.ok) throw new Error(`churn failed: ${churn.status}`);
  started = performance.now();
  const run = await engine.runOnce();
  deltaMs.push(performance.now() - started);
  if (run.changes !== 1000) throw new Error(`delta round applied ${run.changes} changes, expected 1000`);
}

// Lookups: the link is down, so the service answers from the local copy, as a kiosk offline would.
for (let i = 0; i < 3; i++) connectivity.record({ ok: false, transient: true, kind: 'unreachable' });
const service = createObligationsService({
  repo: createObligationsRepo(db),
  client: central.obligations,
  connectivity,
  clock: systemClock,
  logger,
  lastCaughtUpAt: () => engine.lastCaughtUpAt(),
});
const raw =
  db.prepare(`SELECT id, kind, document, concept, student_name, validity_year, debt, paid, balance, installment, central_version, updated_at
  FROM obligations WHERE owner_type = ? AND owner_id = ? ORDER BY id LIMIT 1000`);
const random = seededRandom(7);
const members = Math.max(1, Math.floor(count / 3));
const lookups = Number(lookupsText);
const serviceUs: number[] = [];
const rawUs: number[] = [];
let found = 0;
for (let i = 0; i < lookups + 500; i++) {
  const cedula = syntheticCedula(Math.floor(random() * members));
  let t = performance.now();
  const answer = await service.listForMember(cedula);
  const s = (performance.now() - t) * 1000;
  t = performance.now();
  const rows = raw.all('member', cedula);
  const r = (performance.now() - t) * 1000;
  if (rows.length !== answer.obligations.length || answer.source !== 'local') throw new Error('service and raw select disagree');
  if (i >= 500) {
    serviceUs.push(s);
    rawUs.push(r);
    found += rows.length;
  }
}

await engine.close();
db.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(
  `${JSON.stringify({ rows: full.changes, fullMs, mainBlockMs, idleBlockMs, mainBusyMs: onCpuNs ? mainBusyMs : null, fullWaitMs: full.waitMs, fullApplyMs: full.applyMs, peakRssMb, deltaMs, serviceUs, rawUs, found })}\n`,
);
