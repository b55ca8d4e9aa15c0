import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { formatCop } from '../../renderer/format';
import { CASHIER, SUPERVISOR, seriousA11yViolations, typeOperator } from './harness';
import { useE2E } from './fixture';

/**
 * Buttons and links of the screen's content smaller than a fingertip (44 px, WCAG 2.5.5: the desk is keyboard and
 * mouse first), as `text: WxH`.
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main button, main a')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ text: el.textContent?.trim() ?? '', box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ text, box }) => `${text}: ${Math.round(box.width)}x${Math.round(box.height)}`),
  );
}

/**
 * The desk's *Historial del terminal* in headless Chromium: a payment approved on this terminal (made through
 * the core's KioskApi, since the desk refuses the SMS-code sign-in), then a supervisor finds it, opens its
 * voucher and reprints it (the virtual printer gets a COPIA); a cashier sees no link and the route refuses.
 */
describe("the terminal's Historial at the desk (browser host, headless Chromium)", () => {
  const e2e = useE2E({ printer: true, catchUp: true, config: { terminal: { id: 'DESK-01', role: 'desk' } } });
  let payment: { paymentId: string; reference: string; amount: number };

  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const envelope = await e2e.host.app.api.dispatch(method, input, { transport: 'test' });
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.data as T;
  };

  beforeAll(async () => {
    const app = e2e.host.app;
    app.setPseReturnUrl(`${e2e.host.host.url}/pse/retorno`);
    app.sessions.startPerson({ type: 'member', id: '1045678901', name: 'AFILIADO DEMO', email: 'demo@example.com', phoneTail: '434' });
    const { banks } = await call<{ banks: { code: string }[] }>('payments.banks', {});
    const started = await call<{ paymentId: string; reference: string; amount: number }>('payments.start', {
      requestId: randomUUID(),
      obligationId: 'LI-38',
      amount: { kind: 'installment' },
      bankCode: banks[0]?.code,
      payer: { fullName: 'AFILIADO DEMO', email: 'demo@example.com', phone: '3004567434' },
    });
    const orderId = app.db.prepare('SELECT gateway_order_id FROM payments WHERE id = ?').pluck().get(started.paymentId) as string;
    const resolved = await fetch(`${e2e.sim.url}/sim/gateway/orders/${orderId}/resolve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'approved' }),
    });
    if (!resolved.ok) throw new Error(`sim: resolve refused (${resolved.status})`);
    const result = await call<{ outcome: string }>('payments.result', { reference: started.reference });
    if (result.outcome !== 'approved') throw new Error(`payment not approved: ${result.outcome}`);
    app.sessions.endPerson('sign-out');
    payment = started;
    // The approval printed the original by itself.
    await e2e.sim.printer.waitForJobs(1, 15_000);
  });

  async function signInOperator(who: { username: string; pin: string }): Promise<Page> {
    const page = await e2e.open();
    await page.getByRole('heading', { name: 'Ingreso de operador' }).waitFor();
    await typeOperator(page, who);
    await page.getByRole('heading', { name: 'Caja', exact: true }).waitFor();
    return page;
  }

  async function signOut(page: Page): Promise<void> {
    await page.getByTestId('sesion-operador').getByRole('button', { name: 'Salir' }).click();
    await page.getByRole('heading', { name: 'Ingreso de operador' }).waitFor();
    // Nothing of the terminal's transactions stays on the page for the next operator.
    expect(await page.textContent('body')).not.toContain(payment.reference);
    await page.close();
  }

  it('lets a supervisor find the payment, open its voucher and reprint a COPIA', async () => {
    const page = await signInOperator(SUPERVISOR);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await page.getByRole('link', { name: 'Historial del terminal' }).click();
    await page.getByRole('heading', { name: 'Historial del terminal' }).waitFor();
    const row = page.locator(`tr[data-reference="${payment.reference}"]`);
    await row.waitFor();
    expect(await row.locator('[data-field="referencia"]').textContent()).toBe(payment.reference);
    expect(await row.locator('[data-field="valor"]').textContent()).toBe(formatCop(175_277));
    expect(await row.locator('[data-field="estado"]').textContent()).toBe('Aprobado');
    expect(await row.locator('[data-field="cus"]').textContent()).toMatch(/\S/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await row.getByRole('link', { name: `Ver comprobante ${payment.reference}` }).click();
    const reprint = page.getByRole('button', { name: 'Reimprimir' });
    await reprint.waitFor();
    expect(await page.textContent('main')).toContain(payment.reference);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // The original is out: Reimprimir makes a marked copy, and the screen follows the job until it printed.
    const stateOfOriginal = e2e.host.app.db.prepare('SELECT state FROM print_jobs WHERE copy = 0').pluck();
    await expect.poll(() => stateOfOriginal.get(), { timeout: 15_000 }).toBe('printed');
    await reprint.click();
    await page.locator('[data-field="impresion-estado"]', { hasText: 'Comprobante impreso' }).waitFor();
    const [original, copy] = await e2e.sim.printer.waitForJobs(2, 15_000);
    expect(original?.decoded.text.join('\n')).not.toContain('COPIA');
    expect(copy?.decoded.text.join('\n')).toContain('COPIA');
    expect(copy?.decoded.text.join('\n')).toContain(payment.reference);

    await signOut(page);
  });

  it('shows a cashier no link, and the route says only a supervisor may see it', async () => {
    const page = await signInOperator(CASHIER);
    expect(await page.getByRole('link', { name: 'Historial del terminal' }).count()).toBe(0);

    await page.evaluate(() => {
      window.location.hash = '#/caja/historial';
    });
    await page.getByRole('heading', { name: 'Historial del terminal' }).waitFor();
    const message = page.getByTestId('mensaje-historial');
    await message.waitFor();
    expect(await message.textContent()).toBe('Solo un supervisor puede ver el historial del terminal.');
    expect(await page.locator('[data-testid="tabla-historial-terminal"]').count()).toBe(0);
    expect(await page.textContent('main')).not.toContain(payment.reference);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // The voucher's own address refuses too.
    await page.evaluate((id) => {
      window.location.hash = `#/caja/historial/${id}`;
    }, payment.paymentId);
    await page.getByTestId('mensaje-historial').filter({ hasText: 'Solo un supervisor' }).waitFor();
    expect(await page.getByRole('button', { name: 'Reimprimir' }).count()).toBe(0);

    await signOut(page);
  });
});
