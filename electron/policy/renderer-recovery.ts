/**
 * A kiosk nobody watches must come back by itself when its page crashes or hangs: the page is reloaded. A page
 * that crashes again and again (a bad build, no memory) would spin; after `MAX_QUICK_RELOADS` reloads inside
 * `WINDOW_MS` the next one waits `BACKOFF_MS`, so the machine stays usable for a técnico. Pure: the shell keeps
 * the timestamps of its reloads and applies the decision.
 */
export type RendererTrouble = { kind: 'gone'; reason: string } | { kind: 'unresponsive' };

export type Recovery =
  | { action: 'none' }
  /** `crashFirst`: a hung page does not answer a reload; its process is ended, then the page loads again. */
  | { action: 'reload'; delayMs: number; crashFirst: boolean };

export const MAX_QUICK_RELOADS = 3;
export const WINDOW_MS = 60_000;
export const BACKOFF_MS = 30_000;

export function recoveryFor(trouble: RendererTrouble, recentReloads: readonly number[], now: number): Recovery {
  // A clean exit is the app quitting, not a crash.
  if (trouble.kind === 'gone' && trouble.reason === 'clean-exit') return { action: 'none' };
  const quick = recentReloads.filter((at) => now - at < WINDOW_MS).length;
  return { action: 'reload', delayMs: quick >= MAX_QUICK_RELOADS ? BACKOFF_MS : 0, crashFirst: trouble.kind === 'unresponsive' };
}
