import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { SCREEN_THREAD_V8_FLAGS } from '../../../main/runtime/screen-thread-flags';
import { tempDir } from '../../support/temp';
import { procStatFields } from '../../support/proc-stat';
import { startSimulator, type Simulator } from '../../../sim/server';
import { until } from '../../support/until';
import { ensureBuilt } from '../../../build/ensure-built.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs the demo launcher as `npm start` does: build/start.mjs, then the bundled launcher and host. */
function launch(args: string[], dbFile: string | null): { child: ChildProcess; lines: Promise<{ sim: string; host: string }> } {
  const env: NodeJS.ProcessEnv = { ...process.env, PES_LOG_LEVEL: 'silent' };
  delete env.PES_DATABASE_FILE;
  delete env.PES_CONFIG;
  if (dbFile) env.PES_DATABASE_FILE = dbFile;
  const child = spawn(process.execPath, ['build/start.mjs', '--browser-host', '--no-open', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = new Promise<{ sim: string; host: string }>((resolve, reject) => {
    let sim = '';
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const simMatch = /^Simulator on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (simMatch?.[1]) sim = simMatch[1];
      const hostMatch = /^Listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (hostMatch?.[1]) resolve({ sim, host: hostMatch[1] });
    });
    child.once('exit', (code) => reject(new Error(`launcher exited with ${code}`)));
  });
  return { child, lines };
}

