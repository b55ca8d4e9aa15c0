/** Types of build/freshness.mjs (plain JavaScript, so that `npm start` decides what to rebuild without tsx). */
export interface Target {
  name: string;
  /** Files and folders (walked) whose change means a rebuild, relative to the project's root. */
  inputs: string[];
  outputs: string[];
  /** The package.json script that builds it. */
  script: string;
}
/** Relative path → fingerprint (`size:mtime`). */
export type Fingerprints = Record<string, string>;
export interface Stamp {
  version: 1;
  targets: Record<string, Fingerprints>;
}
export interface Stale {
  target: string;
  reason: string;
}
export function fingerprintOf(stat: { size: number; mtimeMs: number }): string;
export function staleTargets(
  targets: Target[],
  stamp: Stamp | undefined,
  current: Record<string, Fingerprints>,
  outputExists: (path: string) => boolean,
): Stale[];
