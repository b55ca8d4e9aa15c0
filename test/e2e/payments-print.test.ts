import { describe, expect, it } from 'vitest';
import { formatCop } from '../../renderer/format';
import { MEMBER, decideAtBank, fillPse, openMonto, payAndReachBank, signIn, usePaymentsE2E, voucherOnScreen } from './payments-support';
import { printedJobs, type PrintedJob } from './desk-support';

/** Approve a payment, press Imprimir: the simulator's virtual printer (`GET /sim/printer/jobs`) gets the voucher. */
describe('voucher on the thermal printer (browser host, virtual printer of the simulator)', () => {
  const t = usePaymentsE2E({ printer: true });

  async function printed(): Promise<PrintedJob[]> {
    return (await printedJobs(t.e2e)).filter((job) => job.complete);
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
