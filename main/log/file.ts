import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import pinoRoll from 'pino-roll';

/** The file name stem of the logs: `pagos-express.<n>.log` (pino-roll numbers them). */
export const LOG_STEM = 'pagos-express';

export interface LogFileLimits {
  maxFileMb: number;
  maxFiles: number;
  maxAgeDays: number;
}

/**
 * JSON lines to a rotating file: a new file daily or at `maxFileMb`, at most `maxFiles` kept besides the
 * current one (pino-roll), and none older than `maxAgeDays` (pruned here at start; pino-roll bounds only the
 * count). Size on disk is bounded by about maxFileMb × (maxFiles + 1). Writes are synchronous (see below).
 */
export async function rollingLogFile(dir: string, limits: LogFileLimits, now = Date.now()): Promise<DestinationStream & { end(): void }> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  pruneOldLogs(dir, limits.maxAgeDays, now);
  return await pinoRoll({
    file: join(dir, LOG_STEM),
    extension: '.log',
    frequency: 'daily',
    size: `${limits.maxFileMb}m`,
    mkdir: true,
    limit: { count: limits.maxFiles, removeOtherLogFiles: true },
    mode: 0o600,
    // Each line reaches the disk before the call returns: a crash or an exit right after an error (the lines a
    // técnico needs most) loses nothing. A terminal logs a few lines a second at most, so the cost is small.
    sync: true,
  });
}

/** The log files of this app in `dir`, oldest first. */
export function logFiles(dir: string): { file: string; modifiedMs: number; size: number }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(`${LOG_STEM}.`) && name.endsWith('.log'))
    .map((name) => {
      const stat = statSync(join(dir, name));
      return { file: join(dir, name), modifiedMs: stat.mtimeMs, size: stat.size };
    })
    .sort((a, b) => a.modifiedMs - b.modifiedMs);
}

/** Removes log files last written more than `maxAgeDays` ago; returns how many. */
export function pruneOldLogs(dir: string, maxAgeDays: number, now = Date.now()): number {
  const stale = logFiles(dir).filter((entry) => now - entry.modifiedMs > maxAgeDays * 86_400_000);
  for (const entry of stale) rmSync(entry.file, { force: true });
  return stale.length;
}
