import type { Page, Response } from 'playwright-core';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { launchChromium } from '../test/e2e/harness';
import { tempDir } from '../test/support/temp';
import { startSimulator } from '../sim/server';
import { ensureBuilt } from '../build/ensure-built.mjs';
import type { BenchOptions, BenchResult } from './result';
import { median, round } from './result';
import { SCREEN_THREAD_V8_FLAGS } from '../main/runtime/screen-thread-flags';

const root = fileURLToPath(new URL('..', import.meta.url));
/** `BENCH_CPU_PROF=<dir>`: each host start writes a V8 CPU profile there (open it in Chrome's DevTools). */
const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

/**
 * From spawning a server process to the Ingreso screen painted in an already running Chromium. Records the
 * bodies of the API calls the page made (the floor server answers the same).
 */
async function once(page: Page, args: string[], env: Record<string, string>, answers?: Record<string, string>): Promise<number> {
  const recording: Promise<void>[] = [];
  const record = (response: Response) => {
    const method = /\/api\/([\w.]+)$/.exec(response.url())?.[1];
    if (answers && method) recording.push(response.text().then((body) => void (answers[method] = body)));
  };
  page.on('response', record);
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const match = /^Listening on (\S+)/.exec(line);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
    });
    await page.goto(`${url}/`);
    await page.getByRole('button', { name: 'Ingresar' }).waitFor({ state: 'visible' });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const elapsed = performance.now() - started;
    await Promise.all(recording);
    return elapsed;
  } finally {
    page.off('response', record);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/**
 * `startup_to_login_ms`: `node dist/host/main.cjs` (the bundled browser host, a new database each time, the
 * simulator as its central API) to Ingreso painted. `startup_floor_ms`: a bare node:http server serving the same
 * built renderer to the same Chromium. Runs alternate between the two, so that load on the machine hits both.
 */
export async function run(options: BenchOptions): Promise<BenchResult[]> {
  ensureBuilt(root);
  const data = tempDir('pes-bench-startup-');
  const sim = await startSimulator({ port: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const demo = JSON.stringify({
      central: { baseUrl: `${sim.url}/` },
      gateway: { baseUrl: `${sim.url}/payment/` },
      printer: { interface: sim.printer.interface },
    });
    const answers: Record<string, string> = {};
    const answersFile = join(data.dir, 'answers.json');
    const host: number[] = [];
    const floor: number[] = [];
    const hostEnv = (i: number) => ({ PES_DATABASE_FILE: join(data.dir, `startup-${i}.db`), PES_LOG_LEVEL: 'silent', PES_DEMO_BASE: demo });
    // One start not counted, which records the answers the floor gives: the first page of a new Chromium also
    // waits for its renderer process to start (0.5–1 s here), and the first start after a build has no V8 code
    // cache yet. Both sides are then measured as a start after the first.
    await once(page, [...SCREEN_THREAD_V8_FLAGS, 'dist/host/main.cjs', '--port', '0'], hostEnv(-1), answers);
    writeFileSync(answersFile, JSON.stringify(answers));
    for (let i = 0; i < (options.quick ? 2 : 7); i++) {
      host.push(await once(page, [...SCREEN_THREAD_V8_FLAGS, ...profile, 'dist/host/main.cjs', '--port', '0'], hostEnv(i)));
      floor.push(await once(page, ['bench/startup/floor-server.mjs', join(root, 'dist', 'renderer'), answersFile], {}));
    }
    // The spread of this run, beside the medians below: on a shared machine one run's median says little alone.
    const spread = (values: number[]) =>
      `min ${Math.round(Math.min(...values))}, median ${Math.round(median(values))}, max ${Math.round(Math.max(...values))}`;
    process.stderr.write(
      `startup samples (ms): host ${host.map((v) => Math.round(v)).join(', ')}; floor ${floor.map((v) => Math.round(v)).join(', ')}\n` +
        `startup spread (ms): host ${spread(host)}; floor ${spread(floor)}\n`,
    );
    const startup = median(host);
    const bare = median(floor);
    return [
      { name: 'startup_to_login_ms', value: round(startup, 1), unit: 'ms', ratio: round(startup / bare, 2) },
      { name: 'startup_floor_ms', value: round(bare, 1), unit: 'ms' },
    ];
  } finally {
    await browser.context.close();
    browser.remove();
    await sim.close();
    data.remove();
  }
}
