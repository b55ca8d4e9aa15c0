import type { Page } from 'playwright-core';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { launchChromium } from '../test/e2e/harness';
import { tempDir } from '../test/support/temp';
import type { BenchOptions, BenchResult } from './result';
import { median, round } from './result';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');

/** From spawning `scripts/start.ts` (browser host) to the Ingreso screen painted in an already running Chromium. */
async function once(page: Page, dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(tsx, ['scripts/start.ts', '--port', '0', '--browser-host', '--no-open'], {
    cwd: root,
    env: { ...process.env, PES_DATABASE_FILE: join(dataDir, `startup-${Date.now()}.db`), PES_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        const match = /^Listening on (\S+)/.exec(line);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`start exited with ${code}`)));
    });
    await page.goto(`${url}/`);
    await page.getByRole('button', { name: 'Ingresar' }).waitFor({ state: 'visible' });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

export async function run(options: BenchOptions): Promise<BenchResult[]> {
  const data = tempDir('pes-bench-startup-');
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const samples: number[] = [];
    for (let i = 0; i < (options.quick ? 2 : 5); i++) samples.push(await once(page, data.dir));
    return [{ name: 'startup_to_login_ms', value: round(median(samples), 1), unit: 'ms' }];
  } finally {
    await browser.context.close();
    browser.remove();
    data.remove();
  }
}
