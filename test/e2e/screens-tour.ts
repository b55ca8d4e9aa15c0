import type { Page } from 'playwright-core';
import { runBrowserHost, type RunningHost } from '../../main/host/run';
import { lastCodeTo } from '../support/central';
import { tempDir } from '../support/temp';
import { testConfig } from '../support/config';
import { catchUp, SUPERVISOR, typeOperator } from './harness';
import { COMPANY, MEMBER, openMonto, signIn, slipId, startPaymentsE2E, type PaymentsE2E, type Who } from './payments-support';

/**
 * Every screen of the app, in the order a person meets them, at one screen size: the kiosk (Ingreso, the menu,
 * the payment steps and every outcome, inactivity, the status screen) and the desk (operator sign-in, Caja,
 * Historial del terminal, the status screen with an operator). `visit(name, page)` is called on each; the
 * screenshots script saves a PNG there, the fit test checks the boxes. No vitest here: the script uses it too.
 */
export type Visit = (name: string, page: Page) => Promise<void>;

export interface Tour {
  kiosk: PaymentsE2E;
  desk: RunningHost;
  run(visit: Visit): Promise<void>;
  close(): Promise<void>;
}

export async function startTour(viewport: { width: number; height: number }): Promise<Tour> {
  // The kiosk prints on the simulator's virtual printer, as `npm start` does.
  const kiosk = await startPaymentsE2E({ viewport, printer: true });
  const deskData = tempDir('pes-tour-desk-');
  const deskConfig = testConfig(deskData.dir, kiosk.e2e.sim.url, { terminal: { id: 'DESK-01', role: 'desk' } });
  const desk = await runBrowserHost(deskConfig, { port: 0 });
  return {
    kiosk,
    desk,
    run: (visit) => tour(kiosk, desk, visit, viewport.width > viewport.height),
    async close() {
      await desk.stop();
      deskData.remove();
      await kiosk.e2e.close();
    },
  };
}

/** Ingreso up to the code sent (the state the fit rule is hardest on: the code field, keypad and Ingresar). */
async function requestCode(page: Page, who: Who): Promise<void> {
  await page.getByRole('button', { name: 'Ingresar' }).waitFor();
  if (who.audience === 'company') await page.getByRole('tab', { name: 'EMPRESAS' }).click();
  await page.getByLabel(who.audience === 'company' ? 'NIT de la empresa' : 'Cédula de Ciudadanía').fill(who.document);
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await page.getByTestId('validacion').waitFor();
}

async function pseStep(page: Page, obligationId: string): Promise<void> {
  await openMonto(page, obligationId);
  const installment = page.getByRole('radio', { name: /Cuota mensual/ });
  if ((await installment.count()) > 0) await installment.check();
  await page.getByRole('button', { name: 'PAGAR POR PSE' }).click();
  await page.getByRole('heading', { name: 'Pago por PSE' }).waitFor();
  await page.waitForFunction(() => ((document.querySelector('select[name="banco"]') as HTMLSelectElement | null)?.options.length ?? 0) > 1);
}

async function toBank(page: Page, hostUrl: string, decision: string): Promise<void> {
  // An input device open stands where the bank is: *Listo* closes it.
  const done = page.getByRole('button', { name: 'Listo' });
  if ((await done.count()) > 0) await done.click();
  await page.getByLabel('Banco', { exact: true }).selectOption({ label: 'BANCOLOMBIA' });
  const phone = page.getByRole('textbox', { name: 'Celular' });
  if ((await phone.inputValue()) === '') await phone.fill('3004567434');
  await page.getByRole('button', { name: 'PAGAR', exact: true }).click();
  await page.waitForURL((url) => !url.href.startsWith(hostUrl));
  await page.getByRole('button', { name: decision }).click();
  await page.waitForURL((url) => url.href.startsWith(`${hostUrl}/#/pago/resultado`));
}

