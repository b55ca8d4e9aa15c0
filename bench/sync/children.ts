import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { SCREEN_THREAD_V8_FLAGS } from '../../main/runtime/screen-thread-flags';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Bundles a TypeScript entry into plain JavaScript (packages stay external, resolved from node_modules), so
 * the measured process runs as the product does: no TypeScript loader thread adding time and memory.
 */
export async function bundled(file: string): Promise<string> {
  const outfile = join(root, 'dist', 'bench', `${basename(file, '.ts')}.mjs`);
  const options = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' } as const;
  await build({ ...options, entryPoints: [join(root, file)], outfile });
  // The sync threads' entry, found beside the bundle by main/sync/threads.ts: CommonJS, as the app ships it
  // (build/bundle-electron.ts), so each thread loads only its own packages (an ES module's imports all load).
  rmSync(join(dirname(outfile), 'sync-writer.mjs'), { force: true });
  await build({
    ...options,
    format: 'cjs',
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    entryPoints: [join(root, 'main', 'sync', 'writer-thread.ts')],
    outfile: join(dirname(outfile), 'sync-writer.cjs'),
  });
  return outfile;
}

/**
 * Runs a TypeScript file in its own Node process (so its memory and CPU are its own), with the V8 flags the app's
 * main process runs with (main/runtime/screen-thread-flags.ts), and returns its stdout.
 */
export async function runChild(file: string, args: string[], options: { timeoutMs: number }): Promise<string> {
  const script = await bundled(file);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SCREEN_THREAD_V8_FLAGS, script, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${file} exited with ${code ?? signal}`));
    });
  });
}

/** Starts the simulator in its own process, as a central API on another machine would be. */
export async function startSimProcess(args: string[]): Promise<{ url: string; stop(): Promise<void> }> {
  const script = await bundled('sim/main.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, '--port', '0', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Simulator on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        child.stdout.off('data', onData);
        resolve({
          url: match[1],
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`simulator exited early (${code})`)));
  });
}
