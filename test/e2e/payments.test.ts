import { beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { seriousA11yViolations } from './harness';
import { formatCop } from '../../renderer/format';
import {
  BANK,
  COMPANY,
  MEMBER,
  VOUCHER_LABELS,
  decideAtBank,
  fillPse,
  gatewayOrders,
  centralOutage,
  openCredits,
  payRow,
  payAndReachBank,
  signIn,
  slipId,
  smallTouchTargets,
  overflowingTables,
  PORTRAIT,
  LANDSCAPE,
  usePaymentsE2E,
  voucherOnScreen,
} from './payments-support';

/** Paying by PSE from the kiosk's screens, end to end: browser host, simulator (gateway and bank), headless Chromium. */
describe('payment screens (browser host, headless Chromium)', () => {
  const t = usePaymentsE2E();
  let page: Page | undefined;
  const host = () => t.e2e.host.host.url;

  beforeEach(async () => {
    await page?.close();
    t.nextTest();
  });

  const texts = (cells: Locator) => cells.evaluateAll((all) => all.map((cell) => cell.textContent?.trim() ?? ''));

  async function amountError(p: Page): Promise<string> {
    const error = p.getByTestId('error-monto');
    await error.waitFor();
    return (await error.textContent())?.trim() ?? '';
  }

  it("pays a credit's cuota: a rejection first (nothing charged), then an approval with the voucher, and both in Historial", async () => {
    page = await signIn(t.e2e, MEMBER);
    const credits = await openCredits(page);
    expect(await credits.locator('thead th').allTextContents()).toEqual([
      '#',
      'Dcto',
      'Concepto',
      'Deuda',
      'Pagado',
      'Saldo',
      'Cuota',
      'Op',
    ]);
    expect(await texts(credits.locator('tr[data-obligation="LI-38"] td'))).toEqual([
      '1',
      'LI- 38',
      'CREDITO POR LIBRANZAS',
      formatCop(1_752_770),
      formatCop(0),
      formatCop(1_752_770),
      formatCop(175_277),
      'Pagar',
    ]);
    const note = (await page.getByTestId('nota-creditos').textContent()) ?? '';
    expect(note).toContain('comuníquese con el asesor asignado a su empresa');
    expect(note).toContain(t.e2e.config.contacts.portfolioEmail);
    expect(await page.getByTestId('datos-locales').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);
    for (const size of [PORTRAIT, LANDSCAPE]) {
      await page.setViewportSize(size);
      expect(await overflowingTables(page)).toEqual([]);
    }
    await payRow(page, 'LI-38');
    const cuota = page.getByRole('radio', { name: /Cuota mensual/ });
    expect(await cuota.isChecked()).toBe(true);
    expect(await page.locator('label', { has: cuota }).textContent()).toContain(formatCop(175_277));
    expect(await page.locator('label', { has: page.getByRole('radio', { name: /Saldo total/ }) }).textContent()).toContain(
      formatCop(1_752_770),
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);

    await page.getByRole('button', { name: 'PAGAR POR PSE' }).click();
    await page.getByRole('heading', { name: 'Pago por PSE' }).waitFor();
    expect(await page.getByTestId('resumen-pago').textContent()).toContain(formatCop(175_277));
    // Payer data from the session: document, person type, name, e-mail and the phone the code went to (masked).
    expect(await page.locator('[data-field="tipo-persona"]').textContent()).toBe('Persona natural');
    expect(await page.locator('[data-field="tipo-documento"]').textContent()).toBe('Cédula de Ciudadanía');
    expect(await page.locator('[data-field="numero-documento"]').textContent()).toBe(MEMBER.document);
    expect(await page.getByLabel('Nombre completo').inputValue()).toBe(MEMBER.name);
    expect(await page.getByLabel('Correo electrónico').inputValue()).toBe('ing_demo@hotmail.com');
    expect(await page.getByRole('textbox', { name: 'Celular' }).inputValue()).toBe(`*******${MEMBER.phone.slice(-3)}`);
    expect(await page.getByText('Seleccione una entidad financiera de la lista.').count()).toBe(0);
    await page.getByRole('button', { name: 'PAGAR', exact: true }).click();
    await page.getByText('Seleccione una entidad financiera de la lista.').waitFor();
    expect(await page.getByText('Escriba el número celular de 10 dígitos').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);

    await fillPse(page);
    await payAndReachBank(page, host());
    const rejected = await decideAtBank(page, host(), 'Rechazar');
    await page.getByRole('heading', { name: 'Pago rechazado' }).waitFor();
    expect(await page.getByTestId('resultado').textContent()).toContain('no se debitó ningún valor');
    expect(await page.locator('[data-field="referencia"]').textContent()).toBe(rejected);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A rejection blocks nothing: the same cuota again, tapped twice in a row, makes one payment.
    await openCredits(page);
    await payRow(page, 'LI-38');
    await page.getByRole('button', { name: 'PAGAR POR PSE' }).click();
    await fillPse(page);
    const ordersBefore = (await gatewayOrders(t.e2e)).length;
    await page.evaluate(() => {
      const pay = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'PAGAR');
      pay?.click();
      pay?.click();
    });
    await page.waitForURL((url) => !url.href.startsWith(host()));
    expect((await gatewayOrders(t.e2e)).length).toBe(ordersBefore + 1);
    const reference = await decideAtBank(page, host(), 'Aprobar');
    expect(reference).not.toBe(rejected);

    const voucher = await voucherOnScreen(page);
    expect(Object.keys(voucher)).toEqual(VOUCHER_LABELS);
    expect(voucher).toMatchObject({
      Total: formatCop(175_277),
      Moneda: 'COP',
      Banco: BANK,
      Referencia: reference,
      'Descripción Respuesta': 'Aprobada',
    });
    expect(voucher.CUS).toMatch(/\S/);
    expect(voucher['Fecha y Hora']).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await page.getByRole('heading', { name: 'Resultado de la Transacción - Voucher' }).waitFor();
    await page.getByText('Transacción procesada por CREDIBANCO').waitFor();
    await page.getByText('Venta No Presencial. Pagaré incondicionalmente').waitFor();
    expect(await page.locator('.printable').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Imprimir' }).isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);

    await page.getByRole('button', { name: 'Regresar al Comercio' }).click();
    await page.getByRole('heading', { name: 'Bienvenidos a Pagos Express' }).waitFor();

    // The central system has the payment (the outbox sent it): CRÉDITOS shows the new saldo.
    await expect
      .poll(async () => {
        await openCredits(page!);
        return page!.locator('tr[data-obligation="LI-38"] [data-field="saldo"]').textContent();
      })
      .toBe(formatCop(1_752_770 - 175_277));
    expect(await page.locator('tr[data-obligation="LI-38"] [data-field="pagado"]').textContent()).toBe(formatCop(175_277));

    await page.getByRole('link', { name: 'HISTORIAL', exact: true }).click();
    const table = page.getByTestId('tabla-historial');
    await table.waitFor();
    expect(await table.locator(`tr[data-reference="${reference}"] [data-field="estado"]`).textContent()).toBe('Aprobado');
    expect(await table.locator(`tr[data-reference="${rejected}"] [data-field="estado"]`).textContent()).toBe('Rechazado');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);
    for (const size of [PORTRAIT, LANDSCAPE]) {
      await page.setViewportSize(size);
      expect(await overflowingTables(page)).toEqual([]);
    }
    await table.getByRole('link', { name: `Ver voucher ${reference}` }).click();
    expect((await voucherOnScreen(page)).Referencia).toBe(reference);
    expect(await page.getByRole('button', { name: 'Reimprimir' }).isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it("pays the saldo of a company's credit whose saldo is below the cuota (the cuota pays the saldo)", async () => {
    page = await signIn(t.e2e, COMPANY);
    const credits = await openCredits(page);
    expect(await credits.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-obligation')))).toEqual([
      'LI-51',
      'LI-52',
    ]);
    expect(await credits.locator('tr[data-obligation="LI-52"] [data-field="cuota"]').textContent()).toBe(formatCop(250_000));
    await payRow(page, 'LI-52');
    expect(await page.locator('label', { has: page.getByRole('radio', { name: /Cuota mensual/ }) }).textContent()).toContain(
      formatCop(50_000),
    );
    await page.getByText('Su saldo es menor que la cuota: la cuota paga el saldo.').waitFor();
    await page.getByRole('radio', { name: /Saldo total/ }).check();
    await page.getByRole('button', { name: 'PAGAR POR PSE' }).click();
    await page.getByRole('heading', { name: 'Pago por PSE' }).waitFor();
    expect(await page.locator('[data-field="tipo-persona"]').textContent()).toBe('Persona jurídica');
    expect(await page.locator('[data-field="tipo-documento"]').textContent()).toBe('NIT');
    expect(await page.locator('[data-field="numero-documento"]').textContent()).toBe('900123456');
    await fillPse(page, { bank: 'BANCO DE BOGOTA', phone: COMPANY.phone });
    await payAndReachBank(page, host());
    const reference = await decideAtBank(page, host(), 'Aprobar');
    const voucher = await voucherOnScreen(page);
    expect(voucher).toMatchObject({ Total: formatCop(50_000), Referencia: reference });
  });

  it('pays an otro valor typed on the keypad, after clear Spanish refusals below the minimum and above the saldo', async () => {
    page = await signIn(t.e2e, COMPANY);
    await openCredits(page);
    await payRow(page, 'LI-51');
    await page.getByRole('radio', { name: /Otro Valor/ }).check();
    const keypad = page.getByRole('group', { name: 'Teclado numérico' });
    const type = async (digits: string) => {
      for (const digit of digits) await keypad.getByRole('button', { name: digit, exact: true }).click();
    };
    const clear = async () => {
      while ((await page!.getByLabel('Otro Valor', { exact: true }).inputValue()) !== '')
        await keypad.getByRole('button', { name: 'Borrar' }).click();
    };
    const pay = page.getByRole('button', { name: 'PAGAR POR PSE' });

    await pay.click();
    expect(await amountError(page)).toBe('Escriba el valor a pagar con el teclado numérico.');
    await type('5000');
    expect(await page.getByLabel('Otro Valor', { exact: true }).inputValue()).toBe('$ 5.000');
    await pay.click();
    expect(await amountError(page)).toBe(`El valor mínimo a pagar es ${formatCop(10_000)}.`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await clear();
    await type('7000000');
    await pay.click();
    expect(await amountError(page)).toBe(`El valor a pagar no puede ser mayor que su saldo de ${formatCop(6_300_000)}.`);
    await clear();
    await type('1234567');
    await pay.click();

    await page.getByRole('heading', { name: 'Pago por PSE' }).waitFor();
    expect(await page.locator('[data-field="valor-a-pagar"]').textContent()).toBe(formatCop(1_234_567));
    await fillPse(page, { phone: COMPANY.phone });
    await payAndReachBank(page, host());
    const reference = await decideAtBank(page, host(), 'Aprobar');
    expect(await voucherOnScreen(page)).toMatchObject({ Total: formatCop(1_234_567), Referencia: reference });
  });

  it('pays a jardín enrollment slip in full', async () => {
    page = await signIn(t.e2e, MEMBER);
    await page.getByRole('link', { name: 'JARDÍN', exact: true }).click();
    await page.getByRole('heading', { name: 'JARDÍN' }).waitFor();
    await page.getByLabel('Número de Identificación del Alumno').click();
    const keypad = page.getByRole('group', { name: 'Teclado numérico' });
    for (const digit of '1043987654') await keypad.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'Consultar' }).click();
    const slips = page.getByTestId('tabla-volantes');
    await slips.waitFor();
    expect(await slips.locator('thead th').allTextContents()).toEqual(['#', 'Dcto', 'Alumno', 'Concepto', 'Vigencia', 'Valor', 'Op']);
    expect(await texts(slips.locator(`tr[data-obligation="${slipId()}"] td`))).toEqual([
      '1',
      'VM- 1',
      'SOFÍA GUTIÉRREZ MARTÍNEZ',
      'VOLANTES DE MATRICULA',
      String(new Date().getFullYear()),
      formatCop(482_213),
      'Pagar',
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);
    await payRow(page, slipId());
    expect(await page.getByRole('radio').count()).toBe(1);
    expect(await page.locator('label', { has: page.getByRole('radio') }).textContent()).toContain(formatCop(482_213));
    await page.getByText('Los volantes de matrícula se pagan por el valor total.').waitFor();
    expect(await page.getByTestId('obligacion').textContent()).toContain('SOFÍA GUTIÉRREZ MARTÍNEZ');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'PAGAR POR PSE' }).click();
    await fillPse(page);
    await payAndReachBank(page, host());
    const reference = await decideAtBank(page, host(), 'Aprobar');
    expect(await voucherOnScreen(page)).toMatchObject({ Total: formatCop(482_213), Referencia: reference });

    // Salir: the voucher and the payment leave the screen, and its address no longer opens anything.
    await page.getByTestId('sesion-persona').getByRole('button', { name: 'Salir' }).click();
    await page.getByRole('tab', { name: 'AFILIADOS' }).waitFor();
    for (const trace of [reference, 'SOFÍA GUTIÉRREZ MARTÍNEZ', formatCop(482_213)])
      expect(await page.textContent('body')).not.toContain(trace);
    await page.goto(`${host()}/#/pago/resultado/${reference}`);
    await page.getByRole('tab', { name: 'AFILIADOS' }).waitFor();
    expect(await page.textContent('body')).not.toContain(reference);
  });

  it("Jardín with 123456 says Ups! No se encontró nada., with the seed's text and the jardín's phones", async () => {
    page = await signIn(t.e2e, MEMBER);
    await page.getByRole('link', { name: 'JARDÍN', exact: true }).click();
    await page.getByLabel('Número de Identificación del Alumno').fill('12');
    await page.getByRole('button', { name: 'Consultar' }).click();
    await page.getByText('Digite el número de identificación del alumno: solo números, de 4 a 12 dígitos.').waitFor();
    await page.getByLabel('Número de Identificación del Alumno').fill('123456');
    await page.getByRole('button', { name: 'Consultar' }).click();
    const empty = page.getByTestId('sin-volantes');
    await empty.waitFor();
    expect(await empty.getByRole('heading').textContent()).toBe('Ups! No se encontró nada.');
    const text = (await empty.textContent()) ?? '';
    expect(text).toContain(
      'Realizamos la consulta bajo ese número de identificación del menor y no registramos volantes de pago vigentes.',
    );
    expect(text).toContain(
      'comuníquese con el personal del Jardín a los siguientes números telefónicos 3491109 - 3714674 o al Celular 317 647 5902.',
    );
    for (const phone of t.e2e.config.contacts.kindergartenPhones) expect(text).toContain(phone);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it("without the central system, CRÉDITOS answers from the terminal's copy and says from when", async () => {
    page = await signIn(t.e2e, COMPANY);
    await centralOutage(t.e2e, true);
    try {
      const credits = await openCredits(page);
      const local = page.getByTestId('datos-locales');
      await local.waitFor();
      expect(await local.textContent()).toMatch(/^Información del .+; sin conexión con el sistema central\./);
      expect(await credits.locator('tr[data-obligation="LI-51"]').count()).toBe(1);
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await centralOutage(t.e2e, false);
    }
  });
});
