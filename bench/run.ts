/**
 * `npm run bench [-- --quick] [-- --only <file-substring>]`: runs every bench/*.bench.ts and prints one JSON
 * line per result on stdout. Progress and failures go to stderr; a failing benchmark fails the run.
 */
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchOptions, BenchResult } from './result';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
  const built = spawnSync('npm', ['run', '--silent', 'build:renderer'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => !values.only || file.includes(values.only))
  .sort();

let failed = false;
for (const file of files) {
  const started = performance.now();
  try {
    const module = (await import(pathToFileURL(join(here, file)).href)) as { run(options: BenchOptions): Promise<BenchResult[]> };
    for (const result of await module.run({ quick: values.quick })) process.stdout.write(`${JSON.stringify(result)}\n`);
    process.stderr.write(`bench ${file}: ${Math.round(performance.now() - started)} ms\n`);
  } catch (error) {
    failed = true;
    process.stderr.write(`bench ${file} failed: ${(error as Error).stack ?? String(error)}\n`);
  }
}
process.exit(failed ? 1 : 0);
