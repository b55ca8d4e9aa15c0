import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { formatCop } from '../../renderer/format';
import {
  MEMBER,
  decideAtBank,
  fillPse,
  openMonto,
  payAndReachBank,
  signIn,
  startPaymentsE2E,
  voucherOnScreen,
  type PaymentsE2E,
} from './payments-support';

interface PrinterJobs {
  jobs: { seq: number; complete: boolean; lines: string[] }[];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** Approve a payment, press Imprimir: the simulator's virtual printer (`GET /sim/printer/jobs`) gets the voucher. */
describe('voucher on the thermal printer (browser host, virtual printer of the simulator)', () => {
  let t: PaymentsE2E;
  beforeAll(async () => {
    const printerPort = await freePort();
    t = await startPaymentsE2E({
      sim: { printerPort },
      config: {
        printer: { interface: `tcp://127.0.0.1:${printerPort}`, type: 'epson', width: 48, characterSet: 'PC858_EURO', timeoutMs: 1000 },
      },
    });
  });
  afterAll(async () => {
    await t?.e2e.close();
  });

  async function printed(): Promise<PrinterJobs['jobs']> {
    const response = await fetch(`${t.e2e.sim.url}/sim/printer/jobs`);
    return ((await response.json()) as PrinterJobs).jobs.filter((job) => job.complete);
  }

  it('prints the approved voucher, and Imprimir sends it again as a copy', async () => {
    const host = t.e2e.host.host.url;
    const page = await signIn(t.e2e, MEMBER);
    await openMonto(page, 'LI-38');
    await page.getByRole('button', { name: 'PAGAR POR PSE' }).click();
    await fillPse(page);
    await payAndReachBank(page, host);
    const reference = await decideAtBank(page, host, 'Aprobar');
    expect((await voucherOnScreen(page)).Referencia).toBe(reference);

    // The approval queued the voucher's print by itself; Imprimir then makes a marked copy.
    await expect.poll(async () => (await printed()).length, { timeout: 15_000 }).toBe(1);
    // The screen says so, and the button says what another press does.
    await page.locator('[data-field="impresion-estado"]', { hasText: 'Su comprobante se imprimió' }).waitFor();
    await page.getByRole('button', { name: 'Imprimir copia' }).click();
    await page.locator('[data-field="impresion-estado"]', { hasText: 'Comprobante impreso' }).waitFor();
    await expect.poll(async () => (await printed()).length, { timeout: 15_000 }).toBe(2);

    const [original, copy] = (await printed()).map((job) => job.lines.join('\n'));
    for (const paper of [original, copy]) {
      expect(paper).toContain(reference);
      expect(paper).toContain(formatCop(175_277).replace(/[\u00a0\u202f]/g, ' '));
    }
    expect(original).not.toContain('COPIA');
    expect(copy).toContain('COPIA');
  });
});
