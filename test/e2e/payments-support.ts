import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { catchUp, startE2E, type E2E, type E2EOptions } from './harness';
import { useE2E } from './fixture';
import { lastCodeTo } from '../support/central';
import { movableClock, type MovableClock } from '../support/movable-clock';

/** Shared steps of the payment screens' end-to-end tests: sign-in, the PSE step, the bank's page. */

export const MEMBER = { audience: 'member', document: '1045678901', phone: '3004567434', name: 'ANA MARÍA GUTIÉRREZ DE LA HOZ' } as const;
export const COMPANY = {
  audience: 'company',
  document: '900123456-8',
  phone: '3015550987',
  name: 'DISTRIBUIDORA DEL CARIBE S.A.S.',
} as const;
export type Who = typeof MEMBER | typeof COMPANY;
export const BANK = 'BANCOLOMBIA';

/** Sessions long enough for a payment; a new send window for codes and the last session over after `nextTest`. */
export const paymentIdle = { warnAfterSeconds: 300, graceSeconds: 60, maxSessionSeconds: 1200, operatorLockSeconds: 300 };

export interface PaymentsE2E {
  e2e: E2E;
  time: MovableClock;
  /** Moves both clocks past the sign-in send window and the idle limit: the next test starts signed out. */
  nextTest(): void;
}

/** The payment screens' set-up: one movable clock for the simulator and the core, sessions long enough to pay. */
function paymentsOptions(time: MovableClock, options: E2EOptions): E2EOptions {
  return { ...options, time, config: { idle: paymentIdle, ...options.config } };
}

/** The payment screens' set-up, started now (the screenshots script); tests use `usePaymentsE2E`. */
export async function startPaymentsE2E(options: E2EOptions = {}): Promise<PaymentsE2E> {
  const time = movableClock();
  const e2e = await startE2E(paymentsOptions(time, options));
  await catchUp(e2e);
  return { e2e, time, nextTest: () => time.advance(11 * 60) };
}

/** The payment screens' set-up as the file's fixture (`useE2E`), the local copy synced before the first test. */
export function usePaymentsE2E(options: E2EOptions = {}): PaymentsE2E {
  const time = movableClock();
  const e2e = useE2E({ ...paymentsOptions(time, options), catchUp: true });
  return { e2e, time, nextTest: () => time.advance(11 * 60) };
}

/** Adds or changes an obligation at the simulated central API (`PUT /sim/admin/obligations/:id`). */
export async function putCentralObligation(e2e: E2E, id: string, fields: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${e2e.sim.url}/sim/admin/obligations/${encodeURIComponent(id)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fields),
  });
  if (!response.ok) throw new Error(`sim admin: obligation ${id} refused (${response.status}): ${await response.text()}`);
}

/** Cuts the simulated central API off (`outage`) or brings it back. */
export async function centralOutage(e2e: E2E, outage: boolean): Promise<void> {
  const response = await fetch(`${e2e.sim.url}/sim/admin/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outage }),
  });
  if (!response.ok) throw new Error(`sim admin: faults refused (${response.status})`);
}

export function slipId(): string {
  return `VM-${new Date().getFullYear()}-1043987654`;
}

/** Ingreso with the document and the SMS code the simulator delivered; ends on INICIO. */
export async function signIn(e2e: E2E, who: Who): Promise<Page> {
  const page = await e2e.open();
  await page.getByRole('button', { name: 'Ingresar' }).waitFor();
  if (who.audience === 'company') await page.getByRole('tab', { name: 'EMPRESAS' }).click();
  await page.getByLabel(who.audience === 'company' ? 'NIT de la empresa' : 'Cédula de Ciudadanía').fill(who.document);
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await page.getByTestId('validacion').waitFor();
  await page.getByLabel('Código de verificación').fill(await lastCodeTo(e2e.sim, who.phone));
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await page.getByRole('navigation', { name: 'Menú Pagos Express' }).waitFor();
  return page;
}

/** CRÉDITOS from the menu; answers the table. */
export async function openCredits(page: Page) {
  await page.getByRole('navigation', { name: 'Menú Pagos Express' }).getByRole('link', { name: 'CRÉDITOS' }).click();
  await page.getByRole('heading', { name: 'CRÉDITOS' }).waitFor();
  const table = page.getByTestId('tabla-creditos');
  await table.waitFor();
  return table;
}

/** The *Pagar* of a table's row (CRÉDITOS or JARDÍN), which opens Monto a Pagar. */
export async function payRow(page: Page, obligationId: string): Promise<void> {
  await page
    .locator(`tr[data-obligation="${obligationId}"]`)
    .getByRole('button', { name: /^Pagar / })
    .click();
  await page.getByRole('heading', { name: 'Monto a Pagar' }).waitFor();
  await page.getByTestId('obligacion').waitFor();
}

/** Monto a Pagar of one obligation, from the app's own route (the tables' *Pagar* lead here). */
export async function openMonto(page: Page, obligationId: string): Promise<void> {
  await page.evaluate((id) => {
    window.location.hash = `#/pago/monto/${id}`;
  }, obligationId);
  await page.getByRole('heading', { name: 'Monto a Pagar' }).waitFor();
  await page.getByTestId('obligacion').waitFor();
}

