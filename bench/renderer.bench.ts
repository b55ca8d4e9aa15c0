import { build } from 'vite';
import vue from '@vitejs/plugin-vue';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { rendererBuildOptions } from '../renderer/vite.config';
import { tempDir } from '../test/support/temp';
import type { BenchResult } from './result';
import { round } from './result';

const root = fileURLToPath(new URL('..', import.meta.url));

function gzippedJsBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = join(dir, entry);
    if (entry.endsWith('.js') && statSync(file).isFile()) total += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return total;
}

async function buildInto(appRoot: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: appRoot,
    base: './',
    logLevel: 'silent',
    plugins: [vue()],
    build: { ...rendererBuildOptions, outDir, emptyOutDir: true },
  });
}

/** `renderer_js_gzip_bytes`: all JS the renderer ships, gzipped, against a bare Vue + Pinia + router app. */
export async function run(): Promise<BenchResult[]> {
  const out = tempDir('pes-bench-renderer-');
  try {
    await buildInto(join(root, 'renderer'), join(out.dir, 'app'));
    await buildInto(join(root, 'bench', 'baseline'), join(out.dir, 'baseline'));
    const app = gzippedJsBytes(join(out.dir, 'app'));
    const baseline = gzippedJsBytes(join(out.dir, 'baseline'));
    return [{ name: 'renderer_js_gzip_bytes', value: app, unit: 'bytes', ratio: round(app / baseline, 3) }];
  } finally {
    out.remove();
  }
}
