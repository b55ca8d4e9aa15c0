import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, seriousA11yViolations, type E2E } from '../harness';
import { startVirtualPrinter, type VirtualPrinter } from '../../../sim/printer/virtual-printer';

describe('status screen: printer line and Imprimir prueba (headless Chromium, virtual printer over TCP)', () => {
  let e2e: E2E;
  let printer: VirtualPrinter;
  beforeAll(async () => {
    printer = await startVirtualPrinter();
    e2e = await startE2E({
      config: { printer: { interface: printer.interface, type: 'epson', width: 48, characterSet: 'PC858_EURO', timeoutMs: 1000 } },
      // Every status reads the printer afresh, so switching it off shows at once (no waiting out a cached probe).
      deps: { printerProbeCacheMs: 0 },
    });
  });
  afterAll(async () => {
    await e2e?.close();
    await printer?.close();
  });

  it('offers the test print only after a supervisor or técnico signs in; the public sees no printer address', async () => {
    const page = await e2e.open('/#/estado');
    await page.locator('[data-field="impresora-publica"]', { hasText: 'Lista' }).waitFor();
    expect(await page.getByRole('button', { name: 'Imprimir prueba' }).count()).toBe(0);
    expect(await page.locator('#contenido').textContent()).not.toContain('tcp://');
    expect(await page.getByRole('link', { name: 'Ingreso de técnico o supervisor' }).count()).toBe(1);
    expect(printer.jobs()).toEqual([]);
    await page.close();
  });

  it('shows the printer as connected and prints a test page that reaches the printer whole', async () => {
    // A técnico signed in at this terminal (the sign-in screens have their own tests).
    e2e.host.app.sessions.startOperator({ username: 'tecnico1', displayName: 'Técnico de Sede', role: 'supervisor' });
    const page = await e2e.open('/#/estado');
    const line = page.locator('[data-field="impresora"]');
    await line.waitFor();
    expect(await line.textContent()).toContain('Conectada');
    expect(await line.textContent()).toContain(printer.interface);
    expect(await page.locator('[data-field="impresora-ultimo"]').textContent()).toContain('Ninguno');

    const button = page.getByRole('button', { name: 'Imprimir prueba' });
    expect((await button.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);
    await button.click();
    await page.getByText('Prueba impresa.').waitFor();

    const [paper] = await printer.waitForJobs(1);
    expect(paper?.complete).toBe(true);
    expect(paper?.decoded.text).toContain('PRUEBA DE IMPRESIÓN');
    expect(paper?.decoded.text).toContain('áéíóú ÁÉÍÓÚ ñÑ üÜ ¿? ¡!');
    await page.locator('[data-field="impresora-ultimo"]', { hasText: 'Prueba: impreso' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('with the printer off, says so in Spanish without blocking the screen, and prints when it is back', async () => {
    printer.clear();
    await printer.setMode('down');
    const page = await e2e.open('/#/estado');
    await page.locator('[data-field="impresora"]', { hasText: 'No disponible' }).waitFor();
    await page.getByRole('button', { name: 'Imprimir prueba' }).click();
    await page.locator('[data-field="prueba-estado"]', { hasText: 'La impresora no responde' }).waitFor();
    // The screen is free at once: the other controls still answer.
    await page.getByRole('button', { name: 'Actualizar' }).click();
    expect(printer.jobs()).toEqual([]);

    // The técnico turns the printer on and presses Actualizar: the probe finds it and the waiting job goes at once.
    await printer.setMode('ok');
    await page.getByRole('button', { name: 'Actualizar' }).click();
    await page.locator('[data-field="impresora"]', { hasText: 'Conectada' }).waitFor();
    await page.getByText('Prueba impresa.').waitFor({ timeout: 20_000 });
    const [paper] = await printer.waitForJobs(1);
    expect(paper?.complete).toBe(true);
    await page.close();
  });
});
