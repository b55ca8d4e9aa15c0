import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { z } from 'zod';
import { methodNames } from '../../../main/api/contract';
import { startSimulator, type Simulator } from '../../../sim/server';
import { DEMO_ENROLMENT_CODE } from '../../../sim/central/enrolment';
import { tempDir } from '../../support/temp';

/**
 * The Electron shell booted without its binary: the real bundle (`dist/electron/main.cjs`, built here by the
 * project's bundler) runs under Node with a fake `electron` module that records what the app asks of it.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const recordSchema = z.looseObject({ kind: z.string() });
type Recorded = z.infer<typeof recordSchema> & Record<string, unknown>;

let sim: Simulator;
let work: ReturnType<typeof tempDir>;

beforeAll(async () => {
  const bundled = spawnSync('npx', ['tsx', 'build/bundle-electron.ts'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (bundled.status !== 0) throw new Error(`bundling electron/ failed: ${bundled.stderr}`);
  work = tempDir('pes-boot-');
  await build({
    entryPoints: { electron: join(root, 'test/support/fake-electron/electron.ts'), hook: join(root, 'test/support/fake-electron/hook.ts') },
    outdir: join(work.dir, 'fake'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
  });
  sim = await startSimulator();
}, 180_000);

afterAll(async () => {
  await sim?.close();
  work?.remove();
});

interface Boot {
  records: Recorded[];
  exitCode: number | null;
  userData: string;
  of(kind: string): Recorded[];
}

let runs = 0;
async function boot(options: {
  terminalFile?: unknown;
  rawTerminalFile?: string;
  lock?: 'refused';
  calls?: unknown[];
  packaged?: boolean;
}): Promise<Boot> {
  runs += 1;
  const dir = join(work.dir, `run-${runs}`);
  const userData = join(dir, 'userData');
  mkdirSync(userData, { recursive: true });
  if (options.terminalFile !== undefined) writeFileSync(join(userData, 'terminal.json'), JSON.stringify(options.terminalFile));
  if (options.rawTerminalFile !== undefined) writeFileSync(join(userData, 'terminal.json'), options.rawTerminalFile);
  const recordFile = join(dir, 'record.jsonl');
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PES_')));
  Object.assign(env, {
    FAKE_ELECTRON_MODULE: join(work.dir, 'fake', 'electron.cjs'),
    FAKE_ELECTRON_RECORD: recordFile,
    FAKE_ELECTRON_USER_DATA: userData,
    FAKE_ELECTRON_PACKAGED: options.packaged === false ? '0' : '1',
    FAKE_ELECTRON_LOCK: options.lock ?? 'granted',
    FAKE_ELECTRON_CALLS: JSON.stringify(options.calls ?? []),
    FAKE_ELECTRON_SMS_URL: `${sim.url}/sim/sms`,
  });
  const child = spawn(process.execPath, ['--require', join(work.dir, 'fake', 'hook.cjs'), join(root, 'dist/electron/main.cjs')], {
    cwd: dir,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => {
    // Not a wait: a bound, so a hung app fails the test instead of hanging it.
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  expect(existsSync(recordFile), `the app asked nothing of Electron; stderr: ${stderr.slice(0, 2000)}`).toBe(true);
  const records = readFileSync(recordFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => recordSchema.parse(JSON.parse(line)) as Recorded);
  return { records, exitCode, userData, of: (kind) => records.filter((entry) => entry.kind === kind) };
}

const enrolled = () => ({
  site: { id: 'BAQ-01', name: 'Sede Barranquilla Centro' },
  terminal: { id: 'KIOSK-09', role: 'kiosk' },
  central: { baseUrl: `${sim.url}/`, terminalSecret: 'demo-terminal-secret' },
  gateway: { baseUrl: `${sim.url}/payment/` },
});

function resultOf(
  run: Boot,
  channel: string,
  index = 0,
): { ok: boolean; data?: Record<string, unknown>; error?: { code: string; details?: Record<string, unknown> } } {
  const found = run.of('ipc.result').filter((entry) => entry.channel === channel)[index];
  expect(found, `no IPC result for ${channel}`).toBeDefined();
  return found!.result as never;
}

describe('the Electron main process booted under Node with a fake electron', () => {
  it('creates one locked-down kiosk window with secure webPreferences, the app:// scheme and a handler per contract method', async () => {
    const run = await boot({
      terminalFile: enrolled(),
      calls: [
        { channel: 'kiosk:terminal.status' },
        { channel: 'kiosk:terminal.status', frameUrl: 'https://banco.example/pse' },
        { channel: 'kiosk:enrolment.status' },
      ],
    });
    expect(run.exitCode).toBe(0);
    const windows = run.of('BrowserWindow.new');
    expect(windows).toHaveLength(1);
    const options = windows[0]!.options as Record<string, unknown>;
    expect(options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: false,
    });
    expect(String((options.webPreferences as { preload: string }).preload)).toMatch(/dist[\\/]electron[\\/]preload\.cjs$/);
    expect(run.of('BrowserWindow.loadURL')[0]).toMatchObject({ url: 'app://renderer/index.html' });

    expect(run.of('protocol.registerSchemesAsPrivileged')[0]?.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(run.of('protocol.handle').map((entry) => entry.scheme)).toEqual(['app']);
    const channels = run.of('ipcMain.handle').map((entry) => entry.channel);
    expect(new Set(channels)).toEqual(new Set(methodNames.map((method) => `kiosk:${method}`)));
    expect(channels).toHaveLength(methodNames.length);

    // Lock-down: no menu, permissions denied, downloads cancelled, a crashed page loaded again.
    expect(run.of('Menu.setApplicationMenu')).toEqual([{ kind: 'Menu.setApplicationMenu', menu: null }]);
    expect(run.of('session.setPermissionRequestHandler')).toHaveLength(1);
    expect(run.of('session.on').map((entry) => entry.event)).toContain('will-download');
    expect(run.of('download.preventDefault')).toHaveLength(1);
    expect(run.of('download.cancel')).toHaveLength(1);
    expect(run.of('webContents.on').map((entry) => entry.event)).toEqual(
      expect.arrayContaining(['will-navigate', 'devtools-opened', 'render-process-gone']),
    );
    const loads = run.of('BrowserWindow.loadURL');
    expect(loads.length).toBeGreaterThanOrEqual(2);
    expect(loads.at(-1)).toMatchObject({ url: 'app://renderer/index.html' });
    expect(run.of('dialog.showErrorBox')).toEqual([]);

    // The core answers over the binding, from a database under userData; a foreign frame is refused.
    const status = resultOf(run, 'kiosk:terminal.status');
    expect(status).toMatchObject({ ok: true, data: { terminalId: 'KIOSK-09', siteId: 'BAQ-01', role: 'kiosk' } });
    const databaseFile = join(run.userData, 'data', 'pagos-express.db');
    expect((status.data as { database: { file: string } }).database.file).toBe(databaseFile);
    expect(existsSync(databaseFile)).toBe(true);
    expect(resultOf(run, 'kiosk:terminal.status', 1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(resultOf(run, 'kiosk:enrolment.status')).toEqual({ ok: true, data: { required: false } });

    // Logs: JSON lines in a rotating file under userData/logs.
    const logsDir = join(run.userData, 'logs');
    const logFiles = readdirSync(logsDir).filter((name) => name.endsWith('.log'));
    expect(logFiles.length).toBeGreaterThanOrEqual(1);
    const lines = logFiles.flatMap((name) => readFileSync(join(logsDir, name), 'utf8').split('\n').filter(Boolean));
    expect(lines.some((line) => (JSON.parse(line) as { msg?: string }).msg === 'core started')).toBe(true);
  });

  it('brings the window back from the bank and clears the browser storage when the person signs out', async () => {
    const run = await boot({
      terminalFile: enrolled(),
      calls: [
        { channel: 'kiosk:auth.requestCode', input: { audience: 'member', document: '1045678901' } },
        { channel: 'kiosk:auth.verifyCode', input: { code: '$SMS_CODE' } },
        { navigateTo: 'https://banco.example/pse/autorizar' },
        { channel: 'kiosk:auth.signOut' },
      ],
    });
    expect(resultOf(run, 'kiosk:auth.verifyCode')).toMatchObject({ ok: true });
    expect(resultOf(run, 'kiosk:auth.signOut')).toMatchObject({ ok: true });
    const afterSignOut = run.records.slice(
      run.records.findIndex((entry) => entry.kind === 'ipc.result' && entry.channel === 'kiosk:auth.verifyCode'),
    );
    expect(afterSignOut.filter((entry) => entry.kind === 'BrowserWindow.loadURL').map((entry) => entry.url)).toContain(
      'app://renderer/index.html#/',
    );
    const [cleared] = afterSignOut.filter((entry) => entry.kind === 'session.clearStorageData');
    expect(cleared?.options).toEqual({ storages: expect.arrayContaining(['cookies', 'localstorage', 'indexdb', 'cachestorage']) });
  });

  it('refuses a second instance: it quits before creating a window or opening the database', async () => {
    const run = await boot({ terminalFile: enrolled(), lock: 'refused' });
    expect(run.of('app.requestSingleInstanceLock')).toEqual([{ kind: 'app.requestSingleInstanceLock', granted: false }]);
    expect(run.of('app.quit')).toHaveLength(1);
    expect(run.of('BrowserWindow.new')).toEqual([]);
    expect(run.of('ipcMain.handle')).toEqual([]);
    expect(existsSync(join(run.userData, 'data'))).toBe(false);
  });

  it('shows the error dialog, not a crash, for a bad terminal file, and opens no window', async () => {
    const bad = await boot({ terminalFile: { ...enrolled(), printer: { width: 40 } } });
    expect(bad.exitCode).toBe(1);
    const [shown] = bad.of('dialog.showErrorBox');
    expect(shown).toMatchObject({ title: 'Pagos Express no pudo iniciar' });
    expect(String(shown!.content)).toContain('printer.width');
    expect(bad.of('app.exit')).toEqual([{ kind: 'app.exit', code: 1 }]);
    expect(bad.of('BrowserWindow.new')).toEqual([]);
    // The técnico finds why in the logs folder as well.
    const logsDir = join(bad.userData, 'logs');
    expect(existsSync(logsDir)).toBe(true);
    const logged = readdirSync(logsDir).flatMap((name) => readFileSync(join(logsDir, name), 'utf8').split('\n').filter(Boolean));
    expect(logged.map((line) => (JSON.parse(line) as { msg?: string }).msg)).toContain('start failed');

    const notJson = await boot({ rawTerminalFile: '{ "site": ' });
    expect(notJson.exitCode).toBe(1);
    expect(String(notJson.of('dialog.showErrorBox')[0]?.content)).toMatch(/terminal file .* cannot be read as JSON/);
  });

  it('never starts as the demo terminal: with no terminal file it shows enrolment, and enrolling over IPC starts the core', async () => {
    const submit = {
      enrolmentCode: DEMO_ENROLMENT_CODE,
      siteId: 'BAQ-01',
      terminalId: 'KIOSK-10',
      role: 'kiosk',
      centralUrl: `${sim.url}/`,
      printer: { interface: '', type: 'epson', width: 48 },
    };
    const run = await boot({
      calls: [
        { channel: 'kiosk:enrolment.status' },
        { channel: 'kiosk:terminal.status' },
        { channel: 'kiosk:enrolment.submit', input: submit },
        { channel: 'kiosk:terminal.status' },
      ],
    });
    expect(run.exitCode).toBe(0);
    expect(run.of('BrowserWindow.new')).toHaveLength(1);
    expect(run.of('BrowserWindow.loadURL')[0]).toMatchObject({ url: 'app://renderer/index.html#/enrolamiento' });
    expect(new Set(run.of('ipcMain.handle').map((entry) => entry.channel))).toEqual(
      new Set(methodNames.map((method) => `kiosk:${method}`)),
    );
    expect(resultOf(run, 'kiosk:enrolment.status')).toEqual({ ok: true, data: { required: true } });
    expect(resultOf(run, 'kiosk:terminal.status')).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', details: { reason: 'NOT_ENROLLED' } },
    });
    expect(resultOf(run, 'kiosk:enrolment.submit')).toEqual({
      ok: true,
      data: { terminalId: 'KIOSK-10', siteId: 'BAQ-01', siteName: 'Sede Barranquilla Centro' },
    });
    expect(resultOf(run, 'kiosk:terminal.status', 1)).toMatchObject({ ok: true, data: { terminalId: 'KIOSK-10', siteId: 'BAQ-01' } });
    expect(run.of('BrowserWindow.loadURL').map((entry) => entry.url)).toContain('app://renderer/index.html');
    // The secret came from the central API and is sealed by (fake) safeStorage; the terminal file holds none.
    // The enrolment's terminal secret and the core's PIN pepper, both sealed by the OS (safeStorage), none in clear.
    expect(readdirSync(join(run.userData, 'secrets')).sort()).toEqual(['pin-pepper.sealed', 'terminal-secret.sealed']);
    expect(readFileSync(join(run.userData, 'secrets', 'terminal-secret.sealed'), 'utf8')).toMatch(/^FAKE-SEALED:/);
    expect(readFileSync(join(run.userData, 'secrets', 'pin-pepper.sealed'), 'utf8')).toMatch(/^FAKE-SEALED:/);
    expect(JSON.parse(readFileSync(join(run.userData, 'terminal.json'), 'utf8'))).not.toHaveProperty('central.terminalSecret');
    expect(existsSync(join(run.userData, 'data', 'pagos-express.db'))).toBe(true);
  });
});
