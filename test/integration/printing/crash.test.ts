import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openDatabase } from '../../../main/db/connection';
import { shortJobId } from '../../../main/printing/layouts/common';
import { startVirtualPrinter, type VirtualPrinter } from '../../../sim/printer/virtual-printer';
import { tempDir } from '../../support/temp';
import { completeCopies } from '../../support/printing/rig';
import { until } from '../../support/until';

const child = fileURLToPath(new URL('../../support/printing/child.ts', import.meta.url));
const running = new Set<ChildProcess>();

function startTerminal(
  dbFile: string,
  printer: string,
  count: number,
  timeoutMs = 1000,
): Promise<{ proc: ChildProcess; jobIds: string[] }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dbFile, printer, String(count), String(timeoutMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.add(proc);
  proc.on('exit', () => running.delete(proc));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout! });
    lines.once('line', (line) => resolve({ proc, jobIds: (JSON.parse(line) as { jobIds: string[] }).jobIds }));
    proc.once('exit', (code) => reject(new Error(`terminal exited early (${code})`)));
  });
}

function kill(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

function statesIn(dbFile: string): Record<string, string> {
  const db = openDatabase(dbFile);
  try {
    const rows = db.prepare('SELECT id, state FROM print_jobs').all() as { id: string; state: string }[];
    return Object.fromEntries(rows.map((row) => [row.id, row.state]));
  } finally {
    db.close();
  }
}

/** Waits up to 20 s for `check` to hold; the caller asserts it does. */
function holds(check: () => boolean): Promise<boolean> {
  return until(async () => check(), Boolean, 20_000);
}

let printer: VirtualPrinter | undefined;
let dir: ReturnType<typeof tempDir> | undefined;
afterEach(async () => {
  for (const proc of running) await kill(proc);
  await printer?.close();
  dir?.remove();
});

describe('print jobs survive a SIGKILL of the terminal', () => {
  it('jobs queued while the printer was off are printed, once each, by the next start', async () => {
    dir = tempDir('pes-crash-');
    const dbFile = join(dir.dir, 'terminal.db');
    printer = await startVirtualPrinter();
    await printer.setMode('down');

    const first = await startTerminal(dbFile, printer.interface, 5);
    expect(first.jobIds).toHaveLength(5);
    // The kill moment is the scenario: after a few failed attempts, between or during one.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await kill(first.proc);
    // Killed between attempts or during one (a connection being refused): all five are still to print.
    const states = Object.values(statesIn(dbFile));
    expect(states).toHaveLength(5);
    expect(states.every((state) => state === 'queued' || state === 'printing')).toBe(true);

    await printer.setMode('ok');
    const second = await startTerminal(dbFile, printer.interface, 0);
    expect(await holds(() => Object.values(statesIn(dbFile)).every((state) => state === 'printed'))).toBe(true);
    await kill(second.proc);
    expect(completeCopies(printer)).toEqual(new Map(first.jobIds.map((id) => [shortJobId(id), 1])));
  });

  it('a job killed mid-send is sent again whole after the restart, marked as a resend; nothing is lost', async () => {
    dir = tempDir('pes-crash-');
    const dbFile = join(dir.dir, 'terminal.db');
    printer = await startVirtualPrinter();
    // The printer takes the bytes but reads them slowly: the terminal is still waiting on it when killed.
    await printer.setMode('slow', { times: 1, delayMs: 1500, chunkBytes: 100_000 });
    const first = await startTerminal(dbFile, printer.interface, 3, 5000);
    expect(await holds(() => Object.values(statesIn(dbFile)).includes('printing'))).toBe(true);
    await kill(first.proc);

    const second = await startTerminal(dbFile, printer.interface, 0);
    expect(await holds(() => Object.values(statesIn(dbFile)).every((state) => state === 'printed'))).toBe(true);
    await kill(second.proc);
    expect(await holds(() => first.jobIds.every((id) => (completeCopies(printer!).get(shortJobId(id)) ?? 0) >= 1))).toBe(true);

    // Every job reached paper whole. A job caught mid-send may have come out twice; the second copy says so.
    const copies = completeCopies(printer);
    for (const id of first.jobIds) expect(copies.get(shortJobId(id))).toBeGreaterThanOrEqual(1);
    const resends = printer.jobs().filter((job) => job.resend > 0);
    expect(resends.map((job) => job.jobMark)).toEqual([shortJobId(first.jobIds[0] ?? '')]);
    expect(resends[0]?.complete).toBe(true);
  });
});
