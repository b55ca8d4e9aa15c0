import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../main/db/connection';
import { writeTransaction } from '../../../main/db/transaction';
import { tempDir } from '../../support/temp';

/**
 * Two connections on one file, as the main thread and the sync writer thread have: a transaction that reads
 * first and writes later must not be refused because the other connection committed in between.
 */
describe('writeTransaction', () => {
  let temp: ReturnType<typeof tempDir>;
  let mainThread: Db;
  let writerThread: Db;
  beforeEach(() => {
    temp = tempDir('pes-tx-');
    const file = join(temp.dir, 'terminal.db');
    mainThread = openDatabase(file);
    writerThread = openDatabase(file);
    // The other side does not wait here (one thread plays both): it answers busy at once instead.
    writerThread.pragma('busy_timeout = 0');
    mainThread.exec('CREATE TABLE counter (n INTEGER NOT NULL) STRICT; INSERT INTO counter VALUES (0)');
  });
  afterEach(() => {
    mainThread.close();
    writerThread.close();
    temp.remove();
  });

  const bumpFromOtherConnection = () => writerThread.prepare('UPDATE counter SET n = n + 100').run();

  it('a deferred read-then-write fails at once when the other connection commits in between (the defect)', () => {
    const deferred = mainThread.transaction(() => {
      const n = mainThread.prepare('SELECT n FROM counter').pluck().get() as number;
      bumpFromOtherConnection();
      mainThread.prepare('UPDATE counter SET n = ?').run(n + 1);
    });
    expect(() => deferred()).toThrow(/database is locked/);
  });

  it('holds the write lock from its first statement: the other connection waits its turn, and both writes count', () => {
    const increment = writeTransaction(mainThread, () => {
      const n = mainThread.prepare('SELECT n FROM counter').pluck().get() as number;
      expect(() => bumpFromOtherConnection()).toThrow(/database is locked/);
      mainThread.prepare('UPDATE counter SET n = ?').run(n + 1);
      return n + 1;
    });
    expect(increment()).toBe(1);
    bumpFromOtherConnection();
    expect(mainThread.prepare('SELECT n FROM counter').pluck().get()).toBe(101);
  });

  it('passes its arguments and returns the result, and rolls back when the body throws', () => {
    const set = writeTransaction(mainThread, (n: number) => mainThread.prepare('UPDATE counter SET n = ?').run(n).changes);
    expect(set(7)).toBe(1);
    const failing = writeTransaction(mainThread, () => {
      mainThread.prepare('UPDATE counter SET n = 8').run();
      throw new Error('refused');
    });
    expect(() => failing()).toThrow('refused');
    expect(mainThread.prepare('SELECT n FROM counter').pluck().get()).toBe(7);
  });
});