/** The PSE step: the bank, and the phone typed on the on-screen keypad (the session does not give it). */
export async function fillPse(page: Page, options: { bank?: string; phone?: string } = {}): Promise<void> {
  await page.getByRole('heading', { name: 'Pago por PSE' }).waitFor();
  const select = page.getByLabel('Banco', { exact: true });
  await page.waitForFunction(() => ((document.querySelector('select[name="banco"]') as HTMLSelectElement | null)?.options.length ?? 0) > 1);
  await select.selectOption({ label: options.bank ?? BANK });
  const phone = page.getByRole('textbox', { name: 'Celular' });
  await phone.fill('');
  const keypad = page.getByRole('group', { name: 'Teclado numérico del celular' });
  for (const digit of options.phone ?? '3004567434') await keypad.getByRole('button', { name: digit, exact: true }).click();
}

/** PAGAR, then the bank's own page in the same tab (a full-page navigation, never a frame). */
export async function payAndReachBank(page: Page, hostUrl: string): Promise<string> {
  await page.getByRole('button', { name: 'PAGAR', exact: true }).click();
  await page.waitForURL((url) => !url.href.startsWith(hostUrl));
  expect(page.frames()).toHaveLength(1);
  await page.getByRole('button', { name: 'Aprobar' }).waitFor();
  return page.url();
}

export type BankDecision = 'Aprobar' | 'Rechazar' | 'Dejar pendiente' | 'Abandonar';

/** The payer decides at the bank; the browser comes back to /pse/retorno and on to the result screen. */
export async function decideAtBank(page: Page, hostUrl: string, decision: BankDecision): Promise<string> {
  await page.getByRole('button', { name: decision }).click();
  await page.waitForURL((url) => url.href.startsWith(`${hostUrl}/#/pago/resultado`));
  return decodeURIComponent(new URL(page.url()).hash.replace('#/pago/resultado/', ''));
}

export async function gatewayOrders(e2e: E2E): Promise<{ orderId: string; orderNumber: string; status: string }[]> {
  const response = await fetch(`${e2e.sim.url}/sim/gateway/orders`);
  return ((await response.json()) as { orders: { orderId: string; orderNumber: string; status: string }[] }).orders;
}

/** The label → value pairs of the voucher on screen. */
export async function voucherOnScreen(page: Page): Promise<Record<string, string>> {
  const sheet = page.getByTestId('voucher');
  await sheet.waitFor();
  return sheet.evaluate((element) => {
    const out: Record<string, string> = {};
    for (const dt of Array.from(element.querySelectorAll('dt')))
      out[dt.textContent?.trim() ?? ''] = dt.nextElementSibling?.textContent?.trim() ?? '';
    return out;
  });
}

export { VOUCHER_LABELS } from '../fixtures/voucher-labels';

/** Heights of the touch targets in the screen's content (buttons, button links, amount options) under `min`. */
export async function smallTouchTargets(page: Page, min = 56): Promise<string[]> {
  return page.locator('#contenido').evaluate((root, least) => {
    const targets = Array.from(root.querySelectorAll<HTMLElement>('button, a.button, .amount-option, select, input:not([type="radio"])'));
    return targets
      .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().height < least)
      .map((el) => `${el.tagName.toLowerCase()} "${el.textContent?.trim() ?? ''}" ${Math.round(el.getBoundingClientRect().height)}px`);
  }, min);
}

/** Tables wider than their card (they would scroll sideways), at the page's current size. */
export async function overflowingTables(page: Page): Promise<string[]> {
  return page.locator('#contenido').evaluate((root) =>
    Array.from(root.querySelectorAll<HTMLElement>('.table-scroll'))
      .filter((box) => box.scrollWidth > box.clientWidth + 1)
      .map((box) => `${box.querySelector('table')?.dataset.testid ?? 'table'}: ${box.scrollWidth} > ${box.clientWidth}`),
  );
}

export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1366, height: 768 };
