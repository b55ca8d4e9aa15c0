import { build } from 'vite';
import vue from '@vitejs/plugin-vue';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
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
    build: { ...rendererBuildOptions, outDir, emptyOutDir: true, manifest: true },
  });
}

const manifestChunk = z.object({ file: z.string(), isEntry: z.boolean().optional(), imports: z.array(z.string()).optional() });

/**
 * What the page loads before its first screen paints: the entry chunk and, transitively, its static imports
 * (from vite's manifest). Chunks reached only through `() => import()` (the lazy routes) are left out.
 */
function firstPaintJsBytes(dir: string): number {
  const manifest = z.record(z.string(), manifestChunk).parse(JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')));
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  if (entries.length === 0) throw new Error(`no entry chunk in ${dir}/.vite/manifest.json`);
  const needed = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || needed.has(chunk.file)) return;
    needed.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  entries.forEach(visit);
  let total = 0;
  for (const file of needed) if (file.endsWith('.js')) total += gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
  return total;
}

/**
 * `renderer_js_gzip_bytes`: all JS the renderer ships, gzipped; `renderer_first_paint_js_gzip_bytes`: the JS
 * Ingreso needs before it paints. Both against a bare Vue + Pinia + router app (all of whose JS is first-paint).
 */
export async function run(): Promise<BenchResult[]> {
  const out = tempDir('pes-bench-renderer-');
  try {
    await buildInto(join(root, 'renderer'), join(out.dir, 'app'));
    await buildInto(join(root, 'bench', 'baseline'), join(out.dir, 'baseline'));
    const app = gzippedJsBytes(join(out.dir, 'app'));
    const baseline = gzippedJsBytes(join(out.dir, 'baseline'));
    const appFirstPaint = firstPaintJsBytes(join(out.dir, 'app'));
    const baselineFirstPaint = firstPaintJsBytes(join(out.dir, 'baseline'));
    return [
      { name: 'renderer_js_gzip_bytes', value: app, unit: 'bytes', ratio: round(app / baseline, 3) },
      {
        name: 'renderer_first_paint_js_gzip_bytes',
        value: appFirstPaint,
        unit: 'bytes',
        ratio: round(appFirstPaint / baselineFirstPaint, 3),
      },
    ];
  } finally {
    out.remove();
  }
}