async function call<T>(host: string, method: string): Promise<T> {
  const page = await (await fetch(`${host}/`)).text();
  const token = /name="kiosk-token" content="([^"]+)"/.exec(page)?.[1] ?? '';
  const response = await fetch(`${host}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kiosk-token': token },
    body: '{}',
  });
  return ((await response.json()) as { data: T }).data;
}
const status = (host: string) => call<{ terminalId: string; role: string }>(host, 'terminal.status');

/** The command lines of `ancestor`'s descendants (Linux: /proc). */
function descendantCommands(ancestor: number): string[][] {
  const parentOf = (pid: number) => Number(procStatFields(`/proc/${pid}/stat`)[1]);
  const commands: string[][] = [];
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      let pid = Number(entry);
      while (pid > 1 && pid !== ancestor) pid = parentOf(pid);
      if (pid === ancestor && Number(entry) !== ancestor)
        commands.push(readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean));
    } catch {
      // A process that ended while we looked.
    }
  }
  return commands;
}

// A fresh clone builds everything here; afterwards only what changed (nothing, when the tests run). One file
// for both suites, so that two builds never race on dist/.
beforeAll(() => void ensureBuilt(root), 300_000);

describe('npm start (browser host fallback)', () => {
  const temp = tempDir();

  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('starts the simulator and the app, prints both addresses, and serves the kiosk', async () => {
    const run = launch(['--port', '0'], join(temp.dir, 'kiosk.db'));
    child = run.child;
    const { sim, host } = await run.lines;
    expect(sim).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${sim}/health`)).json()).toMatchObject({ ok: true });
    expect(await status(host)).toMatchObject({ terminalId: 'KIOSK-01', role: 'kiosk' });
    // The bundled host found its bundled writer thread: the first full sync from the simulator lands (it starts
    // after the first screen's calls, or 3 s after the core is up: `fullSyncs` counts it from its start).
    const sync = await until(
      () => call<{ fullSyncs: number; rows: number; lastSuccessAt: string | null }>(host, 'sync.status'),
      (value) => value.fullSyncs >= 1 && value.lastSuccessAt !== null,
      30_000,
    );
    expect(sync.fullSyncs).toBeGreaterThanOrEqual(1);
    expect(sync.rows).toBeGreaterThan(0);
    // The host runs with the main process's V8 flags (main/runtime/screen-thread-flags.ts).
    if (existsSync('/proc/self/stat')) {
      const hostCommand = descendantCommands(run.child.pid!).find((command) => command.some((arg) => arg.endsWith('main.cjs')));
      expect(hostCommand).toEqual(expect.arrayContaining([...SCREEN_THREAD_V8_FLAGS]));
      expect(hostCommand?.indexOf(SCREEN_THREAD_V8_FLAGS[0]!)).toBeLessThan(
        hostCommand?.findIndex((arg) => arg.endsWith('main.cjs')) ?? -1,
      );
    }
  });

  it('runs the cashier desk with --role desk, and stops cleanly on SIGTERM', async () => {
    const run = launch(['--port', '0', '--role', 'desk'], join(temp.dir, 'desk.db'));
    child = run.child;
    const { host } = await run.lines;
    expect(await status(host)).toMatchObject({ terminalId: 'DESK-01', role: 'desk' });
    const exited = new Promise<number | null>((resolve) => run.child.once('exit', resolve));
    run.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('starts the demo fresh, as the simulator does: the demo database of an earlier run is replaced', async () => {
    // A leftover the app could not even open (it would stop with "file is not a database" if it were kept).
    const demoDb = join(root, 'var', 'demo-kiosk.db');
    mkdirSync(dirname(demoDb), { recursive: true });
    writeFileSync(demoDb, "last run's demo data, not SQLite");
    try {
      const run = launch(['--port', '0'], null);
      child = run.child;
      const { host } = await run.lines;
      expect(await status(host)).toMatchObject({ terminalId: 'KIOSK-01', role: 'kiosk' });
      expect(readFileSync(demoDb).subarray(0, 15).toString()).toBe('SQLite format 3');
    } finally {
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child?.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${demoDb}${suffix}`, { force: true });
    }
  });

  it('refuses a bad role with a clear message', async () => {
    const run = launch(['--port', '0', '--role', 'cashier'], join(temp.dir, 'bad.db'));
    child = run.child;
    let stderr = '';
    run.child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await expect(run.lines).rejects.toThrow(/exited with 2/);
    expect(stderr).toContain('--role must be kiosk or desk');
  });

  it('rebuilds nothing on a start where nothing changed', () => {
    expect(ensureBuilt(root)).toEqual([]);
  });
});

const bundle = join(root, 'dist', 'host', 'main.cjs');

/** The bundled browser host alone, as the launcher starts it: `node dist/host/main.cjs`. */
function startBundle(args: string[], env: Record<string, string>): { child: ChildProcess; url: Promise<string>; stderr: () => string } {
  const child = spawn(process.execPath, [bundle, '--port', '0', ...args], {
    cwd: root,
    env: { ...process.env, PES_LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^Listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
  return { child, url, stderr: () => stderr };
}

describe('the bundled browser host (dist/host/main.cjs)', () => {
  const temp = tempDir();
  let sim: Simulator | undefined;
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await sim?.close();
    sim = undefined;
  });

  it('starts from the bundle, serves the renderer with its token, answers the API, and stops on SIGTERM', async () => {
    sim = await startSimulator({ port: 0 });
    const demo = {
      terminal: { id: 'KIOSK-07', role: 'kiosk' },
      central: { baseUrl: `${sim.url}/` },
      gateway: { baseUrl: `${sim.url}/payment/` },
    };
    const host = startBundle([], { PES_DATABASE_FILE: join(temp.dir, 'bundle.db'), PES_DEMO_BASE: JSON.stringify(demo) });
    child = host.child;
    const url = await host.url;
    const page = await (await fetch(`${url}/`)).text();
    const token = /name="kiosk-token" content="([^"]+)"/.exec(page)?.[1];
    expect(token).toBeDefined();
    const response = await fetch(`${url}/api/terminal.status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kiosk-token': token ?? '' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, data: { terminalId: 'KIOSK-07', role: 'kiosk' } });
    const exited = new Promise<number | null>((resolve) => host.child.once('exit', resolve));
    host.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses a bad configuration file with its message and exit code 2', async () => {
    const file = join(temp.dir, 'bad.json');
    writeFileSync(file, '{"terminal": {"role": "cashier"}}');
    const host = startBundle(['--config', file], { PES_DATABASE_FILE: join(temp.dir, 'bad.db') });
    child = host.child;
    await expect(host.url).rejects.toThrow(/exited with 2/);
    expect(host.stderr()).toMatch(/role/);
  });

  it("writes V8's code cache beside the bundle at its first start, for the next ones", async () => {
    const cache = join(root, 'dist', 'host', 'core.cjs.v8cache');
    rmSync(cache, { force: true });
    expect(existsSync(cache)).toBe(false);
    const host = startBundle([], { PES_DATABASE_FILE: join(temp.dir, 'cache.db'), PES_CENTRAL_URL: 'http://127.0.0.1:9/' });
    child = host.child;
    await host.url;
    await until(
      async () => existsSync(cache),
      (written) => written,
      10_000,
    );
    expect(statSync(cache).size).toBeGreaterThan(100_000);
  });
});
