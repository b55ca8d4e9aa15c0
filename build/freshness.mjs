// @ts-check
/**
 * What `npm start` must rebuild: pure functions over fingerprints (size and mtime of each input file), compared
 * with the stamp written after the last build. Plain JavaScript, so that deciding costs no TypeScript compiler.
 */

/**
 * @typedef {{ name: string, inputs: string[], outputs: string[], script: string }} Target
 * @typedef {Record<string, string>} Fingerprints
 * @typedef {{ version: 1, targets: Record<string, Fingerprints> }} Stamp
 * @typedef {{ target: string, reason: string }} Stale
 */

/** One file's fingerprint: a change of content almost always changes its size or its modification time. */
export function fingerprintOf(/** @type {{ size: number, mtimeMs: number }} */ stat) {
  return `${stat.size}:${Math.trunc(stat.mtimeMs)}`;
}

/**
 * The targets to rebuild, each with the first reason found: an output missing, no stamp for it, or an input
 * added, removed or changed since the stamp.
 * @param {Target[]} targets
 * @param {Stamp | undefined} stamp
 * @param {Record<string, Fingerprints>} current the inputs' fingerprints now, per target
 * @param {(path: string) => boolean} outputExists
 * @returns {Stale[]}
 */
export function staleTargets(targets, stamp, current, outputExists) {
  /** @type {Stale[]} */
  const stale = [];
  for (const target of targets) {
    const reason = staleReason(
      target,
      stamp?.version === 1 ? stamp.targets[target.name] : undefined,
      current[target.name] ?? {},
      outputExists,
    );
    if (reason) stale.push({ target: target.name, reason });
  }
  return stale;
}

/**
 * @param {Target} target
 * @param {Fingerprints | undefined} built
 * @param {Fingerprints} now
 * @param {(path: string) => boolean} outputExists
 * @returns {string | undefined}
 */
function staleReason(target, built, now, outputExists) {
  const missing = target.outputs.find((output) => !outputExists(output));
  if (missing) return `${missing} is missing`;
  if (!built) return 'never built here';
  for (const [file, print] of Object.entries(now)) {
    if (built[file] === undefined) return `${file} is new`;
    if (built[file] !== print) return `${file} changed`;
  }
  const removed = Object.keys(built).find((file) => now[file] === undefined);
  return removed ? `${removed} was removed` : undefined;
}
