// @ts-check
/**
 * Rebuilds what changed since the last build, and only that: the renderer (vite) and the bundled core (esbuild:
 * Electron's main process and the browser host). Used by `npm start` and the startup benchmark.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { fingerprintOf, staleTargets } from './freshness.mjs';

/** @type {import('./freshness.mjs').Target[]} */
export const targets = [
  { name: 'renderer', inputs: ['renderer', 'package-lock.json'], outputs: ['dist/renderer/index.html'], script: 'build:renderer' },
  {
    name: 'core',
    inputs: ['main', 'sim', 'electron', 'scripts/start.ts', 'build/bundle-electron.ts', 'package-lock.json'],
    outputs: ['dist/host/main.cjs', 'dist/host/core.cjs', 'dist/host/sync-writer.cjs', 'dist/host/start.mjs', 'dist/electron/main.cjs'],
    script: 'build:electron',
  },
];

const STAMP = 'dist/.build-stamp.json';

/**
 * Every file under the inputs (folders walked; dot files, such as an editor's swap file, left out).
 * @param {string} root
 * @param {string[]} inputs
 * @returns {import('./freshness.mjs').Fingerprints}
 */
export function fingerprints(root, inputs) {
  /** @type {Record<string, string>} */
  const prints = {};
  const visit = (/** @type {string} */ path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (!stat.isDirectory()) {
      prints[relative(root, path)] = fingerprintOf(stat);
      return;
    }
    for (const name of readdirSync(path)) if (!name.startsWith('.') && name !== 'node_modules') visit(join(path, name));
  };
  for (const input of inputs) visit(join(root, input));
  return prints;
}

/** @returns {import('./freshness.mjs').Stamp | undefined} */
function readStamp(/** @type {string} */ root) {
  try {
    return JSON.parse(readFileSync(join(root, STAMP), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Builds the stale targets (saying which and why on stderr) and records their inputs as built.
 * @param {string} root the project's root
 * @returns {string[]} the targets rebuilt
 */
export function ensureBuilt(root) {
  /** @type {Record<string, import('./freshness.mjs').Fingerprints>} */
  const current = Object.fromEntries(targets.map((target) => [target.name, fingerprints(root, target.inputs)]));
  const stamp = readStamp(root) ?? { version: 1, targets: {} };
  const stale = staleTargets(targets, stamp, current, (output) => existsSync(join(root, output)));
  for (const { target: name, reason } of stale) {
    const target = targets.find((candidate) => candidate.name === name);
    if (!target) continue;
    process.stderr.write(`Building ${name} (${reason})\n`);
    const built = spawnSync('npm', ['run', '--silent', target.script], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    if (built.status !== 0) throw new Error(`npm run ${target.script} failed (exit ${built.status})`);
    // The fingerprints from before the build: a file saved during it makes the next start rebuild again.
    stamp.targets[name] = current[name] ?? {};
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(join(root, STAMP), JSON.stringify({ version: 1, targets: stamp.targets }));
  }
  return stale.map((entry) => entry.target);
}
