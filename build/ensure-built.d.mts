/** Types of build/ensure-built.mjs. */
import type { Fingerprints, Target } from './freshness.mjs';
export const targets: Target[];
export function fingerprints(root: string, inputs: string[]): Fingerprints;
export function ensureBuilt(root: string): string[];
