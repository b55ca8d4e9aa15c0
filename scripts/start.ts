/**
 * `npm start`: the demo. Starts the simulator of the central systems, then the app on it — the real Electron
 * app where its binary can be had, otherwise the browser host (and Chromium in app mode when a display exists).
 */
import { parseArgs } from 'node:util';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startSimulator } from '../sim/server';
import { loadConfig, ConfigError } from '../main/config/load';
import { runBrowserHost } from '../main/host/run';

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
const simPort = values['sim-port'] !== undefined ? Number(values['sim-port']) : port === 0 ? 0 : port + 1;

/**
 * The electron package resolves to its binary's path, downloading it on first use, or throws "Electron failed
 * to install correctly" where it cannot. Asked in a child process so the download's noise stays out of the demo.
 */
function electronBinary(): string | undefined {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(String(require('electron')))"], {
    cwd: dirname(createRequire(import.meta.url).resolve('../package.json')),
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
  const child = spawn(electron, ['.'], {
    stdio: 'inherit',
    env: { ...process.env, PES_DEMO_BASE: JSON.stringify(demo) },
  });
  child.on('exit', (code) => void sim.close().then(() => process.exit(code ?? 0)));
} else {
  let config;
  try {
    config = loadConfig({ file: values.config, base: demo });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const running = await runBrowserHost(config, { port });
  process.stdout.write(`Listening on ${running.host.url}\n`);
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  if (!values['no-open'] && process.env.DISPLAY && chromium) {
    spawn(
      chromium,
      [
        `--app=${running.host.url}/`,
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
  const stop = () => void running.stop().then(() => sim.close()).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
