import { afterEach, describe, expect, it } from 'vitest';
import { once, type EventEmitter } from 'node:events';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../../../main/log/logger';
import { logFiles, pruneOldLogs, rollingLogFile } from '../../../main/log/file';
import { tempDir } from '../../support/temp';
import { until } from '../../support/until';

describe('rotating log files', () => {
  let temp: ReturnType<typeof tempDir>;
  let open: { end(): void } | undefined;
  afterEach(async () => {
    if (open) {
      // The file stream closes on its next tick; the folder goes after it.
      const closed = once(open as unknown as EventEmitter, 'close');
      open.end();
      await closed;
      open = undefined;
    }
    temp.remove();
  });

  it('writes redacted JSON lines to a private file under the logs folder', async () => {
    temp = tempDir('pes-logs-');
    const dir = join(temp.dir, 'logs');
    const destination = await rollingLogFile(dir, { maxFileMb: 1, maxFiles: 3, maxAgeDays: 30 });
    open = destination;
    const logger = createLogger({ level: 'info', destination });
    logger.info({ cedula: '1045678901', terminal: 'KIOSK-07' }, 'signed in 3001234567 with ana@example.com');
    await until(
      async () => logFiles(dir),
      (files) => files.some((entry) => entry.size > 0),
    );
    const [entry] = logFiles(dir);
    expect(entry).toBeDefined();
    const lines = readFileSync(entry!.file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ terminal: 'KIOSK-07', level: 30 });
    const text = JSON.stringify(lines[0]);
    for (const personal of ['1045678901', '3001234567', 'ana@example.com']) expect(text).not.toContain(personal);
    expect(statSync(entry!.file).mode & 0o077).toBe(0);
    expect(statSync(dir).mode & 0o077).toBe(0);
  });

  it('rotates at the size limit and keeps at most maxFiles besides the current one', async () => {
    temp = tempDir('pes-logs-');
    const dir = join(temp.dir, 'logs');
    const destination = await rollingLogFile(dir, { maxFileMb: 1, maxFiles: 2, maxAgeDays: 30 });
    open = destination;
    const logger = createLogger({ level: 'info', destination });
    // Words, not one long run: the scrubber's patterns are linear on text with separators.
    const filler = 'lorem ipsum '.repeat(170);
    // About 5 MB in 1 MB files: five rotations, of which only the current file and two more may stay. Written in
    // batches, as a running app does, so the file stream flushes (and pino-roll checks the size) in between.
    for (let batch = 0; batch < 26; batch += 1) {
      for (let i = 0; i < 100; i += 1) logger.info({ i, filler }, 'filler line');
      // A pause between batches is the scenario (a running app's pace), not a wait for something to happen.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    logger.info('last line');
    await until(
      async () => logFiles(dir),
      (files) => files.some((entry) => readFileSync(entry.file, 'utf8').includes('last line')),
    );
    const files = logFiles(dir);
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(files.length).toBeLessThanOrEqual(3);
    // pino-roll rotates after the write that reached the size, so a file may pass 1 MB by a little.
    for (const entry of files) expect(entry.size).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('removes log files older than maxAgeDays and leaves other files alone', () => {
    temp = tempDir('pes-logs-');
    const now = Date.now();
    const old = join(temp.dir, 'pagos-express.1.log');
    const fresh = join(temp.dir, 'pagos-express.2.log');
    const other = join(temp.dir, 'notes.txt');
    for (const file of [old, fresh, other]) writeFileSync(file, '{}\n');
    const forty = (now - 40 * 86_400_000) / 1000;
    utimesSync(old, forty, forty);
    utimesSync(other, forty, forty);
    expect(pruneOldLogs(temp.dir, 30, now)).toBe(1);
    expect(logFiles(temp.dir).map((entry) => entry.file)).toEqual([fresh]);
    expect(statSync(other).isFile()).toBe(true);
  });
});
