import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { startSimulator, type Simulator } from '../../../sim/server';
import { openDatabase } from '../../../main/db/connection';
import { tempDir } from '../../support/temp';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const child = join(root, 'test', 'fixtures', 'desk-crash-child.ts');

/** Runs the desk process; kills it `killAfterMs` after `startLine` (random per run), or lets it run to its end. */
function runDesk(
  dir: string,
  sim: Simulator,
  mode: string,
  seed: number,
  startLine: string,
  killAfterMs: number | null,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // Node with the tsx loader, not the tsx launcher: SIGKILL must hit the process that holds the database.
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', child, '--dir', dir, '--sim', sim.url, '--mode', mode, '--seed', String(seed)],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    let armed = false;
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!armed && killAfterMs !== null && out.split('\n').includes(startLine)) {
        armed = true;
        // The kill moment is the scenario (a crash at some point of the work), not a wait for a condition.
        setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('exit', (code, signal) => {
      const lines = out.split('\n').filter(Boolean);
      if (killAfterMs !== null && signal !== 'SIGKILL') reject(new Error(`desk was not killed (${code}): ${out}${err}`));
      else if (killAfterMs === null && code !== 0) reject(new Error(`desk failed (${code ?? signal}): ${out}${err}`));
      else resolve(lines);
    });
  });
}

interface Row {
  id: string;
  receipt_number: string;
  state: string;
  idempotency_key: string;
  registration_cancelled_at: string | null;
  vouchers: number;
  outbox: number;
  voided: number;
}

function inspect(file: string) {
  const db = openDatabase(file);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const rows = db
      .prepare<[], Row>(
        `SELECT p.id, p.receipt_number, p.state, p.idempotency_key, p.registration_cancelled_at,
           (SELECT COUNT(*) FROM vouchers v WHERE v.payment_id = p.id) AS vouchers,
           (SELECT COUNT(*) FROM outbox o WHERE o.idempotency_key = p.idempotency_key) AS outbox,
           (SELECT COUNT(*) FROM payment_voids w WHERE w.payment_id = p.id) AS voided
         FROM payments p ORDER BY p.receipt_number`,
      )
      .all();
    const counter = db.prepare(`SELECT last_number FROM receipt_counters WHERE prefix = 'CR'`).pluck().get() as number | undefined;
    const shifts = db.prepare(`SELECT id, state FROM shifts`).all() as { id: string; state: string }[];
    const closes = db.prepare(`SELECT COUNT(*) FROM outbox WHERE kind = 'shift.close'`).pluck().get() as number;
    const balances = db.prepare('SELECT id, balance FROM obligations').all() as { id: string; balance: number }[];
    return { integrity, rows, counter: counter ?? 0, shifts, closes, balances };
  } finally {
    db.close();
  }
}

/**
 * SIGKILL at random moments while a desk takes payments, voids and closes its shift (many runs, random timing):
 * after every restart nothing answered is lost, nothing is doubled, receipt numbers have no gap and no repeat,
 * every payment has its receipt and its registration (or its withdrawal), and SQLite's integrity check is ok.
 */
describe('a desk killed at random moments', () => {
  let sim: Simulator;
  let temp: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    sim = await startSimulator({ central: { synthetic: { count: 300, seed: 5 } } });
    temp = tempDir('pes-desk-crash-');
  });
  afterAll(async () => {
    await sim.close();
    temp.remove();
  });

  it('loses, doubles and skips nothing across kills during payments, voids and the close', async () => {
    const file = join(temp.dir, 'terminal.db');
    const answered = new Set<string>();
    const voidedAnswered = new Set<string>();
    const runs = 8;
    for (let run = 0; run < runs; run++) {
      const lines = await runDesk(temp.dir, sim, 'work', run * 1000, 'READY', 40 + Math.floor(Math.random() * 400));
      for (const line of lines) {
        const [tag, id] = line.split(' ');
        if (tag === 'PAID' && id) answered.add(id);
        if (tag === 'VOIDED' && id) voidedAnswered.add(id);
      }
      const state = inspect(file);
      expect(state.integrity).toBe('ok');
      const ids = new Set(state.rows.map((r) => r.id));
      for (const id of answered) expect(ids.has(id)).toBe(true);
      // Gapless and unique: 1..N with N the counter, one payment per number.
      expect(state.rows.map((r) => Number(r.receipt_number.split('-')[1]))).toEqual(Array.from({ length: state.counter }, (_, i) => i + 1));
      for (const r of state.rows) {
        expect(r.vouchers).toBe(1);
        // Registered (or queued) unless withdrawn by a void before it left.
        expect(r.outbox + (r.registration_cancelled_at ? 1 : 0)).toBe(1);
        expect(r.state === 'voided').toBe(r.voided === 1);
      }
      for (const id of voidedAnswered) expect(state.rows.find((r) => r.id === id)?.state).toBe('voided');
    }
    expect(answered.size).toBeGreaterThan(runs);

    // Killed around the close, then closed for good: one close, registered once.
    await runDesk(temp.dir, sim, 'crash-close', 0, 'CLOSING', Math.floor(Math.random() * 30));
    expect(inspect(file).integrity).toBe('ok');
    const before = inspect(file);
    if (before.shifts.every((s) => s.state === 'closed')) {
      expect(before.closes).toBe(1);
    } else {
      await runDesk(temp.dir, sim, 'close', 0, '', null);
    }
    const after = inspect(file);
    expect(after.shifts).toHaveLength(1);
    expect(after.shifts[0]?.state).toBe('closed');
    expect(after.closes).toBe(1);

    // Drain what is left (a last work run would open a new shift, so drain through a close-less start).
    await runDesk(temp.dir, sim, 'drain', 0, '', null).catch(() => undefined);
    const final = inspect(file);
    const registered = sim.central.payments.list();
    const keys = registered.map((p) => p.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    const expected = final.rows.filter((r) => !r.registration_cancelled_at).map((r) => r.idempotency_key);
    expect(keys.sort()).toEqual(expected.sort());
    const centralVoids = sim.central.desk
      .voids()
      .map((v) => v.paymentKey)
      .sort();
    expect(centralVoids).toEqual(
      final.rows
        .filter((r) => r.state === 'voided' && !r.registration_cancelled_at)
        .map((r) => r.idempotency_key)
        .sort(),
    );
    expect(sim.central.desk.shiftCloses()).toHaveLength(1);
  }, 240_000);
});
