import { getPriority, setPriority } from 'node:os';

/** How far below its creator's priority a sync thread runs (nice +10: a tenth of the share under contention). */
const LOWER_BY = 10;

/**
 * Lowers the calling thread's scheduling priority, so that a sync thread yields the cores to the main thread
 * (which answers every screen) whenever that thread wakes up. A full sync keeps the writer, the fetcher and, on
 * a machine of two cores, the rest of the kiosk busy at once; at the same priority, the main thread waited up to
 * 20–40 ms for a core after each timer or message, although it ran for under 3 ms itself. The sync is
 * background work with no deadline: at a lower priority it takes the cores no one else wants (as fast as before
 * on a quiet machine) and gives them back the moment the screens need one.
 *
 * Linux keeps a nice value per thread, and setpriority(PRIO_PROCESS, 0) names the calling thread, so this changes
 * only the caller. Elsewhere (Windows, macOS) the same call would lower the whole process, screens included, so
 * it is skipped there. Returns whether the priority was lowered.
 */
export function lowerThisThreadPriority(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    setPriority(0, Math.min(19, getPriority(0) + LOWER_BY));
    return true;
  } catch {
    // A sandbox may forbid it; the thread then runs at its parent's priority, as it did before.
    return false;
  }
}
