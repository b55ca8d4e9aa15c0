import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SUPERVISOR, seriousA11yViolations, typeOperator } from './harness';
import { useE2E } from './fixture';
import { tempDir } from '../support/temp';

/** The técnico's screens in headless Chromium: Exportar diagnóstico on the status screen, and the enrolment route. */
describe('técnico screens (browser host, headless Chromium)', () => {
  const e2e = useE2E({ config: { terminal: { id: 'DESK-02', role: 'desk' } } });
  const usb = tempDir('pes-usb-');
  afterAll(() => {
    usb.remove();
  });

  it('offers Exportar diagnóstico only to a signed-in operator, and writes the bundle to the folder typed', async () => {
    const page = await e2e.open('/#/estado');
    await page.getByRole('heading', { name: 'Estado del terminal' }).waitFor();
    // The public's short state: no details, no export.
    await page.getByRole('link', { name: 'Ingreso de técnico o supervisor' }).waitFor();
    expect(await page.getByRole('button', { name: 'Exportar diagnóstico' }).count()).toBe(0);

    await page.goto(`${e2e.host.host.url}/#/caja`);
    await typeOperator(page, SUPERVISOR);
    await page.getByRole('heading', { name: 'Caja', exact: true }).waitFor();
    await page.goto(`${e2e.host.host.url}/#/estado`);
    const button = page.getByRole('button', { name: 'Exportar diagnóstico' });
    await button.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Carpeta de destino (memoria USB)').fill(join(usb.dir, 'no-existe'));
    await button.click();
    await page.getByText('La carpeta no existe.').waitFor();

    const stick = join(usb.dir, 'stick');
    mkdirSync(stick);
    await page.getByLabel('Carpeta de destino (memoria USB)').fill(stick);
    await button.click();
    const done = page.locator('[data-field="diagnostico-estado"]');
    await done.getByText('Diagnóstico guardado en').waitFor();
    const [bundle] = readdirSync(stick);
    expect(bundle).toMatch(/^pagos-express-diagnostico-DESK-02-/);
    expect(await done.textContent()).toContain(join(stick, bundle!));
    expect(existsSync(join(stick, bundle!, 'status.json'))).toBe(true);
    expect(readFileSync(join(stick, bundle!, 'status.json'), 'utf8')).toContain('"terminalId": "DESK-02"');
    await page.close();
  });

  it('shows the enrolment route as done on a terminal that is already enrolled', async () => {
    const page = await e2e.open('/#/enrolamiento');
    await page.getByRole('heading', { name: 'Enrolamiento del terminal' }).waitFor();
    await page.getByText('Este terminal ya está enrolado.').waitFor();
    expect(await page.getByRole('button', { name: 'Enrolar terminal' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });
});
