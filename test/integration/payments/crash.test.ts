import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { startSimulator, type Simulator } from '../../../sim/server';
import { openDatabase } from '../../../main/db/connection';
import { insertObligation, obligationOf, outboxItems, simAdmin, tempDb } from '../../fixtures/payments';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const child = join(root, 'test', 'fixtures', 'payment-crash-child.ts');

let sim: Simulator;
let admin: ReturnType<typeof simAdmin>;
let store: ReturnType<typeof tempDb>;

/** Runs the kiosk process until it prints a line starting with `waitFor`; then SIGKILLs it (or lets it exit). */
function runKiosk(mode: string, waitFor: string, kill: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    // Node itself with the tsx loader, not the tsx launcher: SIGKILL must hit the process that holds the payment
    // (killing the launcher would leave its child running on, and the test would prove nothing).
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', child, '--db', store.file, '--sim', sim.url, '--mode', mode, '--request', randomUUID()],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    let line = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = out.split('\n').find((l) => l.startsWith(waitFor));
      if (found && !line) {
        line = found;
        if (kill) proc.kill('SIGKILL');
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('exit', (code, signal) => {
      if (!line) reject(new Error(`kiosk exited (${code ?? signal}) before "${waitFor}": ${out}${err}`));
      else if (kill && signal !== 'SIGKILL') reject(new Error(`kiosk was not killed: ${code}`));
      else resolve(line);
    });
  });
}

function read<T>(sql: string): T[] {
  const db = openDatabase(store.file);
  try {
    return db.prepare<[], T>(sql).all();
  } finally {
    db.close();
  }
}
const payments = () =>
  read<{ state: string; gateway_order_id: string | null; form_url: string | null; reference: string }>(
    'SELECT state, gateway_order_id, form_url, reference FROM payments',
  );
const outbox = () => {
  const db = openDatabase(store.file);
  try {
    return outboxItems(db);
  } finally {
    db.close();
  }
};
const paid = () => {
  const db = openDatabase(store.file);
  try {
    return obligationOf(db, 'LI-38').paid;
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  sim = await startSimulator();
  admin = simAdmin(sim.url);
});
beforeEach(async () => {
  await admin.reset();
  await admin.callbacks(false);
  store = tempDb();
  insertObligation(store.db, { id: 'LI-38', balance: 1_752_770, installment: 175_277 });
  store.db.close();
});
afterEach(() => store.cleanup());
afterAll(async () => {
  await sim.close();
});

describe('a kiosk killed in the middle of a payment', () => {
  it('killed after register.do answered, before anything of it was written: the restart finds the order by its number', async () => {
    const line = await runKiosk('crash-after-register', 'REGISTERED', true);
    const orderId = line.split(' ')[1]!;
    expect(payments()).toMatchObject([{ state: 'created', gateway_order_id: null }]);

    expect(await runKiosk('resume', 'RESUMED', false)).toBe('RESUMED 1');
    expect(payments()).toMatchObject([{ state: 'registered', gateway_order_id: orderId, form_url: null }]);
    expect(outbox()).toEqual([]);

    // Whatever the gateway says next is the truth: here, it was paid after all.
    await admin.resolve(orderId, 'approved');
    await runKiosk('resume', 'RESUMED', false);
    await runKiosk('resume', 'RESUMED', false);
    expect(payments()).toMatchObject([{ state: 'approved' }]);
    expect(outbox()).toHaveLength(1);
    expect(paid()).toBe(175_277);
  }, 60_000);

  it('killed after `registered` was written, before the redirect: reconciled to the gateway after restart', async () => {
    const line = await runKiosk('crash-before-redirect', 'BEFORE-REDIRECT', true);
    const orderId = line.split(' ')[1]!;
    expect(payments()).toMatchObject([{ state: 'registered', gateway_order_id: orderId }]);
    await admin.resolve(orderId, 'approved');
    expect(await runKiosk('resume', 'RESUMED', false)).toBe('RESUMED 1');
    expect(payments()).toMatchObject([{ state: 'approved' }]);
    expect(outbox()).toHaveLength(1);
  }, 60_000);

  it('killed while pending: after restart the approval is taken and registered centrally exactly once', async () => {
    const line = await runKiosk('crash-while-pending', 'PENDING', true);
    const [, orderId, outcome] = line.split(' ');
    expect(outcome).toBe('pending');
    expect(payments()).toMatchObject([{ state: 'pending' }]);

    // Restarted while still pending: nothing changes, nothing is registered.
    await runKiosk('resume', 'RESUMED', false);
    expect(payments()).toMatchObject([{ state: 'pending' }]);
    expect(outbox()).toEqual([]);

    await admin.resolve(orderId!, 'approved');
    await runKiosk('resume', 'RESUMED', false);
    await runKiosk('resume', 'RESUMED', false);
    expect(payments()).toMatchObject([{ state: 'approved' }]);
    const items = outbox();
    expect(items).toHaveLength(1);
    expect(JSON.parse(items[0]!.payload_json)).toMatchObject({ reference: payments()[0]!.reference, amount: 175_277 });
    expect(paid()).toBe(175_277);
  }, 60_000);
});
