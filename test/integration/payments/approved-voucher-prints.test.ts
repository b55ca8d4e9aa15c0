import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../main/app';
import { startSimulator, type Simulator } from '../../../sim/server';
import { DEMO_MEMBER, decideAtGateway, startCuotaPayment, startPrintingKiosk, type PrintingKiosk } from '../../fixtures/printing-kiosk';
import { testConfig } from '../../support/config';
import { tempDir } from '../../support/temp';
import { until } from '../../support/until';

/**
 * Payments and printing together, through the KioskApi of the real core: an approved PSE payment writes its
 * voucher and its print job in one transaction, the virtual printer receives the voucher over TCP, and
 * Imprimir afterwards prints a COPIA.
 */
describe('an approved payment prints its voucher', () => {
  let kiosk: PrintingKiosk;
  let sim: Simulator;
  let app: App;
  const call = <T>(method: string, input: unknown) => kiosk.call<T>(method, input);

  beforeAll(async () => {
    kiosk = await startPrintingKiosk();
    ({ sim, app } = kiosk);
    app.sessions.startPerson(DEMO_MEMBER);
  });
  afterAll(async () => {
    await kiosk.close();
  });

  it('queues the print with the voucher, prints every field over TCP, and reprints as COPIA', async () => {
    const started = await startCuotaPayment(kiosk);
    // Gone to the bank's page: idle time is held for the gateway's window, and counts again once back.
    expect(app.sessions.personState()?.secondsUntilWarning).toBeGreaterThan(app.config.idle.warnAfterSeconds);
    expect(await decideAtGateway(kiosk, started.paymentId, 'approved')).toBe(true);

    const result = await call<{ outcome: string; cus: string }>('payments.result', { reference: started.reference });
    expect(result.outcome).toBe('approved');
    expect(app.sessions.personState()?.secondsUntilWarning).toBeLessThanOrEqual(app.config.idle.warnAfterSeconds);

    const voucher = await call<{ voucherId: string; fields: Record<string, unknown>; lines: { label: string; value: string }[] }>(
      'payments.voucher',
      {
        paymentId: started.paymentId,
      },
    );
    expect(voucher.fields).toMatchObject({ total: 175_277, reference: started.reference, installments: '001', currency: 'COP' });
    expect(voucher.fields.dateTime).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    const jobs = app.db.prepare('SELECT COUNT(*) FROM print_jobs WHERE voucher_id = ?').pluck().get(voucher.voucherId);
    expect(jobs).toBe(1);

    const [paper] = await sim.printer.waitForJobs(1, 10_000);
    // Long texts wrap at the paper's width: compare with line breaks folded into spaces.
    const text = (paper?.decoded.text ?? []).join('\n').replace(/\s+/g, ' ');
    expect(paper?.complete).toBe(true);
    for (const expected of [
      'CREDIBANCO',
      'CAJACOPI',
      started.reference,
      String(voucher.fields.cus),
      '175.277',
      'CREDITO POR LIBRANZAS',
      'Pagaré incondicionalmente',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('COPIA');

    // Imprimir once the original is out: the queue marks it printed after the last byte was accepted.
    const stateOfOriginal = app.db.prepare('SELECT state FROM print_jobs WHERE voucher_id = ? ORDER BY created_at LIMIT 1').pluck();
    expect(
      await until(
        async () => stateOfOriginal.get(voucher.voucherId),
        (state) => state === 'printed',
      ),
    ).toBe('printed');
    await call('printing.reprint', { voucherId: voucher.voucherId });
    const [, copy] = await sim.printer.waitForJobs(2, 10_000);
    expect(copy?.decoded.text.join('\n')).toContain('COPIA');
    expect(copy?.decoded.text.join('\n')).toContain(started.reference);
  });
});

describe("the terminal's Historial", () => {
  const temp = tempDir();
  let sim: Simulator;
  let app: App;
  beforeAll(async () => {
    sim = await startSimulator();
    app = createApp(testConfig(temp.dir, sim.url), { paymentScheduler: false });
  });
  afterAll(async () => {
    await app.close();
    await sim.close();
    temp.remove();
  });

  it('is for supervisors only', async () => {
    const ask = () => app.api.dispatch('payments.terminalHistory', {}, { transport: 'test' });
    expect(await ask()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    app.sessions.startOperator({ username: 'cajero1', displayName: 'Cajero Uno', role: 'cashier' });
    expect(await ask()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'SUPERVISOR_REQUIRED' } } });
    app.sessions.startOperator({ username: 'supervisor1', displayName: 'Supervisora', role: 'supervisor' });
    expect(await ask()).toMatchObject({ ok: true, data: { items: [] } });
    expect(await app.api.dispatch('payments.terminalVoucher', { paymentId: 'nope' }, { transport: 'test' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
