/**
 * `npm start`: the demo. Starts the simulator of the central systems, then the app on it — the real Electron
 * app where its binary can be had, otherwise the browser host (and Chromium in app mode when a display exists).
 * `npm start` runs this bundled (dist/host/start.mjs, after build/start.mjs rebuilt what changed); the app it
 * starts is the bundled core either way: Electron's dist/electron/main.cjs or the host's dist/host/main.cjs.
 */
import { parseArgs } from 'node:util';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { startSimulator } from '../sim/server';
import { ELECTRON_JS_FLAGS, SCREEN_THREAD_V8_FLAGS } from '../main/runtime/screen-thread-flags';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5170' },
    'sim-port': { type: 'string' },
    role: { type: 'string', default: 'kiosk' },
    'browser-host': { type: 'boolean', default: false },
    'no-open': { type: 'boolean', default: false },
    config: { type: 'string' },
  },
});

const role = values.role === 'desk' ? 'desk' : values.role === 'kiosk' ? 'kiosk' : undefined;
if (!role) {
  process.stderr.write(`--role must be kiosk or desk, not "${values.role}"\n`);
  process.exit(2);
}
const port = Number(values.port);

/** The project's root, found from here both as scripts/start.ts and bundled as dist/host/start.mjs. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const root = projectRoot();
const simPort = values['sim-port'] !== undefined ? Number(values['sim-port']) : port === 0 ? 0 : port + 1;

/**
 * The electron package resolves to its binary's path, downloading it on first use, or throws "Electron failed
 * to install correctly" where it cannot. Asked in a child process so the download's noise stays out of the demo.
 */
function electronBinary(): string | undefined {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(String(require('electron')))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  const found = probe.status === 0 ? probe.stdout.trim() : '';
  if (found && existsSync(found)) return found;
  process.stdout.write('No Electron binary here: using the browser host.\n');
  return undefined;
}

/**
 * The simulator keeps its world in memory and starts fresh every time, so the demo's own database starts fresh
 * too: otherwise a second start shows last run's approved payment in Historial while CRÉDITOS (from the fresh
 * central API) shows nothing paid. Only the demo's own file goes: a terminal file (`--config`, PES_CONFIG) or
 * PES_DATABASE_FILE names a database of its own, which is kept.
 */
const demoDatabase = `var/demo-${role}.db`;
if (!values.config && !process.env.PES_CONFIG && !process.env.PES_DATABASE_FILE) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${demoDatabase}${suffix}`, { force: true });
}

const sim = await startSimulator({ port: simPort });
process.stdout.write(`Simulator on ${sim.url}\n`);
process.stdout.write(`Virtual printer on ${sim.printer.interface} (what it printed: ${sim.url}/sim/printer)\n`);

const demo = {
  terminal: { id: role === 'desk' ? 'DESK-01' : 'KIOSK-01', role },
  database: { file: demoDatabase },
  central: { baseUrl: `${sim.url}/` },
  gateway: { baseUrl: `${sim.url}/payment/` },
  printer: { interface: sim.printer.interface },
};

const electron = values['browser-host'] ? undefined : electronBinary();
if (electron) {
  const built = spawnSync('npm', ['run', '--silent', 'build:electron'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const child = spawn(electron, [ELECTRON_JS_FLAGS, '.'], {
    stdio: 'inherit',
    env: { ...process.env, PES_DEMO_BASE: JSON.stringify(demo) },
  });
  child.on('exit', (code) => void sim.close().then(() => process.exit(code ?? 0)));
} else {
  // The bundled browser host in its own process; it validates the configuration (exit 2 on a bad one).
  const hostBundle = join(root, 'dist', 'host', 'main.cjs');
  const args = [...SCREEN_THREAD_V8_FLAGS, hostBundle, '--port', String(port), ...(values.config ? ['--config', values.config] : [])];
  const host = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PES_DEMO_BASE: JSON.stringify(demo) },
  });
  createInterface({ input: host.stdout }).on('line', (line) => {
    process.stdout.write(`${line}\n`);
    const url = /^Listening on (\S+)/.exec(line)?.[1];
    if (url) openChromium(url);
  });
  let stopping = false;
  host.on('exit', (code) => void sim.close().then(() => process.exit(stopping ? 0 : (code ?? 1))));
  const stop = () => {
    stopping = true;
    host.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Chromium in kiosk app mode on the host, where a display and a Chromium exist (and --no-open was not given). */
function openChromium(url: string): void {
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  if (values['no-open'] || !process.env.DISPLAY || !chromium) return;
  spawn(
    chromium,
    [
      `--app=${url}/`,
      '--kiosk',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${mkdtempSync(join(tmpdir(), 'pes-chromium-'))}`,
    ],
    { stdio: 'ignore', detached: true },
  ).unref();
}
