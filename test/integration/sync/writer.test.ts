import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import type { ObligationColumns } from '../../../main/central/schemas';
import { openDatabase, type Db } from '../../../main/db/connection';
import { createSyncRepo, type PageToApply } from '../../../main/db/sync-repo';
import type { WriterReply, WriterRequest } from '../../../main/sync/writer-protocol';
import { threadSyncWriter } from '../../../main/sync/writer';
import { lowerThisThreadPriority } from '../../../main/sync/thread-priority';
import { until } from '../../support/until';
import { tempDir } from '../../support/temp';
import { procStatFields } from '../../support/proc-stat';

function columns(ids: string[]): ObligationColumns {
  return {
    id: ids,
    kind: ids.map(() => 'credit' as const),
    ownerType: ids.map(() => 'member' as const),
    ownerId: ids.map(() => '1045678901'),
    document: ids,
    concept: ids.map(() => 'CREDITO POR LIBRANZAS'),
    studentName: ids.map(() => null),
    validityYear: ids.map(() => null),
    debt: ids.map(() => 1_000_000),
    paid: ids.map(() => 0),
    balance: ids.map(() => 1_000_000),
    installment: ids.map(() => 100_000),
    version: ids.map((_, i) => i + 1),
    updatedAt: ids.map(() => '2026-11-26T10:00:00.000Z'),
  };
}
const page = (after: string | null, cursor: string, ids: string[], caughtUp = false): PageToApply => ({
  after,
  cursor,
  caughtUp,
  upserts: columns(ids),
  deletes: { id: [], version: [], reason: [] },
  now: '2026-11-26T10:00:00.000Z',
});
const ids = (db: Db) =>
  db
    .prepare<[], { id: string }>('SELECT id FROM obligations ORDER BY id')
    .all()
    .map((row) => row.id);

describe('the sync writer thread', () => {
  const dir = tempDir();
  afterEach(() => dir.remove());

  it('commits each page with its cursor on its own connection; the main connection reads it at once', async () => {
    const db = openDatabase(join(dir.dir, 'terminal.db'));
    const writer = threadSyncWriter(db.name);
    try {
      await writer.beginFull();
      await writer.applyPage(page(null, '3:1', ['LI-1', 'LI-2', 'LI-3']));
      expect(ids(db)).toEqual(['LI-1', 'LI-2', 'LI-3']);
      expect(createSyncRepo(db).state()).toMatchObject({ cursor: '3:1', mode: 'full', last_success_at: null });
      await writer.applyPage(page('3:1', '4:1', ['LI-4'], true));
      expect(createSyncRepo(db).state()).toMatchObject({ cursor: '4:1', mode: 'delta', last_success_at: '2026-11-26T10:00:00.000Z' });
    } finally {
      await writer.close();
      db.close();
    }
  });

  it('refuses a page that does not follow the copy, and every page queued behind it, changing nothing', async () => {
    const db = openDatabase(join(dir.dir, 'terminal.db'));
    const writer = threadSyncWriter(db.name);
    try {
      await writer.beginFull();
      await writer.applyPage(page(null, '2:1', ['LI-1', 'LI-2']));
      // Sent without waiting, as the engine does: the first skips a page, so the second cannot follow either.
      const skipped = writer.applyPage(page('5:1', '7:1', ['LI-6', 'LI-7']));
      const behind = writer.applyPage(page('7:1', '9:1', ['LI-8', 'LI-9']));
      await expect(skipped).rejects.toThrow('does not follow the copy, which is at 2:1');
      await expect(behind).rejects.toThrow('does not follow the copy, which is at 2:1');
      expect(ids(db)).toEqual(['LI-1', 'LI-2']);
      // The same page twice: the second is refused, nothing is applied twice.
      await expect(writer.applyPage(page(null, '2:1', ['LI-1', 'LI-2']))).rejects.toThrow('does not follow');
      expect(createSyncRepo(db).state().rows_applied).toBe(2);
    } finally {
      await writer.close();
      db.close();
    }
  });

  it('fails its calls with a clear error when it cannot open the database, and can be closed after', async () => {
    const writer = threadSyncWriter(join(dir.dir, 'missing', '\0', 'terminal.db'));
    await expect(writer.beginFull()).rejects.toThrow(/sync writer thread (failed|exited)/);
    await expect(writer.close()).resolves.toBeUndefined();
  });

  it('runs from the CommonJS bundle the Electron app ships (build/bundle-electron.ts)', async () => {
    const db = openDatabase(join(dir.dir, 'terminal.db'));
    // Inside the project, so the bundle finds better-sqlite3 in node_modules as the packaged app does.
    const outfile = join('dist', 'test', `sync-writer-${process.pid}.cjs`);
    await build({
      entryPoints: ['main/sync/writer-thread.ts'],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3'],
      define: { 'import.meta.url': '__importMetaUrl' },
      banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      logLevel: 'warning',
    });
    const thread = new Worker(pathToFileURL(resolve(outfile)), { workerData: { file: db.name } });
    const replies: WriterReply[] = [];
    const answered = async (count: number) => {
      expect(
        await until(
          async () => replies.length,
          (n) => n >= count,
          10_000,
          5,
        ),
      ).toBeGreaterThanOrEqual(count);
    };
    thread.on('message', (reply: WriterReply) => replies.push(reply));
    try {
      thread.postMessage({ id: 1, op: 'beginFull' } satisfies WriterRequest);
      thread.postMessage({ id: 2, op: 'applyPage', page: page(null, '1:1', ['LI-38']) } satisfies WriterRequest);
      await answered(2);
      expect(replies).toEqual([
        { id: 1, ok: true },
        { id: 2, ok: true },
      ]);
      expect(ids(db)).toEqual(['LI-38']);
      const exited = new Promise<number>((resolve) => thread.once('exit', resolve));
      thread.postMessage({ id: 3, op: 'close' } satisfies WriterRequest);
      expect(await exited).toBe(0);
    } finally {
      await thread.terminate();
      db.close();
      rmSync(outfile, { force: true });
    }
  });

  it('yields the cores to the main thread: on Linux it runs at a lower priority, the main thread keeps its own', async () => {
    if (process.platform !== 'linux') {
      // One nice value for the whole process there: lowering it would slow the screens too.
      expect(lowerThisThreadPriority()).toBe(false);
      return;
    }
    /** Each thread's nice value (/proc/self/task/<tid>/stat, field 19). */
    const niceByThread = () =>
      new Map(
        readdirSync('/proc/self/task').map((tid) => [Number(tid), Number(procStatFields(`/proc/self/task/${tid}/stat`)[16])] as const),
      );
    const before = niceByThread();
    const mainNice = before.get(process.pid);
    const db = openDatabase(join(dir.dir, 'terminal.db'));
    const writer = threadSyncWriter(db.name);
    try {
      await writer.beginFull();
      const after = niceByThread();
      const started = [...after].filter(([tid]) => !before.has(tid));
      expect(started.map(([, nice]) => nice)).toContain(Math.min(19, (mainNice ?? 0) + 10));
      expect(after.get(process.pid)).toBe(mainNice);
    } finally {
      await writer.close();
      db.close();
    }
  });
});
