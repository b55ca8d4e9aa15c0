import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../main/app';
import type { Simulator } from '../../../sim/server';
import { DEMO_MEMBER, decideAtGateway, startCuotaPayment, startPrintingKiosk, type PrintingKiosk } from '../../fixtures/printing-kiosk';
import { until } from '../../support/until';

/**
 * *Reimprimir* from the desk's Historial del terminal (printing.terminalReprint), through the KioskApi of the
 * real core: a payment approved for a person, then an operator at the desk. A cashier is refused; a supervisor
 * finds the payment in the terminal's Historial and gets a COPIA at the virtual printer over TCP.
 */
describe("Reimprimir from the terminal's Historial", () => {
  let kiosk: PrintingKiosk;
  let sim: Simulator;
  let app: App;
  const dispatch = (method: string, input: unknown) => kiosk.dispatch(method, input);
  const call = <T>(method: string, input: unknown) => kiosk.call<T>(method, input);

  beforeAll(async () => {
    kiosk = await startPrintingKiosk();
    ({ sim, app } = kiosk);
  });
  afterAll(async () => {
    await kiosk.close();
  });

  async function approvedPayment(): Promise<{ paymentId: string; reference: string }> {
    app.sessions.startPerson(DEMO_MEMBER);
    const started = await startCuotaPayment(kiosk);
    expect(await decideAtGateway(kiosk, started.paymentId, 'approved')).toBe(true);
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
    expect(await dispatch('printing.terminalReprint', { voucherId: 'any' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });

    app.sessions.startOperator({ username: 'cajero1', displayName: 'Carmen Cajera', role: 'cashier' });
    expect(await dispatch('payments.terminalHistory', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'SUPERVISOR_REQUIRED' } },
    });
    expect(await dispatch('printing.terminalReprint', { voucherId: 'any' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'SUPERVISOR_REQUIRED' } },
    });

    app.sessions.startOperator({ username: 'supervisor1', displayName: 'Sofía Supervisora', role: 'supervisor' });
    const { items } = await call<{ items: { paymentId: string; reference: string; voucherAvailable: boolean; amount: number }[] }>(
      'payments.terminalHistory',
      {},
    );
    expect(items).toContainEqual(
      expect.objectContaining({ paymentId: payment.paymentId, reference: payment.reference, amount: 175_277, voucherAvailable: true }),
    );
    const voucher = await call<{ voucherId: string; reference: string }>('payments.terminalVoucher', { paymentId: payment.paymentId });
    expect(voucher.reference).toBe(payment.reference);
    // The person's own reprint is not the supervisor's way in.
    expect(await dispatch('printing.reprint', { voucherId: voucher.voucherId })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });

    // Wait until the queue marked the original printed: from then on a reprint is a COPIA.
    const stateOfOriginal = app.db.prepare('SELECT state FROM print_jobs WHERE voucher_id = ? AND copy = 0').pluck();
    expect(
      await until(
        async () => stateOfOriginal.get(voucher.voucherId),
        (state) => state === 'printed',
      ),
    ).toBe('printed');
    const reprint = await call<{ jobId: string; copy: boolean }>('printing.terminalReprint', { voucherId: voucher.voucherId });
    expect(reprint.copy).toBe(true);
    const [, copy] = await sim.printer.waitForJobs(2, 10_000);
    const text = copy?.decoded.text.join('\n') ?? '';
    expect(copy?.complete).toBe(true);
    expect(text).toContain('COPIA');
    expect(text).toContain(payment.reference);

    expect(await dispatch('printing.terminalReprint', { voucherId: 'no-such-voucher' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
