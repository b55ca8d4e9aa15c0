import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../../sim/server';
import { createApp, type App } from '../../../main/app';
import { createLogger } from '../../../main/log/logger';
import { logFiles, rollingLogFile } from '../../../main/log/file';
import type { Envelope } from '../../../main/api/errors';
import { contract } from '../../../main/api/contract';
import { tempDir } from '../../support/temp';
import { testConfig } from '../../support/config';
import { until } from '../../support/until';

type Answer = Envelope<Record<string, unknown>>;

/**
 * Personal data a log could have met: a cédula, a phone, an e-mail, a payer's name. The export applies the
 * project's redaction (main/log/redact.ts); formatted identifiers (`300 123 4567`, `1.045.678.901`) are that
 * redaction's own cases, tested with it (issue 10).
 */
const PERSONAL = ['1045678901', '3001234567', 'ana.perez@example.com', 'ANA PÉREZ'];

describe('Exportar diagnóstico', () => {
  const temp = tempDir('pes-diag-');
  let sim: Simulator;
  let app: App | undefined;

  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(async () => {
    await sim.close();
    temp.remove();
  });
  afterEach(async () => {
    // The log stream stays open: a job finishing after close may still write a line, as in the app.
    await app?.close();
  });

  async function deskWithLogs(name: string) {
    const logsDir = join(temp.dir, name, 'logs');
    const stream = await rollingLogFile(logsDir, { maxFileMb: 10, maxFiles: 5, maxAgeDays: 30 });
    const logger = createLogger({ level: 'info', destination: stream });
    const config = testConfig(join(temp.dir), sim.url, {
      terminal: { id: 'DESK-05', role: 'desk' },
      database: { file: join(temp.dir, `${name}.db`) },
      log: { level: 'info', dir: logsDir, maxFileMb: 10, maxFiles: 5, maxAgeDays: 30 },
    });
    app = createApp(config, { logger });
    const call = (method: string, input: unknown = {}) => app!.api.dispatch(method, input, { transport: 'test' }) as Promise<Answer>;
    return { logsDir, logger, call };
  }

  it('is for operators only', async () => {
    const { call } = await deskWithLogs('closed');
    const usb = join(temp.dir, 'usb-closed');
    mkdirSync(usb);
    expect(await call('diagnostics.export', { folder: usb })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(readdirSync(usb)).toEqual([]);
  });

  it('writes the logs and the status to the chosen folder with no cédula, phone or e-mail in any file', async () => {
    const { logsDir, logger, call } = await deskWithLogs('open');
    // What a busy day leaves: lines with personal data (redacted when written) and a line from an older version
    // that wrote them plainly, which the export must scrub again.
    logger.info(
      { cedula: PERSONAL[0], phone: PERSONAL[1], email: PERSONAL[2], payerName: PERSONAL[3] },
      `lookup for ${PERSONAL[0]} / ${PERSONAL[2]}`,
    );
    writeFileSync(
      join(logsDir, 'pagos-express.0.log'),
      `${JSON.stringify({ msg: `old line ${PERSONAL[0]} ${PERSONAL[1]} ${PERSONAL[2]}`, cedula: PERSONAL[0] })}\nplain text ${PERSONAL[2]}\n`,
    );
    await until(
      async () => logFiles(logsDir),
      (files) => files.some((entry) => readFileSync(entry.file, 'utf8').includes('lookup for')),
    );
    expect(await call('operator.signIn', { username: 'supervisor1', pin: '9999' })).toMatchObject({ ok: true });

    const usb = join(temp.dir, 'usb');
    mkdirSync(usb);
    const answer = await call('diagnostics.export', { folder: usb });
    if (!answer.ok) throw new Error(`export refused: ${answer.error.code}`);
    const data = contract['diagnostics.export'].output.parse(answer.data);
    expect(data.folder.startsWith(join(usb, 'pagos-express-diagnostico-DESK-05-'))).toBe(true);
    expect(readdirSync(data.folder).sort()).toEqual([...data.files].sort());
    expect(data.files).toContain('status.json');
    expect(data.files.filter((file) => file.endsWith('.log')).length).toBeGreaterThanOrEqual(2);

    const status = JSON.parse(readFileSync(join(data.folder, 'status.json'), 'utf8')) as Record<
      string,
      { ok: boolean; data?: Record<string, unknown> }
    >;
    expect(status['terminal.status']).toMatchObject({ ok: true, data: { terminalId: 'DESK-05', role: 'desk' } });
    expect(Object.keys(status)).toEqual(expect.arrayContaining(['sync.status', 'outbox.status', 'printing.status', 'payments.unresolved']));

    const everything = data.files.map((file) => readFileSync(join(data.folder, file), 'utf8')).join('\n');
    expect(everything).toContain('lookup for');
    expect(everything).toContain('old line');
    for (const personal of PERSONAL) expect(everything, personal).not.toContain(personal);
  });

  it('refuses a folder that does not exist, and a relative one, with a reason', async () => {
    const { call } = await deskWithLogs('refused');
    await call('operator.signIn', { username: 'supervisor1', pin: '9999' });
    expect(await call('diagnostics.export', { folder: join(temp.dir, 'no-such-usb') })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { reason: 'FOLDER_NOT_FOUND' } },
    });
    expect(await call('diagnostics.export', { folder: 'usb' })).toMatchObject({
      ok: false,
      error: { details: { reason: 'FOLDER_NOT_FOUND' } },
    });
    expect(existsSync(join(temp.dir, 'no-such-usb'))).toBe(false);
  });
});
