import { describe, expect, it } from 'vitest';
import { seriousA11yViolations, signInTechnician } from './harness';
import { useE2E } from './fixture';

describe('Ingreso and terminal status in headless Chromium (browser host)', () => {
  const e2e = useE2E();

  it('shows the seed Ingreso screen: tabs AFILIADOS / EMPRESAS, the fields and Ingresar', async () => {
    const page = await e2e.open();
    await page.getByRole('button', { name: 'Ingresar' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Bienvenidos a Pagos Express' }).isVisible()).toBe(true);
    const afiliados = page.getByRole('tab', { name: 'AFILIADOS' });
    const empresas = page.getByRole('tab', { name: 'EMPRESAS' });
    expect(await afiliados.getAttribute('aria-selected')).toBe('true');
    expect(await page.getByLabel('Cédula de Ciudadanía').isVisible()).toBe(true);
    expect(await page.getByLabel('Código de verificación').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Ingresar' }).isVisible()).toBe(true);

    await empresas.click();
    expect(await empresas.getAttribute('aria-selected')).toBe('true');
    expect(await page.getByLabel('NIT de la empresa').isVisible()).toBe(true);

    const box = await page.getByRole('button', { name: 'Ingresar' }).boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows terminal.status on the status screen: the public a short state, a técnico the details', async () => {
    const page = await e2e.open('/#/estado');
    await page.getByRole('heading', { name: 'Estado del terminal' }).waitFor();
    await page.locator('[data-field="terminal"]').waitFor();
    expect(await page.locator('[data-field="terminal"]').textContent()).toContain(e2e.config.terminal.id);
    expect(await page.locator('[data-field="sede"]').textContent()).toContain(e2e.config.site.name);
    await page.locator('[data-field="estado-general"]', { hasText: 'funciona' }).waitFor();
    expect(await page.locator('[data-field="modo"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Imprimir prueba' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    signInTechnician(e2e);
    await page.reload();
    await page.locator('[data-field="modo"]').waitFor();
    expect(await page.locator('[data-field="modo"]').textContent()).toContain('Kiosco');
    expect(await page.locator('[data-field="base-de-datos"]').textContent()).toContain('En buen estado');
    expect(await page.locator('[data-field="pse-pendientes"]').textContent()).toContain('Ninguno');
    expect(await seriousA11yViolations(page)).toEqual([]);
    e2e.host.app.sessions.endOperator();
    await page.close();
  });

  it('runs under the strict CSP without violations', async () => {
    const page = await e2e.context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${e2e.host.host.url}/`);
    await page.getByRole('button', { name: 'Ingresar' }).waitFor();
    await page.goto(`${e2e.host.host.url}/#/estado`);
    await page.locator('[data-field="terminal"]').waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });
});
