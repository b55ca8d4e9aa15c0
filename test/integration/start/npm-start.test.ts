import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../../support/temp';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs the demo launcher as `npm start` does (minus the renderer build, done by `npm test` first). */
function launch(args: string[], dbFile: string | null): { child: ChildProcess; lines: Promise<{ sim: string; host: string }> } {
  const env: NodeJS.ProcessEnv = { ...process.env, PES_LOG_LEVEL: 'silent' };
  delete env.PES_DATABASE_FILE;
  delete env.PES_CONFIG;
  if (dbFile) env.PES_DATABASE_FILE = dbFile;
  const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/start.ts', '--browser-host', '--no-open', ...args], {
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

async function status(host: string): Promise<{ terminalId: string; role: string }> {
  const page = await (await fetch(`${host}/`)).text();
  const token = /name="kiosk-token" content="([^"]+)"/.exec(page)?.[1] ?? '';
  const response = await fetch(`${host}/api/terminal.status`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kiosk-token': token }, body: '{}' });
  return ((await response.json()) as { data: { terminalId: string; role: string } }).data;
}

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
    writeFileSync(demoDb, 'last run\'s demo data, not SQLite');
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
});
