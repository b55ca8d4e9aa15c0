import { describe, expect, it } from 'vitest';
import { seriousA11yViolations, signInTechnician } from '../harness';
import { useE2E } from '../fixture';

describe('status screen: printer line and Imprimir prueba (headless Chromium, virtual printer over TCP)', () => {
  const e2e = useE2E({
    printer: true,
    // Every status reads the printer afresh, so switching it off shows at once (no waiting out a cached probe).
    deps: { printerProbeCacheMs: 0 },
  });

  it('offers the test print only after a supervisor or técnico signs in; the public sees no printer address', async () => {
    const page = await e2e.open('/#/estado');
    await page.locator('[data-field="impresora-publica"]', { hasText: 'Lista' }).waitFor();
    expect(await page.getByRole('button', { name: 'Imprimir prueba' }).count()).toBe(0);
    expect(await page.locator('#contenido').textContent()).not.toContain('tcp://');
    expect(await page.getByRole('link', { name: 'Ingreso de técnico o supervisor' }).count()).toBe(1);
    expect(e2e.sim.printer.jobs()).toEqual([]);
    await page.close();
  });

  it('shows the printer as connected and prints a test page that reaches the printer whole', async () => {
    signInTechnician(e2e);
    const page = await e2e.open('/#/estado');
    const line = page.locator('[data-field="impresora"]');
    await line.waitFor();
    expect(await line.textContent()).toContain('Conectada');
    expect(await line.textContent()).toContain(e2e.sim.printer.interface);
    expect(await page.locator('[data-field="impresora-ultimo"]').textContent()).toContain('Ninguno');

    const button = page.getByRole('button', { name: 'Imprimir prueba' });
    expect((await button.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);
    await button.click();
    await page.getByText('Prueba impresa.').waitFor();

    const [paper] = await e2e.sim.printer.waitForJobs(1);
    expect(paper?.complete).toBe(true);
    expect(paper?.decoded.text).toContain('PRUEBA DE IMPRESIÓN');
    expect(paper?.decoded.text).toContain('áéíóú ÁÉÍÓÚ ñÑ üÜ ¿? ¡!');
    await page.locator('[data-field="impresora-ultimo"]', { hasText: 'Prueba: impreso' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('with the printer off, says so in Spanish without blocking the screen, and prints when it is back', async () => {
    e2e.sim.printer.clear();
    await e2e.sim.printer.setMode('down');
    const page = await e2e.open('/#/estado');
    await page.locator('[data-field="impresora"]', { hasText: 'No disponible' }).waitFor();
    await page.getByRole('button', { name: 'Imprimir prueba' }).click();
    await page.locator('[data-field="prueba-estado"]', { hasText: 'La impresora no responde' }).waitFor();
    // The screen is free at once: the other controls still answer.
    await page.getByRole('button', { name: 'Actualizar' }).click();
    expect(e2e.sim.printer.jobs()).toEqual([]);

    // The técnico turns the printer on and presses Actualizar: the probe finds it and the waiting job goes at once.
    await e2e.sim.printer.setMode('ok');
    await page.getByRole('button', { name: 'Actualizar' }).click();
    await page.locator('[data-field="impresora"]', { hasText: 'Conectada' }).waitFor();
    await page.getByText('Prueba impresa.').waitFor({ timeout: 20_000 });
    const [paper] = await e2e.sim.printer.waitForJobs(1);
    expect(paper?.complete).toBe(true);
    await page.close();
  });
});
