import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../../sim/server';
import { DEMO_ENROLMENT_CODE } from '../../../sim/central/enrolment';
import { createEnrolmentService } from '../../../main/enrolment/service';
import { createEnrolmentApi } from '../../../main/enrolment/handlers';
import { createSealedSecretStore, type Sealer } from '../../../main/security/sealed-secret-store';
import { TERMINAL_SECRET } from '../../../main/security/secret-store';
import { electronPlaces } from '../../../main/config/places';
import { loadInstalledConfig } from '../../../main/config/installed';
import { createCentralHttp } from '../../../main/central/http';
import { contactChannelsSchema } from '../../../main/central/schemas';
import { memoryLogger } from '../../support/logs';
import { tempDir } from '../../support/temp';
import { rejectionOf } from '../../support/rejection';
import { CentralError } from '../../../main/central/errors';

/** Stands in for the OS key store (Electron's safeStorage): reversible, and never the plain bytes. */
const testSealer: Sealer = {
  isAvailable: () => true,
  seal: (plain) => Buffer.concat([Buffer.from('SEALED'), Buffer.from(plain.map((byte) => byte ^ 0x5a))]),
  unseal: (sealed) => Buffer.from(sealed.subarray(6).map((byte) => byte ^ 0x5a)),
};

describe('enrolment of a new terminal against the simulator over HTTP', () => {
  let sim: Simulator;
  let temp: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    sim = await startSimulator();
    temp = tempDir('pes-enrol-');
  });
  afterEach(async () => {
    await sim.close();
    temp.remove();
  });

  function setup() {
    const places = {
      ...electronPlaces({ platform: 'linux', env: {}, userData: join(temp.dir, 'userData') }),
      systemTerminalFile: join(temp.dir, 'etc', 'terminal.json'),
    };
    const secrets = createSealedSecretStore({ dir: places.secretsDir, sealer: testSealer });
    const logs = memoryLogger();
    const service = createEnrolmentService({ terminalFile: places.userTerminalFile, secrets, logger: logs.logger });
    let enrolled = 0;
    const api = createEnrolmentApi({ service, logger: logs.logger, onEnrolled: () => (enrolled += 1) });
    const input = {
      enrolmentCode: DEMO_ENROLMENT_CODE.toLowerCase(),
      siteId: 'BAQ-01',
      terminalId: 'KIOSK-07',
      role: 'kiosk',
      centralUrl: `${sim.url}/`,
      printer: { interface: 'tcp://192.168.10.50:9100', type: 'epson', width: 48 },
    };
    return { places, secrets, logs, api, input, enrolled: () => enrolled };
  }

  it('asks for enrolment and answers nothing else before it', async () => {
    const { api } = setup();
    expect(await api.dispatch('enrolment.status', {}, { transport: 'test' })).toEqual({ ok: true, data: { required: true } });
    const other = await api.dispatch('terminal.status', {}, { transport: 'test' });
    expect(other).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', details: { reason: 'NOT_ENROLLED' } } });
  });

  it('gets the terminal secret from the central API, seals it, writes the terminal file, and the terminal then authenticates with it', async () => {
    const { api, input, places, secrets, enrolled } = setup();
    const answer = await api.dispatch('enrolment.submit', input, { transport: 'test' });
    expect(answer).toEqual({ ok: true, data: { terminalId: 'KIOSK-07', siteId: 'BAQ-01', siteName: 'Sede Barranquilla Centro' } });
    await new Promise((resolve) => setImmediate(resolve));
    expect(enrolled()).toBe(1);

    expect(existsSync(places.userTerminalFile)).toBe(true);
    expect(statSync(places.userTerminalFile).mode & 0o077).toBe(0);
    const file = JSON.parse(readFileSync(places.userTerminalFile, 'utf8')) as Record<string, unknown>;
    expect(file).toEqual({
      site: { id: 'BAQ-01', name: 'Sede Barranquilla Centro' },
      terminal: { id: 'KIOSK-07', role: 'kiosk' },
      central: { baseUrl: `${sim.url}/` },
      printer: { interface: 'tcp://192.168.10.50:9100', type: 'epson', width: 48 },
    });
    const secret = secrets.get(TERMINAL_SECRET)?.toString('utf8');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    // Sealed on disk: the file holds neither the secret nor its bytes in clear, and the folder is private.
    const [sealedFile] = readdirSync(places.secretsDir);
    expect(sealedFile).toBe('terminal-secret.sealed');
    expect(readFileSync(join(places.secretsDir, sealedFile!)).includes(Buffer.from(secret!))).toBe(false);
    expect(statSync(places.secretsDir).mode & 0o077).toBe(0);
    expect(readFileSync(places.userTerminalFile, 'utf8')).not.toContain(secret!);

    const start = loadInstalledConfig({
      places,
      platform: 'linux',
      env: {},
      readSecret: () => secrets.get(TERMINAL_SECRET)?.toString('utf8'),
    });
    if (start.kind !== 'ready') throw new Error('expected the enrolled configuration');
    expect(start.config.central.terminalSecret).toBe(secret);
    expect(start.config.database.file).toBe(join(places.userData, 'data', 'pagos-express.db'));

    const { logger } = memoryLogger();
    const asEnrolled = createCentralHttp({
      baseUrl: start.config.central.baseUrl,
      terminalId: 'KIOSK-07',
      terminalSecret: secret!,
      timeoutMs: 2_000,
      logger,
    });
    const contacts = await asEnrolled.send({
      method: 'GET',
      path: 'v1/terminals/KIOSK-07/contacts',
      schema: contactChannelsSchema,
      idempotent: true,
    });
    expect(contacts.site.name).toBe('Sede Barranquilla Centro');
    // The demo secret no longer opens this terminal id: the secret really is the central API's.
    const asDemo = createCentralHttp({
      baseUrl: start.config.central.baseUrl,
      terminalId: 'KIOSK-07',
      terminalSecret: 'demo-terminal-secret',
      timeoutMs: 2_000,
      logger,
      retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const refused = await rejectionOf(
      asDemo.send({ method: 'GET', path: 'v1/terminals/KIOSK-07/contacts', schema: contactChannelsSchema, idempotent: true }),
      CentralError,
    );
    expect(refused.kind).toBe('unauthorized');
  });

  it('refuses a wrong, spent or other-site code with a clear reason and writes nothing', async () => {
    const { api, input, places, logs } = setup();
    const wrong = await api.dispatch('enrolment.submit', { ...input, enrolmentCode: 'PES-WRONG-0000' }, { transport: 'test' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'ENROLMENT_CODE_INVALID' } } });
    const otherSite = await api.dispatch('enrolment.submit', { ...input, siteId: 'SMR-02' }, { transport: 'test' });
    expect(otherSite).toMatchObject({ ok: false, error: { details: { reason: 'ENROLMENT_CODE_INVALID' } } });
    expect(existsSync(places.userTerminalFile)).toBe(false);
    expect(existsSync(places.secretsDir)).toBe(false);

    expect(await api.dispatch('enrolment.submit', input, { transport: 'test' })).toMatchObject({ ok: true });
    const spent = await api.dispatch('enrolment.submit', { ...input, terminalId: 'KIOSK-08' }, { transport: 'test' });
    expect(spent).toMatchObject({ ok: false, error: { details: { reason: 'ENROLMENT_CODE_INVALID' } } });
    const lines = logs.lines();
    expect(lines.some((line) => line.includes('enrolment refused'))).toBe(true);
    expect(lines.join('\n')).not.toContain(DEMO_ENROLMENT_CODE);
  });

  it('takes a fresh code issued for another site, and says when the central API cannot be reached', async () => {
    const { api, input } = setup();
    const issued = (await (
      await fetch(`${sim.url}/sim/admin/enrolment-codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ siteId: 'SMR-02' }),
      })
    ).json()) as { code: string };
    const ok = await api.dispatch(
      'enrolment.submit',
      { ...input, siteId: 'SMR-02', terminalId: 'DESK-03', role: 'desk', enrolmentCode: issued.code },
      { transport: 'test' },
    );
    expect(ok).toEqual({ ok: true, data: { terminalId: 'DESK-03', siteId: 'SMR-02', siteName: 'Sede Santa Marta' } });
    const away = await api.dispatch('enrolment.submit', { ...input, centralUrl: 'http://127.0.0.1:9/' }, { transport: 'test' });
    expect(away).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', details: { reason: 'CENTRAL_UNREACHABLE' } } });
  });

  it('refuses malformed input field by field (control characters, a non-URL, an unknown key)', async () => {
    const { api, input } = setup();
    const bad = await api.dispatch(
      'enrolment.submit',
      { ...input, centralUrl: 'ftp://x', printer: { ...input.printer, interface: 'tcp://a\nTotal $ 1' }, extra: 1 },
      { transport: 'test' },
    );
    if (bad.ok) throw new Error('malformed enrolment accepted');
    expect(bad.error.code).toBe('VALIDATION');
    const paths = z
      .array(z.object({ path: z.string() }))
      .parse(bad.error.details?.issues)
      .map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['centralUrl', 'printer.interface']));
    // The answer carries the secret: plain http only to this machine (the simulator).
    const plain = await api.dispatch(
      'enrolment.submit',
      { ...input, centralUrl: 'http://central.cajacopi.example/' },
      { transport: 'test' },
    );
    expect(plain).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: 'centralUrl' }] } } });
  });
});
