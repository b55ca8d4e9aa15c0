import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createApp, type App } from '../../../main/app';
import { startSimulator, type Simulator } from '../../../sim/server';
import { insertObligation } from '../../fixtures/payments';
import { testConfig } from '../../support/config';
import { tempDir } from '../../support/temp';

/**
 * *Reimprimir* from the desk's Historial del terminal (printing.terminalReprint), through the KioskApi of the
 * real core: a payment approved for a person, then an operator at the desk. A cashier is refused; a supervisor
 * finds the payment in the terminal's Historial and gets a COPIA at the virtual printer over TCP.
 */
describe("Reimprimir from the terminal's Historial", () => {
  const temp = tempDir();
  let sim: Simulator;
  let app: App;
  const dispatch = (method: string, input: unknown) => app.api.dispatch(method, input, { transport: 'test' });
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const envelope = await dispatch(method, input);
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.data as T;
  };

  beforeAll(async () => {
    sim = await startSimulator();
    app = createApp(
      testConfig(temp.dir, sim.url, { printer: { interface: sim.printer.interface, type: 'epson', width: 42, characterSet: 'PC858_EURO', timeoutMs: 2000 } }),
      { paymentScheduler: false },
    );
    app.setPseReturnUrl('http://127.0.0.1:9/pse/retorno');
    insertObligation(app.db, { id: 'LI-38', balance: 1_752_770, installment: 175_277, ownerId: '1045678901' });
  });
  afterAll(async () => {
    await app.close();
    await sim.close();
    temp.remove();
  });

  async function approvedPayment(): Promise<{ paymentId: string; reference: string }> {
    app.sessions.startPerson({ type: 'member', id: '1045678901', name: 'AFILIADO DEMO', email: 'demo@example.com', phoneTail: '434' });
    const { banks } = await call<{ banks: { code: string }[] }>('payments.banks', {});
    const started = await call<{ paymentId: string; reference: string }>('payments.start', {
      requestId: randomUUID(),
      obligationId: 'LI-38',
      amount: { kind: 'installment' },
      bankCode: banks[0]?.code,
      payer: { fullName: 'AFILIADO DEMO', email: 'demo@example.com', phone: '3004567434' },
    });
    const orderId = app.db.prepare('SELECT gateway_order_id FROM payments WHERE id = ?').pluck().get(started.paymentId) as string;
    const resolved = await fetch(`${sim.url}/sim/gateway/orders/${orderId}/resolve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'approved' }),
    });
    expect(resolved.ok).toBe(true);
    expect(await call<{ outcome: string }>('payments.result', { reference: started.reference })).toMatchObject({ outcome: 'approved' });
    app.sessions.endPerson('sign-out');
    return started;
  }

  it('refuses a cashier and prints a COPIA for a supervisor', async () => {
    const payment = await approvedPayment();
    // The approval printed the original by itself.
    const [original] = await sim.printer.waitForJobs(1, 10_000);
    expect(original?.decoded.text.join('\n')).not.toContain('COPIA');

    // Nobody at the desk: the operator method needs an operator.
    expect(await dispatch('printing.terminalReprint', { voucherId: 'any' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    app.sessions.startOperator({ username: 'cajero1', displayName: 'Carmen Cajera', role: 'cashier' });
    expect(await dispatch('payments.terminalHistory', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'SUPERVISOR_REQUIRED' } } });
    expect(await dispatch('printing.terminalReprint', { voucherId: 'any' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'SUPERVISOR_REQUIRED' } },
    });

    app.sessions.startOperator({ username: 'supervisor1', displayName: 'Sofía Supervisora', role: 'supervisor' });
    const { items } = await call<{ items: { paymentId: string; reference: string; voucherAvailable: boolean; amount: number }[] }>('payments.terminalHistory', {});
    expect(items).toContainEqual(expect.objectContaining({ paymentId: payment.paymentId, reference: payment.reference, amount: 175_277, voucherAvailable: true }));
    const voucher = await call<{ voucherId: string; reference: string }>('payments.terminalVoucher', { paymentId: payment.paymentId });
    expect(voucher.reference).toBe(payment.reference);
    // The person's own reprint is not the supervisor's way in.
    expect(await dispatch('printing.reprint', { voucherId: voucher.voucherId })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    // Wait until the queue marked the original printed: from then on a reprint is a COPIA.
    const stateOfOriginal = app.db.prepare('SELECT state FROM print_jobs WHERE voucher_id = ? AND copy = 0').pluck();
    for (let i = 0; i < 200 && stateOfOriginal.get(voucher.voucherId) !== 'printed'; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const reprint = await call<{ jobId: string; copy: boolean }>('printing.terminalReprint', { voucherId: voucher.voucherId });
    expect(reprint.copy).toBe(true);
    const [, copy] = await sim.printer.waitForJobs(2, 10_000);
    const text = copy?.decoded.text.join('\n') ?? '';
    expect(copy?.complete).toBe(true);
    expect(text).toContain('COPIA');
    expect(text).toContain(payment.reference);

    expect(await dispatch('printing.terminalReprint', { voucherId: 'no-such-voucher' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
