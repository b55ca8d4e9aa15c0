import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../main/app';
import type { CallContext } from '../../../main/api/dispatcher';
import { CentralError } from '../../../main/central/errors';
import { startSimulator, type Simulator } from '../../../sim/server';
import { MEMBER, payAtBank, paymentInput } from '../../fixtures/payments';
import { testConfig } from '../../support/config';
import { tempDir } from '../../support/temp';
import { until } from '../../support/until';

const ctx: CallContext = { transport: 'test' };
const soledad = {
  site: {
    name: 'Sede Soledad',
    phones: ['(605) 3700000'],
    advisorEmail: 'asesor.soledad@cajacopi.com',
    portfolioEmail: 'cartera.soledad@cajacopi.com',
  },
  kindergarten: { phones: ['3001234567'] },
  customerService: { phone: '(605) 3185930', email: 'servicioalcliente@cajacopi.com' },
};

async function contacts(app: App) {
  const envelope = await app.api.dispatch('terminal.contacts', {}, ctx);
  if (!envelope.ok) throw new Error(`terminal.contacts refused: ${envelope.error.code}`);
  return envelope.data as { siteName: string; advisorEmail: string; sitePhones: string[]; kindergartenPhones: string[] };
}

const putContacts = (sim: Simulator, body: unknown) =>
  fetch(`${sim.url}/sim/admin/contacts`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the contact channels on the screens', () => {
  let sim: Simulator;
  const dir = tempDir('pes-contacts-');
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(async () => {
    await sim.close();
    dir.remove();
  });

  it("shows the configured channels until the central API's arrive, then the central API's, kept across an offline restart", async () => {
    const offline = createApp(testConfig(dir.dir, 'http://127.0.0.1:9'), { data: { syncBackoff: { baseMs: 1_000, maxMs: 1_000 } } });
    try {
      const shown = await contacts(offline);
      expect(shown.siteName).toBe(offline.config.site.name);
      expect(shown.sitePhones).toEqual(offline.config.contacts.sitePhones);
    } finally {
      await offline.close();
    }

    expect((await putContacts(sim, soledad)).ok).toBe(true);
    const online = createApp(testConfig(dir.dir, sim.url));
    try {
      const shown = await until(
        () => contacts(online),
        (c) => c.siteName === 'Sede Soledad',
      );
      expect(shown).toEqual({
        siteName: 'Sede Soledad',
        advisorEmail: 'asesor.soledad@cajacopi.com',
        portfolioEmail: 'cartera.soledad@cajacopi.com',
        sitePhones: ['(605) 3700000'],
        kindergartenPhones: ['3001234567'],
      });
    } finally {
      await online.close();
    }

    const again = createApp(testConfig(dir.dir, 'http://127.0.0.1:9'));
    try {
      expect((await contacts(again)).siteName).toBe('Sede Soledad');
    } finally {
      await again.close();
    }
  });

  it('keeps showing the last good channels when the central API answers with bad ones', async () => {
    expect((await putContacts(sim, soledad)).ok).toBe(true);
    const app = createApp(testConfig(dir.dir, sim.url), { data: { autoStart: false } });
    try {
      await app.contacts.refresh();
      expect((await contacts(app)).siteName).toBe('Sede Soledad');
      expect((await putContacts(sim, { ...soledad, site: { ...soledad.site, name: 'Sede X', advisorEmail: 'no es un correo' } })).ok).toBe(
        true,
      );
      const refused = await app.contacts.refresh().catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(CentralError);
      expect((refused as CentralError).kind).toBe('malformed');
      expect(await contacts(app)).toMatchObject({ siteName: 'Sede Soledad', advisorEmail: 'asesor.soledad@cajacopi.com' });
    } finally {
      await app.close();
    }
  });

  it("names the central API's customer-service line in ACH's pending text, and the configured one before it arrives", async () => {
    const home = join(dir.dir, 'pending');
    mkdirSync(home);
    const central = { ...soledad, customerService: { phone: '(605) 3609999', email: 'atencion.soledad@cajacopi.com' } };
    expect((await putContacts(sim, central)).ok).toBe(true);
    const app = createApp(testConfig(home, sim.url), { data: { autoStart: false } });
    try {
      app.setPseReturnUrl('http://127.0.0.1:9/pse/retorno');
      await app.data.sync.runOnce();
      const started = await app.payments.start(paymentInput());
      const back = await payAtBank(started.redirectUrl, 'pending');
      expect((await app.payments.handleReturn(back.searchParams.get('orderId')!))?.outcome).toBe('pending');

      const before = (await app.payments.result(started.reference, MEMBER)).pendingText;
      expect(before).toContain(
        `atención al cliente ${app.config.contacts.customerServicePhone} o enviar un correo electrónico a ${app.config.contacts.customerServiceEmail}`,
      );

      await app.contacts.refresh();
      const after = (await app.payments.result(started.reference, MEMBER)).pendingText;
      expect(after).toContain('atención al cliente (605) 3609999 o enviar un correo electrónico a atencion.soledad@cajacopi.com');
      expect(app.payments.quote('LI-38', MEMBER).blocked?.text).toBe(after);
    } finally {
      await app.close();
    }
  });
});
