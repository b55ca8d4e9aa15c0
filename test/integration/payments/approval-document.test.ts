import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../main/app';
import { startSimulator, type Simulator } from '../../../sim/server';
import { lastJobLine } from '../../../renderer/printing/texts';
import type { ApiOutput } from '../../../main/api/contract';
import { DEMO_MEMBER } from '../../fixtures/printing-kiosk';
import { testConfig } from '../../support/config';
import { tempDir } from '../../support/temp';

/**
 * The issue's case, exactly: LI-38's concept set to 97 characters at the central API (its contract allows 120,
 * the voucher keeps 80). Before, the approval's transaction died on the voucher's ZodError: the payment stayed
 * `redirected`, nothing was registered, nothing printed. Now the voucher adapts (cut with a mark) and the
 * approval is recorded, registered once and printed. And when a voucher truly cannot be built, the payment is
 * still recorded and the problem shows on the status screen.
 */
const temp = tempDir();
let sim: Simulator;
let app: App;

beforeAll(async () => {
  sim = await startSimulator();
  const config = testConfig(temp.dir, sim.url, {
    printer: { interface: sim.printer.interface, type: 'epson', width: 42, characterSet: 'PC858_EURO', timeoutMs: 2000 },
  });
  app = createApp(config, { paymentScheduler: false, data: { autoStart: false } });
  app.setPseReturnUrl('http://127.0.0.1:9/pse/retorno');
  app.sessions.startPerson(DEMO_MEMBER);
});
afterAll(async () => {
  await app.close();
  await sim.close();
  temp.remove();
});
beforeEach(async () => {
  await fetch(`${sim.url}/sim/admin/reset`, { method: 'POST' });
  sim.printer.clear();
  await app.data.sync.runOnce();
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const envelope = await app.api.dispatch(method, input, { transport: 'test' });
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data as T;
}

async function startCuota(): Promise<{ paymentId: string; reference: string; orderId: string }> {
  const started = await call<{ paymentId: string; reference: string }>('payments.start', {
    requestId: randomUUID(),
    obligationId: 'LI-38',
    amount: { kind: 'installment' },
    bankCode: '1007',
    payer: { fullName: 'AFILIADO DEMO', email: 'demo@example.com', phone: '3004567434' },
  });
  const orderId = app.db.prepare('SELECT gateway_order_id FROM payments WHERE id = ?').pluck().get(started.paymentId) as string;
  return { ...started, orderId };
}

async function approveAtBank(orderId: string): Promise<void> {
  const response = await fetch(`${sim.url}/sim/gateway/orders/${orderId}/resolve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'approved' }),
  });
  expect(response.ok).toBe(true);
}

function recorded(paymentId: string) {
  const payment = app.db.prepare('SELECT state, idempotency_key AS key FROM payments WHERE id = ?').get(paymentId) as
    { state: string; key: string } | undefined;
  return {
    state: payment?.state,
    outboxItems: app.db
      .prepare('SELECT COUNT(*) FROM outbox WHERE idempotency_key = ?')
      .pluck()
      .get(payment?.key ?? ''),
    balance: app.db.prepare("SELECT balance FROM obligations WHERE id = 'LI-38'").pluck().get(),
  };
}

async function centralRegistrations(reference: string): Promise<number> {
  await app.data.outbox.drain();
  const payments = (await (await fetch(`${sim.url}/sim/payments`)).json()) as { reference: string }[];
  return payments.filter((p) => p.reference === reference).length;
}

describe('a 97-character concept on LI-38 (the reported case)', () => {
  it('records, registers and prints the approval, the concept cut with a mark, the identification ****8901', async () => {
    const concept = `CREDITO POR LIBRANZAS CONVENIO EMPRESARIAL DE LARGO PLAZO ${'X'.repeat(97)}`.slice(0, 97);
    const live = (await (await fetch(`${sim.url}/sim/admin/obligations`)).json()) as unknown;
    expect(JSON.stringify(live)).toContain('LI-38');
    const put = await fetch(`${sim.url}/sim/admin/obligations/LI-38`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'credit',
        ownerType: 'member',
        ownerId: DEMO_MEMBER.id,
        document: 'LI- 38',
        concept,
        studentName: null,
        validityYear: null,
        debt: 1_752_770,
        paid: 0,
        balance: 1_752_770,
        installment: 175_277,
      }),
    });
    expect(put.ok).toBe(true);
    await app.data.sync.runOnce();
    expect(app.db.prepare("SELECT concept FROM obligations WHERE id = 'LI-38'").pluck().get()).toBe(concept);

    const started = await startCuota();
    await approveAtBank(started.orderId);
    const result = await call<{ outcome: string }>('payments.result', { reference: started.reference });
    expect(result.outcome).toBe('approved');
    expect(recorded(started.paymentId)).toEqual({ state: 'approved', outboxItems: 1, balance: 1_752_770 - 175_277 });
    expect(await centralRegistrations(started.reference)).toBe(1);

    const voucher = await call<ApiOutput<'payments.voucher'>>('payments.voucher', { paymentId: started.paymentId });
    expect(voucher.fields.payerIdMasked).toBe('****8901');
    expect(voucher.lines).toContainEqual({ label: 'Identificación', value: '****8901' });

    const [paper] = await sim.printer.waitForJobs(1, 10_000);
    const text = (paper?.decoded.text ?? []).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(started.reference);
    // 79 characters and the mark (CP858 has no `…`: it prints as three dots).
    expect(text).toContain(`Concepto ${concept.slice(0, 79).trimEnd()}...`);
    expect(text).toContain('Identificación ****8901');
    for (const line of paper?.decoded.text ?? []) expect(line.length).toBeLessThanOrEqual(42);
  });
});

describe('a voucher that cannot be built', () => {
  it('still records the approval, and the problem shows on the status screen', async () => {
    const balanceBefore = recorded('none').balance as number;
    const started = await startCuota();
    // A field of our own that breaks its schema (a bug, or a row from an older version): the reference the
    // voucher must carry as printable ASCII. The gateway knows the order by its id, so the approval goes on.
    app.db.prepare('UPDATE payments SET reference = ? WHERE id = ?').run(`${started.reference}-Ñ`, started.paymentId);
    await approveAtBank(started.orderId);
    expect(await app.payments.handleReturn(started.orderId)).toMatchObject({ outcome: 'approved' });

    expect(recorded(started.paymentId)).toEqual({ state: 'approved', outboxItems: 1, balance: balanceBefore - 175_277 });
    expect(await centralRegistrations(`${started.reference}-Ñ`)).toBe(1);
    expect(app.db.prepare('SELECT COUNT(*) FROM vouchers WHERE payment_id = ?').pluck().get(started.paymentId)).toBe(0);

    const jobs = app.db.prepare('SELECT kind, state, last_error AS lastError FROM print_jobs WHERE voucher_id IS NULL').all() as {
      kind: string;
      state: string;
      lastError: string;
    }[];
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ kind: 'voucher', state: 'failed' });
    expect(jobs[0]?.lastError).toMatch(/^invalid-document: document does not match its schema: reference/);
    expect(jobs[0]?.lastError).not.toContain(started.reference);

    const status = await call<ApiOutput<'printing.status'>>('printing.status', {});
    expect(status.lastJob).toMatchObject({ kind: 'voucher', state: 'failed', lastError: 'invalid-document' });
    expect(status.failedLast24h).toBe(1);
    expect(lastJobLine(status)).toContain('El comprobante no se pudo armar para imprimir; el pago sí quedó registrado.');
  });
});
