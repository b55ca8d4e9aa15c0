import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './harness';
import { useE2E } from './fixture';
import { movableClock } from '../support/movable-clock';

/** The cashier desk's operator sign-in in headless Chromium, against the simulator's operator list. */
describe('desk operator sign-in (browser host, headless Chromium)', () => {
  const time = movableClock();
  const e2e = useE2E({
    time,
    config: {
      terminal: { id: 'DESK-01', role: 'desk' },
      idle: { warnAfterSeconds: 60, graceSeconds: 20, maxSessionSeconds: 900, operatorLockSeconds: 30 },
    },
  });
  let page: Page;

  beforeEach(async () => {
    await page?.close();
    page = await e2e.open();
    await page.getByRole('heading', { name: 'Ingreso de operador' }).waitFor();
  });

  async function tapPin(pin: string): Promise<void> {
    const keypad = page.getByRole('group', { name: 'Teclado numérico' });
    for (const digit of pin) await keypad.getByRole('button', { name: digit, exact: true }).click();
  }

  it('opens the desk for a cashier, locks it after inactivity, and opens it again with the PIN', async () => {
    expect(page.url()).toMatch(/#\/caja$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Usuario').fill('cajero1');
    await page.getByLabel('PIN').click();
    await tapPin('1234');
    expect(await page.getByLabel('PIN').getAttribute('type')).toBe('password');
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { name: 'Caja', exact: true }).waitFor();
    expect(await page.getByTestId('operador').textContent()).toContain('Carmen Cajera (Cajero)');
    const header = page.getByTestId('sesion-operador');
    expect(await header.getByRole('button', { name: 'Salir' }).isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);

    time.advance(31);
    await page.getByRole('heading', { name: 'Caja bloqueada' }).waitFor();
    expect(await page.textContent('body')).toContain('Carmen Cajera, digite su PIN para continuar.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('PIN').fill('1234');
    await page.getByRole('button', { name: 'Desbloquear' }).click();
    await page.getByRole('heading', { name: 'Caja', exact: true }).waitFor();

    await header.getByRole('button', { name: 'Salir' }).click();
    await page.getByRole('heading', { name: 'Ingreso de operador' }).waitFor();
    expect(await page.textContent('body')).not.toContain('Carmen Cajera');
  });

  it('counts wrong PINs down and locks the username out', async () => {
    await page.getByLabel('Usuario').fill('supervisor1');
    for (const left of ['Le quedan 4 intentos', 'Le quedan 3 intentos', 'Le quedan 2 intentos', 'Le queda 1 intento']) {
      await page.getByLabel('PIN').fill('0000');
      await page.getByRole('button', { name: 'Ingresar' }).click();
      await page.getByText(left).waitFor();
    }
    expect(await page.getByLabel('PIN').inputValue()).toBe('');
    await page.getByLabel('PIN').fill('0000');
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByText('Usuario bloqueado por intentos fallidos').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The right PIN does not open a locked-out username.
    await page.getByLabel('PIN').fill('9999');
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { name: 'Ingreso de operador' }).waitFor();
    expect(await page.getByTestId('mensaje').textContent()).toContain('Usuario bloqueado');
  });
});
