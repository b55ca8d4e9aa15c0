import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatCop } from '../../renderer/format';
import { CASHIER, typeOperator } from './harness';
import { useE2E } from './fixture';
import { expectScreenOk, lastSeq, setOutage, waitForPrinted } from './desk-support';

const INSTALLMENT = 175_277;

/**
 * The cashier desk in headless Chromium at 1366x768, against the real core and the simulator (central API, virtual
 * printer over TCP): one cashier's shift from sign-in to the close. Each step checks axe-core and that every
 * action and field of the screen is inside the window without scrolling; every paper is read back from the
 * virtual printer (`GET /sim/printer/jobs`).
 */
describe('the cashier desk (browser host, headless Chromium, 1366x768)', () => {
  const e2e = useE2E({
    printer: true,
    catchUp: true,
    config: {
      terminal: { id: 'DESK-01', role: 'desk' },
      idle: { warnAfterSeconds: 600, graceSeconds: 60, maxSessionSeconds: 3600, operatorLockSeconds: 900 },
    },
    deps: { data: { syncIntervalMs: 300, syncBackoff: { baseMs: 100, maxMs: 300 }, liveTimeoutMs: 700 } },
  });
  let page: Page;

  beforeAll(async () => {
    page = await e2e.open();
  });

  async function findMember(): Promise<void> {
    await page.keyboard.press('F2');
    await page.getByRole('heading', { name: 'Buscar', exact: true }).waitFor();
    await page.getByRole('radio', { name: 'Cédula' }).check();
    await page.getByLabel('Cédula de Ciudadanía').fill('1045678901');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.locator('tr[data-obligation="LI-38"]').waitFor();
  }

  async function receiptNumber(): Promise<string> {
    const number = page.getByTestId('numero-recibo');
    await number.waitFor();
    const text = (await number.textContent())?.trim() ?? '';
    expect(text).toMatch(/\S/);
    return text;
  }

  it('signs the cashier in and opens the shift with its float', async () => {
    await page.getByRole('heading', { name: 'Ingreso de operador' }).waitFor();
    await expectScreenOk(page);
    await typeOperator(page, CASHIER);
    await page.getByRole('heading', { name: 'Caja', exact: true }).waitFor();
    expect(await page.getByTestId('franja-turno').textContent()).toContain('Sin turno abierto');
    await expectScreenOk(page);

    await page.getByLabel('Base (fondo de caja)').fill('200000');
    expect(await page.getByLabel('Base (fondo de caja)').inputValue()).toBe('200.000');
    await page.getByRole('button', { name: 'Abrir turno' }).click();
    await page.getByTestId('turno').waitFor();
    expect(await page.locator('[data-field="base"]').textContent()).toBe(formatCop(200_000));
    expect(await page.getByTestId('franja-turno').textContent()).toContain('Turno abierto');
    await expectScreenOk(page);
  });

  it('shows the local answer at once with its age, then the live one replaces it (quietly marked as updated)', async () => {
    const world = e2e.sim.central.world;
    const before = world.get('LI-52');
    if (!before) throw new Error('LI-52 missing at the simulator');
    // Hold the live refresh in the browser until the local answer has been seen (the core answers it untouched).
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/desk.lookup', async (route) => {
      if (route.request().postData()?.includes('"live"')) await gate;
      await route.continue();
    });
    try {
      await page.keyboard.press('F2');
      await page.getByRole('radio', { name: 'NIT' }).check();
      await page.getByRole('textbox', { name: 'NIT' }).fill('900123456');
      await page.getByRole('button', { name: 'Buscar', exact: true }).click();
      await page.locator('tr[data-obligation="LI-52"]').waitFor();
      expect(await page.getByTestId('origen-datos').textContent()).toMatch(/Datos guardados en este terminal, de hace \d+ (seg|min)/);
      expect(await page.getByTestId('estado-actualizacion').textContent()).toContain('Actualizando');
      expect(await page.locator('tr[data-obligation="LI-52"] [data-field="saldo"]').textContent()).toBe(formatCop(before.balance));
      await expectScreenOk(page);

      // Meanwhile the central API's balance changes; the live answer carries it.
      world.upsert({ ...before, balance: before.balance - 10_000, paid: before.paid + 10_000 });
      release();
      await page.getByTestId('estado-actualizacion').getByText('Actualizado.').waitFor();
      expect(await page.getByTestId('origen-datos').textContent()).toContain('actualizados con el sistema central');
      expect(await page.locator('tr[data-obligation="LI-52"] [data-field="saldo"]').textContent()).toBe(formatCop(before.balance - 10_000));
    } finally {
      release();
      await page.unroute('**/api/desk.lookup');
    }
  });

  it('finds a person by cédula, an empresa by NIT with or without its check digit, and an alumno', async () => {
    await findMember();
    const row = page.locator('tr[data-obligation="LI-38"]');
    expect(await row.locator('[data-field="cuota"]').textContent()).toBe(formatCop(INSTALLMENT));
    expect(await row.locator('[data-field="saldo"]').textContent()).toBe(formatCop(1_752_770));
    // Whom it found: the central API's name once the live answer is in, the cédula masked to its last four.
    await page.getByTestId('estado-actualizacion').getByText('Actualizado.').waitFor();
    expect(await page.getByTestId('origen-datos').textContent()).toContain('actualizados con el sistema central');
    expect(await page.getByTestId('titular-nombre').textContent()).toBe('ANA MARÍA GUTIÉRREZ DE LA HOZ');
    expect(await page.getByTestId('titular').textContent()).toBe('Cédula ****8901');
    expect(await page.getByTestId('resultado-buscar').textContent()).not.toContain('1045678901');
    await expectScreenOk(page);

    await page.getByRole('radio', { name: 'NIT' }).check();
    await page.getByRole('textbox', { name: 'NIT' }).fill('900123456-1');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    expect(await page.getByTestId('mensaje-buscar').textContent()).toContain('dígito de verificación');
    for (const nit of ['900123456', '900.123.456-8', '9001234568']) {
      await page.getByRole('textbox', { name: 'NIT' }).fill(nit);
      await page.getByRole('button', { name: 'Buscar', exact: true }).click();
      await page.locator('tr[data-obligation="LI-51"]').waitFor();
      expect(await page.locator('tr[data-obligation="LI-52"]').count()).toBe(1);
      expect(await page.getByTestId('titular').textContent()).toBe('NIT ****4568');
    }
    await page.getByTestId('titular-nombre').getByText('DISTRIBUIDORA DEL CARIBE S.A.S.').waitFor();
    await expectScreenOk(page);

    await page.getByRole('radio', { name: 'Alumno' }).check();
    await page.getByRole('textbox', { name: 'Número de Identificación del Alumno' }).fill('1043987654');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.getByTestId('tabla-volantes').waitFor();
    expect(await page.getByTestId('tabla-volantes').textContent()).toContain('VOLANTES DE MATRICULA');
    expect(await page.getByTestId('tabla-volantes').textContent()).toContain(formatCop(482_213));
    await expectScreenOk(page);
  });

  it('takes cash with change by keyboard alone (Buscar → Cobrar → Efectivo) and prints the receipt', async () => {
    const before = await lastSeq(e2e);
    await page.keyboard.press('F2');
    await page.getByRole('heading', { name: 'Buscar', exact: true }).waitFor();
    // The last search was an alumno's: back to Cédula with the arrow keys, then into the field.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('radio', { name: 'Cédula' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1045678901');
    await page.keyboard.press('Enter');
    await page.locator('tr[data-obligation="LI-38"]').waitFor();
    // The first Pagar has the focus: Enter opens Cobrar, where the received amount has it.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Cobrar', exact: true }).waitFor();
    expect(await page.getByTestId('total').textContent()).toBe(formatCop(INSTALLMENT));
    await page.keyboard.type('200000');
    expect(await page.getByTestId('cambio').textContent()).toBe(formatCop(24_723));
    await expectScreenOk(page);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: /Recibo de caja/ }).waitFor();
    expect(await page.getByTestId('cambio-entregar').textContent()).toContain(formatCop(24_723));
    const number = await receiptNumber();
    await expectScreenOk(page);
    const job = await waitForPrinted(e2e, before, [number, '175.277']);
    expect(job.lines.join('\n')).not.toContain('COPIA');
  });

  it('checks the datáfono slip with clear Spanish errors, then takes the card payment', async () => {
    await findMember();
    await page.getByRole('button', { name: 'Pagar LI- 38 CREDITO POR LIBRANZAS' }).click();
    await page.getByRole('heading', { name: 'Cobrar', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Datáfono' }).click();
    await page.getByRole('button', { name: 'Cobrar', exact: true }).click();
    expect(await page.getByTestId('mensaje-cobrar').textContent()).toContain('Revise los datos marcados');
    expect(await page.locator('#franquicia-error').textContent()).toContain('Elija la franquicia');
    expect(await page.locator('#ultimos4-error').textContent()).toContain('4 dígitos');
    expect(await page.locator('#autorizacion-error').textContent()).toContain('De 4 a 8 letras o dígitos');
    await expectScreenOk(page);

    const before = await lastSeq(e2e);
    await page.getByLabel('Franquicia').selectOption('VISA');
    await page.getByLabel('Últimos 4 dígitos').pressSequentially('42x42');
    expect(await page.getByLabel('Últimos 4 dígitos').inputValue()).toBe('4242');
    await page.getByLabel('Código de autorización').fill('AB12CD');
    await page.getByRole('button', { name: 'Cobrar', exact: true }).click();
    await page.getByRole('heading', { name: /Recibo de caja/ }).waitFor();
    const number = await receiptNumber();
    expect(await page.getByTestId('cambio-entregar').count()).toBe(0);
    await waitForPrinted(e2e, before, [number, '4242']);
  });

  it('reprints the receipt as a COPIA', async () => {
    const number = await receiptNumber();
    const before = await lastSeq(e2e);
    await page.getByRole('button', { name: 'Reimprimir (COPIA)' }).click();
    await page.getByTestId('aviso-recibo').waitFor();
    await waitForPrinted(e2e, before, [number, 'COPIA']);
    await expectScreenOk(page);
  });

  it("voids the cash receipt with the supervisor's PIN typed at the cashier's desk, and prints ANULADO", async () => {
    await page.keyboard.press('F4');
    await page.getByRole('heading', { name: 'Recibos del turno' }).waitFor();
    await page.getByTestId('tabla-recibos').waitFor();
    await expectScreenOk(page);
    const cashRow = page.locator('tbody tr', { hasText: 'Efectivo' }).first();
    await cashRow.getByRole('link').click();
    const number = await receiptNumber();
    await page.getByRole('button', { name: 'Anular', exact: true }).click();
    await page.getByRole('heading', { name: 'Anular recibo' }).waitFor();

    await page.getByRole('button', { name: 'Anular recibo' }).click();
    expect(await page.getByTestId('mensaje-anular').textContent()).toContain('motivo');
    await page.getByLabel('Motivo de la anulación').fill('Valor digitado por error');
    await page.getByRole('button', { name: 'Anular recibo' }).click();
    expect(await page.getByTestId('mensaje-supervisor').textContent()).toContain('supervisor');
    await page.getByLabel('Usuario del supervisor').fill('supervisor1');
    await page.getByLabel('PIN del supervisor').fill('0000');
    await page.getByRole('button', { name: 'Anular recibo' }).click();
    await page.getByText('Usuario o PIN de supervisor incorrectos').waitFor();
    await expectScreenOk(page);

    const before = await lastSeq(e2e);
    await page.getByLabel('PIN del supervisor').fill('9999');
    await page.getByRole('button', { name: 'Anular recibo' }).click();
    await page.getByTestId('anulado').waitFor();
    await waitForPrinted(e2e, before, [number, 'ANULADO']);
    // The cashier is still the one signed in.
    expect(await page.getByTestId('sesion-operador').textContent()).toContain('Carmen Cajera');
    await expectScreenOk(page);
  });

  it("takes a PSE payment on the person's behalf: bank page in another window, approved, printed, not voidable", async () => {
    await findMember();
    await page.getByRole('button', { name: 'Pagar LI- 38 CREDITO POR LIBRANZAS' }).click();
    await page.getByRole('heading', { name: 'Cobrar', exact: true }).waitFor();
    await page.getByRole('button', { name: 'PSE' }).click();
    await page.getByRole('button', { name: 'Continuar con PSE' }).click();
    await page.getByRole('heading', { name: 'Pago por PSE' }).waitFor();
    await page.waitForFunction(
      () => ((document.querySelector('select[name="banco"]') as HTMLSelectElement | null)?.options.length ?? 0) > 1,
    );
    await page.locator('select[name="banco"]').selectOption({ index: 1 });
    // The payer comes prefilled from whom Buscar found; the cashier adds what the person tells.
    expect(await page.getByLabel('Número de documento').inputValue()).toBe('1045678901');
    expect(await page.getByLabel('Nombre completo').inputValue()).toBe('ANA MARÍA GUTIÉRREZ DE LA HOZ');
    await page.getByLabel('Correo electrónico').fill('ana@example.com');
    await page.getByLabel('Celular').fill('3004567434');
    await expectScreenOk(page);

    const before = await lastSeq(e2e);
    const [bank] = await Promise.all([
      e2e.context.waitForEvent('page'),
      page.getByRole('button', { name: 'Abrir la página del banco' }).click(),
    ]);
    await bank.getByRole('button', { name: 'Aprobar' }).click();
    await bank.waitForURL((url) => url.href.startsWith(e2e.host.host.url));
    await bank.close();

    await page.getByTestId('estado-pse').getByText('Pago aprobado por el banco.').waitFor({ timeout: 20_000 });
    const job = await waitForPrinted(e2e, before, ['CREDIBANCO', '175.277']);
    expect(job.lines.join('\n')).not.toContain('COPIA');
    await page.getByRole('link', { name: 'Ver comprobante' }).click();
    await page.getByTestId('pse-no-anulable').waitFor();
    expect(await page.getByRole('button', { name: 'Anular', exact: true }).count()).toBe(0);
    await expectScreenOk(page);

    await page.keyboard.press('F4');
    await page.getByTestId('tabla-recibos').waitFor();
    expect(await page.locator('tbody tr', { hasText: 'PSE' }).count()).toBe(1);
  });

  it('shows the offline banner, says why PSE is not offered, and still takes cash', async () => {
    await setOutage(e2e, true);
    try {
      await page.locator('.connectivity-banner[data-state="offline"]').waitFor({ timeout: 30_000 });
      await findMember();
      expect(await page.getByTestId('origen-datos').textContent()).toContain('guardados en este terminal');
      // The live refresh is refused at once: the local answer stays, and the screen says why.
      await page.getByTestId('estado-actualizacion').getByText('Sin conexión con el sistema central').waitFor();
      await expectScreenOk(page);
      await page.getByRole('button', { name: 'Pagar LI- 38 CREDITO POR LIBRANZAS' }).click();
      await page.getByRole('heading', { name: 'Cobrar', exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'PSE' }).isDisabled()).toBe(true);
      expect(await page.getByTestId('pse-motivo').textContent()).toContain('no hay conexión con el sistema central');
      await expectScreenOk(page);

      const before = await lastSeq(e2e);
      await page.getByLabel('Valor recibido').fill(String(INSTALLMENT));
      expect(await page.getByTestId('cambio').textContent()).toBe(formatCop(0));
      await page.getByRole('button', { name: 'Cobrar', exact: true }).click();
      await page.getByRole('heading', { name: /Recibo de caja/ }).waitFor();
      const number = await receiptNumber();
      await waitForPrinted(e2e, before, [number, '175.277']);
    } finally {
      await setOutage(e2e, false);
    }
  });

  it('closes the shift with a difference only with the supervisor, and prints the cierre de caja', async () => {
    await page.getByRole('link', { name: 'Cierre' }).click();
    await page.getByRole('heading', { name: 'Cierre de caja' }).waitFor();
    await page.keyboard.press('F8');
    await page.getByTestId('turno').waitFor();
    const expectedText = (await page.locator('[data-field="efectivo-esperado"]').textContent()) ?? '';
    const expected = Number(expectedText.replace(/\D/g, ''));
    // The float, the offline cash payment; the voided one does not count.
    expect(expected).toBe(200_000 + INSTALLMENT);

    await page.getByRole('link', { name: 'Cerrar turno' }).click();
    await page.getByRole('heading', { name: 'Cierre de caja' }).waitFor();
    await page.getByLabel('Efectivo contado').fill(String(expected - 1_000));
    await page.getByRole('button', { name: 'Calcular diferencia' }).click();
    await page.getByTestId('requiere-supervisor').waitFor();
    expect(await page.locator('[data-field="diferencia"]').textContent()).toContain('1.000');
    expect(await page.locator('[data-field="esperado"]').textContent()).toBe(formatCop(expected));
    // The PSE payment taken at this desk counts in the shift, under its own method (not in the drawer's cash).
    const pse = page.locator('[data-testid="totales-medio"] tr[data-method="pse"]');
    expect(await pse.locator('[data-field="cantidad"]').textContent()).toBe('1');
    expect(await pse.locator('[data-field="total"]').textContent()).toBe(formatCop(INSTALLMENT));
    await expectScreenOk(page);

    await page.getByRole('button', { name: 'Cerrar turno' }).click();
    expect(await page.getByTestId('mensaje-supervisor').textContent()).toContain('supervisor');
    const before = await lastSeq(e2e);
    await page.getByLabel('Usuario del supervisor').fill('supervisor1');
    await page.getByLabel('PIN del supervisor').fill('9999');
    await page.getByRole('button', { name: 'Cerrar turno' }).click();
    await page.getByTestId('reporte-cierre').waitFor();
    expect(await page.locator('[data-testid="reporte-cierre"] [data-field="diferencia"]').textContent()).toContain('1.000');
    expect(await page.locator('[data-field="autorizo"]').textContent()).not.toBe('—');
    await waitForPrinted(e2e, before, ['Cierre de Turno', 'Diferencia', '-$ 1.000']);
    await expectScreenOk(page);
    await page.getByRole('link', { name: 'Volver a Caja' }).click();
    expect(await page.getByTestId('franja-turno').textContent()).toContain('Sin turno abierto');
  });
});
