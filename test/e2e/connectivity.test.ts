import { beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations, signInTechnician, type E2E } from './harness';
import { useE2E } from './fixture';
import { until } from '../support/until';

async function setFaults(e2e: E2E, faults: Record<string, unknown>): Promise<void> {
  await fetch(`${e2e.sim.url}/sim/admin/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
}

describe('connectivity banner and the data lines of the status screen (headless Chromium)', () => {
  const e2e = useE2E({ deps: { data: { syncIntervalMs: 200, syncBackoff: { baseMs: 50, maxMs: 200 }, liveTimeoutMs: 500 } } });
  beforeAll(() => {
    // The sync and outbox lines are the details a técnico sees once signed in.
    signInTechnician(e2e);
  });

  it('shows the sync and outbox lines on the status screen once the copy has caught up', async () => {
    const page = await e2e.open('/#/estado');
    await page.locator('[data-field="sincronizacion"]').waitFor();
    const synced = await until(
      async () => {
        await page.getByRole('button', { name: 'Actualizar' }).click();
        return (await page.locator('[data-field="sincronizacion"]').textContent()) ?? '';
      },
      (text) => text.includes('Al día'),
      10_000,
      100,
    );
    expect(synced).toContain('Al día');
    expect(await page.locator('[data-field="obligaciones-locales"]').textContent()).toContain('4');
    expect(await page.locator('[data-field="pendientes"]').textContent()).toContain('0');
    expect(await page.locator('[data-field="rechazados"]').textContent()).toContain('Ninguno');
    expect(await page.locator('.connectivity-banner').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('warns on every screen while the central API is down, and says why on the status screen', async () => {
    await setFaults(e2e, { outage: true });
    const page = await e2e.open('/');
    const banner = page.getByText('Sin conexión con el sistema central', { exact: false });
    await banner.waitFor({ timeout: 20_000 });
    expect(await page.locator('.connectivity-banner').getAttribute('data-state')).toBe('offline');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(`${e2e.host.host.url}/#/estado`);
    await banner.waitFor({ timeout: 20_000 });
    await page.locator('[data-field="error-sincronizacion"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-field="error-sincronizacion"]').textContent()).toContain('No se pudo conectar con el sistema central');
    expect(await page.locator('[data-field="sincronizacion"]').textContent()).toMatch(/Con errores|Reintentando/);
    // One source of truth, worded the same: the banner's words on the status screen too.
    expect(await page.locator('[data-field="conexion"]').textContent()).toBe('Sin conexión con el sistema central');

    // The link is back: the first call that succeeds clears the banner — no *inestable* left over for minutes.
    await setFaults(e2e, {});
    await page.locator('[data-field="conexion"]', { hasText: 'Conectado con el sistema central' }).waitFor({ timeout: 15_000 });
    await page.locator('.connectivity-banner').waitFor({ state: 'detached', timeout: 10_000 });
    await page.close();
  });
});
