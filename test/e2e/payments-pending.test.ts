import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './harness';
import { lastCodeTo } from '../support/central';
import { formatCop } from '../../renderer/format';
import {
  COMPANY,
  MEMBER,
  decideAtBank,
  openCredits,
  payRow,
  fillPse,
  gatewayOrders,
  openMonto,
  payAndReachBank,
  signIn,
  usePaymentsE2E,
  voucherOnScreen,
} from './payments-support';

/** ACH's rule on screen: while a payment of an obligation is pending, a second one is refused with ACH's words. */
describe('a pending PSE payment (browser host, headless Chromium)', () => {
  const t = usePaymentsE2E();

  it("shows ACH's pending text, refuses a second payment of the obligation with it, and shows the voucher once the bank confirms", async () => {
    const host = t.e2e.host.host.url;
    const contacts = t.e2e.config.contacts;
    const page = await signIn(t.e2e, MEMBER);
    await openMonto(page, 'LI-38');
    await page.getByRole('button', { name: 'PAGAR POR PSE' }).click();
    await fillPse(page);
    await payAndReachBank(page, host);
    const reference = await decideAtBank(page, host, 'Dejar pendiente');

    await page.getByRole('heading', { name: 'Transacción pendiente' }).waitFor();
    const cus = (await page.locator('[data-field="cus"]').textContent()) ?? '';
    expect(cus).toMatch(/\S/);
    const achText =
      `En este momento su #${reference} presenta un proceso de pago cuya transacción se encuentra PENDIENTE de ` +
      'recibir confirmación por parte de su entidad financiera, por favor espere unos minutos y vuelva a consultar ' +
      'más tarde para verificar si su pago fue confirmado de forma exitosa. Si desea mayor información sobre el ' +
      'estado actual de su operación puede comunicarse a nuestras líneas de atención al cliente ' +
      `${contacts.customerServicePhone} o enviar un correo electrónico a ${contacts.customerServiceEmail} y preguntar por el estado de la transacción: ${cus}`;
    expect((await page.getByTestId('texto-ach').textContent())?.trim()).toBe(achText);
    expect(await page.locator('[data-field="valor"]').textContent()).toBe(formatCop(175_277));
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A second attempt at the same obligation: Monto a Pagar shows ACH's text instead of PAGAR POR PSE.
    const orders = (await gatewayOrders(t.e2e)).length;
    await openCredits(page);
    await payRow(page, 'LI-38');
    const blocked = page.getByTestId('bloqueo');
    await blocked.waitFor();
    expect((await blocked.textContent())?.trim()).toBe(achText);
    expect(await page.getByRole('button', { name: 'PAGAR POR PSE' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect((await gatewayOrders(t.e2e)).length).toBe(orders);

    // Historial lists it as pending; its bank confirms later and *Consultar de nuevo* shows the voucher.
    await page.getByRole('link', { name: 'HISTORIAL', exact: true }).click();
    const row = page.locator(`tr[data-reference="${reference}"]`);
    await row.waitFor();
    expect(await row.locator('[data-field="estado"]').textContent()).toBe('Pendiente');
    await row.getByRole('link', { name: `Ver estado ${reference}` }).click();
    await page.getByRole('heading', { name: 'Transacción pendiente' }).waitFor();
    const order = (await gatewayOrders(t.e2e)).find((o) => o.orderNumber === reference);
    const resolved = await fetch(`${t.e2e.sim.url}/sim/gateway/orders/${order?.orderId}/resolve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'approved' }),
    });
    expect(resolved.ok).toBe(true);
    // The screen asks the gateway again only after the core's quiet interval since its last question.
    t.time.advance(20);
    await page.getByRole('button', { name: 'Consultar de nuevo' }).click();
    expect(await voucherOnScreen(page)).toMatchObject({ Referencia: reference, Total: formatCop(175_277), CUS: cus });
    await page.close();
  });

  it("says ACH's text when the bank list cannot be had, and a pending payment the bank then fails has its own screen", async () => {
    const host = t.e2e.host.host.url;
    const admin = `${t.e2e.sim.url}/sim/gateway`;
    const post = (path: string, body: unknown) =>
      fetch(`${admin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    // A day later the cached list is too old, and the gateway does not answer.
    t.time.advance(25 * 3600);
    expect((await post('/faults', { operations: ['banks'], mode: 'down' })).ok).toBe(true);
    const page = await signIn(t.e2e, COMPANY);
    await openMonto(page, 'LI-52');
    await page.getByRole('button', { name: 'PAGAR POR PSE' }).click();
    const failure = page.getByTestId('bancos-error');
    await failure.waitFor();
    expect((await failure.textContent())?.trim()).toBe('No se pudo obtener la lista de Entidades Financieras, por favor intente más tarde');
    expect(await page.getByRole('button', { name: 'PAGAR', exact: true }).isDisabled()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await fetch(`${admin}/faults`, { method: 'DELETE' });
    await page.getByRole('button', { name: 'Intentar de nuevo' }).click();
    await fillPse(page, { phone: COMPANY.phone });
    await payAndReachBank(page, host);
    const reference = await decideAtBank(page, host, 'Dejar pendiente');
    await page.getByTestId('texto-ach').waitFor();
    const order = (await gatewayOrders(t.e2e)).find((o) => o.orderNumber === reference);
    expect((await post(`/orders/${order?.orderId}/resolve`, { status: 'failed' })).ok).toBe(true);
    t.time.advance(20);
    await page.getByRole('button', { name: 'Consultar de nuevo' }).click();
    await page.getByRole('heading', { name: 'Transacción fallida' }).waitFor();
    expect(await page.getByTestId('resultado').textContent()).toContain('La transacción no se pudo completar.');
    await page.getByText('Puede intentar el pago de nuevo desde CRÉDITOS o JARDÍN').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A failed payment does not block the obligation: PAGAR POR PSE is offered again.
    await openMonto(page, 'LI-52');
    await page.getByRole('button', { name: 'PAGAR POR PSE' }).waitFor();
    expect(await page.getByTestId('bloqueo').count()).toBe(0);
    await page.close();
  });

  it('shows the result right after signing in again when the session ended while the payer was at the bank', async () => {
    const host = t.e2e.host.host.url;
    t.time.advance(11 * 60);
    const page = await signIn(t.e2e, COMPANY);
    await openMonto(page, 'LI-51');
    await page.getByRole('button', { name: 'PAGAR POR PSE' }).click();
    await fillPse(page, { phone: COMPANY.phone });
    await payAndReachBank(page, host);
    // Idle time is held while the payer is at the bank; only the maximum session length can end the session
    // there (the session manager's tests cover that timing). It ends now, as it would at that limit.
    t.time.advance(60);
    t.e2e.host.app.sessions.endPerson('max-length');
    await page.getByRole('button', { name: 'Aprobar' }).click();
    await page.getByRole('tab', { name: 'EMPRESAS' }).waitFor();
    const reference = (await gatewayOrders(t.e2e)).at(-1)?.orderNumber ?? '';
    expect(await page.textContent('body')).not.toContain(reference);

    await page.getByRole('tab', { name: 'EMPRESAS' }).click();
    await page.getByLabel('NIT de la empresa').fill(COMPANY.document);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByTestId('validacion').waitFor();
    await page.getByLabel('Código de verificación').fill(await lastCodeTo(t.e2e.sim, COMPANY.phone));
    await page.getByRole('button', { name: 'Ingresar' }).click();
    expect(await voucherOnScreen(page)).toMatchObject({ Referencia: reference, Total: formatCop(700_000) });
    await page.close();
  });
});