async function tour(kiosk: PaymentsE2E, desk: RunningHost, visit: Visit, landscape: boolean): Promise<void> {
  const { e2e, time } = kiosk;
  const host = e2e.host.host.url;
  await catchUp(e2e);

  // Ingreso, before and after the code is sent.
  let page = await e2e.open();
  await page.getByRole('button', { name: 'Ingresar' }).waitFor();
  await visit('01-ingreso', page);
  await requestCode(page, MEMBER);
  await visit('02-ingreso-codigo', page);
  await page.getByLabel('Código de verificación').fill(await lastCodeTo(e2e.sim, MEMBER.phone));
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await page.getByRole('navigation', { name: 'Menú Pagos Express' }).waitFor();
  await visit('03-inicio', page);

  const menu = page.getByRole('navigation', { name: 'Menú Pagos Express' });
  await menu.getByRole('link', { name: 'CRÉDITOS' }).click();
  await page.getByTestId('tabla-creditos').waitFor();
  await visit('04-creditos', page);

  await menu.getByRole('link', { name: 'JARDÍN' }).click();
  await page.getByLabel('Número de Identificación del Alumno').fill('1043987654');
  await page.getByRole('button', { name: 'Consultar' }).click();
  await page.locator(`tr[data-obligation="${slipId()}"]`).waitFor();
  await visit('05-jardin', page);

  // Monto a Pagar, and Otro Valor with its keypad.
  await openMonto(page, 'LI-38');
  await visit('06-monto', page);
  await page.getByText('Otro Valor').click();
  await visit('07-monto-otro-valor', page);

  // The PSE step: as it opens, after PAGAR with nothing chosen, each input device beside its field.
  await pseStep(page, 'LI-38');
  await visit('08-pse', page);
  await page.getByRole('button', { name: 'PAGAR', exact: true }).click();
  await page.getByTestId('mensaje-pago').waitFor();
  await visit('09-pse-errores', page);
  await page.getByLabel('Nombre completo').click();
  await page.getByRole('group', { name: 'Teclado del nombre completo' }).waitFor();
  await visit('10-pse-teclado-nombre', page);
  await page.getByRole('textbox', { name: 'Celular' }).click();
  await page.getByRole('group', { name: 'Teclado numérico del celular' }).waitFor();
  await visit('11-pse-teclado-celular', page);

  // Outcomes: rejected, then approved (voucher printing by itself), then Historial and its voucher.
  await toBank(page, host, 'Rechazar');
  await page.locator('[data-outcome="rejected"]').waitFor();
  await visit('12-resultado-rechazado', page);
  await pseStep(page, 'LI-38');
  await toBank(page, host, 'Aprobar');
  await page.getByTestId('voucher').waitFor();
  await visit('13-resultado-aprobado', page);
  await menu.getByRole('link', { name: 'HISTORIAL' }).click();
  await page.locator('tr[data-reference]').first().waitFor();
  await visit('14-historial', page);
  await page.locator('tr[data-reference]').first().getByRole('link').first().click();
  await page.getByTestId('voucher').waitFor();
  await visit('15-historial-comprobante', page);

  // The jardín slip abandoned at the bank: what happens next, and a way out.
  await pseStep(page, slipId());
  await toBank(page, host, 'Abandonar');
  await page.getByRole('heading').first().waitFor();
  await page.locator('[data-outcome]').waitFor();
  await visit('16-resultado-abandonado', page);

  // Inactivity: ¿Sigue ahí?, then Ingreso saying why the session ended.
  await menu.getByRole('link', { name: 'INICIO' }).click();
  time.advance(e2e.config.idle.warnAfterSeconds + 1);
  await page.getByRole('alertdialog', { name: '¿Sigue ahí?' }).waitFor();
  await visit('17-sigue-ahi', page);
  time.advance(e2e.config.idle.graceSeconds + 1);
  await page.getByTestId('sesion-terminada').waitFor();
  await visit('18-ingreso-sesion-terminada', page);
  await page.close();
  kiosk.nextTest();

  // An empresa's payment left pending at the bank.
  page = await signIn(e2e, COMPANY);
  await pseStep(page, 'LI-51');
  await toBank(page, host, 'Dejar pendiente');
  await page.locator('[data-outcome="pending"]').waitFor();
  await visit('19-resultado-pendiente', page);
  await page.getByRole('button', { name: 'Salir' }).click();
  await page.getByRole('button', { name: 'Ingresar' }).waitFor();

  // The status screen as the public sees it.
  await page.goto(`${host}/#/estado`);
  await page.getByRole('heading', { name: 'Estado del terminal' }).waitFor();
  await page.locator('[data-field="sede"]').waitFor();
  await visit('20-estado', page);
  await page.close();

  // The desk: operator sign-in, Caja, Historial del terminal, Buscar and PSE (landscape), the status screen with its details.
  page = await e2e.context.newPage();
  await page.goto(`${desk.host.url}/`);
  await page.getByRole('heading', { name: 'Ingreso de operador' }).waitFor();
  await visit('21-caja-ingreso', page);
  await typeOperator(page, SUPERVISOR);
  await page.getByRole('heading', { name: 'Caja', exact: true }).waitFor();
  await visit('22-caja', page);
  await page.getByRole('link', { name: 'Historial del terminal' }).click();
  await page.getByRole('heading', { name: 'Historial del terminal' }).waitFor();
  await visit('23-caja-historial', page);
  // Buscar with the live answer in and whom it found; then PSE on the person's behalf (bank and payer), in a shift.
  // The desk's own screens are made for its 1366×768 screen (product.md): shown and checked at that size only.
  if (landscape) await deskScreens(page, visit);
  await page.goto(`${desk.host.url}/#/estado`);
  await page.locator('[data-field="impresora"]').waitFor();
  await visit('24-estado-operador', page);
  await page.close();
}

/** The desk's Buscar (live answer in, whom it found) and its PSE screen, in a shift the supervisor opens. */
async function deskScreens(page: Page, visit: Visit): Promise<void> {
  await page.keyboard.press('F8');
  await page.getByLabel('Base (fondo de caja)').fill('200000');
  await page.getByRole('button', { name: 'Abrir turno' }).click();
  await page.getByTestId('turno').waitFor();
  await page.keyboard.press('F2');
  await page.getByLabel('Cédula de Ciudadanía').fill('1045678901');
  await page.getByRole('button', { name: 'Buscar', exact: true }).click();
  await page.getByTestId('estado-actualizacion').getByText('Actualizado.').waitFor();
  await visit('23a-caja-buscar', page);
  await page.getByRole('button', { name: 'Pagar LI- 38 CREDITO POR LIBRANZAS' }).click();
  await page.getByRole('button', { name: 'PSE' }).click();
  await page.getByRole('button', { name: 'Continuar con PSE' }).click();
  await page.getByRole('heading', { name: 'Pago por PSE' }).waitFor();
  await page.waitForFunction(() => ((document.querySelector('select[name="banco"]') as HTMLSelectElement | null)?.options.length ?? 0) > 1);
  await visit('23b-caja-pse', page);
}
