import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, seriousA11yViolations } from './harness';
import { useStarted } from '../support/use-started';
import { startSimulator } from '../../sim/server';
import { DEMO_ENROLMENT_CODE } from '../../sim/central/enrolment';
import { startHost } from '../../main/host/server';
import { defaultRendererDir } from '../../main/host/run';
import { createEnrolmentApi } from '../../main/enrolment/handlers';
import { createEnrolmentService } from '../../main/enrolment/service';
import { createSealedSecretStore } from '../../main/security/sealed-secret-store';
import { memoryLogger } from '../support/logs';
import { tempDir } from '../support/temp';

/**
 * The enrolment screen as a técnico meets it on an installed terminal's first start: the core is not running,
 * only the enrolment API answers (as in electron/main.ts), here carried by the browser host to headless Chromium.
 */
describe('enrolment screen (first start, headless Chromium)', () => {
  const data = tempDir('pes-e2e-enrol-');
  const terminalFile = join(data.dir, 'userData', 'terminal.json');
  let enrolled = 0;
  const t = useStarted(async () => {
    const sim = await startSimulator();
    const { logger } = memoryLogger();
    // No OS key store in a test: the store keeps a 0600 key file, as on a Linux kiosk without a keyring.
    const secrets = createSealedSecretStore({
      dir: join(data.dir, 'userData', 'secrets'),
      sealer: { isAvailable: () => false, seal: (b) => b, unseal: (b) => b },
    });
    const api = createEnrolmentApi({
      service: createEnrolmentService({ terminalFile, secrets, logger }),
      logger,
      onEnrolled: () => (enrolled += 1),
    });
    const host = await startHost({ api, logger, rendererDir: defaultRendererDir, port: 0 });
    const browser = await launchChromium();
    return {
      sim,
      host,
      context: browser.context,
      async close() {
        await browser.context.close();
        browser.remove();
        await host.close();
        await sim.close();
        data.remove();
      },
    };
  });

  it('refuses a wrong code in Spanish, then enrols with the right one', async () => {
    const { sim, host, context } = t;
    const page = await context.newPage();
    await page.goto(`${host.url}/#/enrolamiento`);
    await page.getByRole('heading', { name: 'Enrolamiento del terminal' }).waitFor();
    await page.getByRole('button', { name: 'Enrolar terminal' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Código de enrolamiento').fill('PES-EQUIVOCADO');
    await page.getByLabel('Código de la sede').fill('BAQ-01');
    await page.getByLabel('Identificador del terminal').fill('KIOSK-11');
    await page.getByLabel('Dirección del sistema central').fill(`${sim.url}/`);
    await page.getByLabel(/^Impresora/).fill('tcp://127.0.0.1:9100');
    await page.getByRole('button', { name: 'Enrolar terminal' }).click();
    await page.getByRole('alert').getByText('El código de enrolamiento no es válido').waitFor();
    expect(existsSync(terminalFile)).toBe(false);

    await page.getByLabel('Dirección del sistema central').fill('ftp://central');
    await page.getByLabel('Código de enrolamiento').fill(DEMO_ENROLMENT_CODE);
    await page.getByRole('button', { name: 'Enrolar terminal' }).click();
    await page.getByRole('alert').getByText('Revise: Dirección del sistema central.').waitFor();

    await page.getByLabel('Dirección del sistema central').fill(`${sim.url}/`);
    await page.getByLabel('Ancho del papel (columnas)').selectOption('42');
    await page.getByRole('button', { name: 'Enrolar terminal' }).click();
    await page.getByText('Terminal KIOSK-11 enrolado en Sede Barranquilla Centro.').waitFor();
    expect(enrolled).toBe(1);
    expect(JSON.parse(readFileSync(terminalFile, 'utf8'))).toMatchObject({
      terminal: { id: 'KIOSK-11', role: 'kiosk' },
      printer: { interface: 'tcp://127.0.0.1:9100', width: 42, type: 'epson' },
    });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });
});
