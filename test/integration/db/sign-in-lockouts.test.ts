import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../main/db/connection';
import { createLockoutRepo, defaultLockoutBounds } from '../../../main/db/auth-repo';
import { tempDir } from '../../support/temp';

/**
 * `sign_in_lockouts` gets a row for every username that fails, including names of nobody (so their answers
 * look like real ones): anyone at the keyboard adds rows. The table stays bounded, by count and by age, and
 * a lock-out that is still running is never the row that goes.
 */
describe('sign-in lock-out rows stay bounded', () => {
  let temp: ReturnType<typeof tempDir>;
  let db: Db;
  const start = Date.parse('2026-11-30T08:00:00Z');
  const at = (seconds: number) => new Date(start + seconds * 1000).toISOString();

  beforeEach(() => {
    temp = tempDir();
    db = openDatabase(join(temp.dir, 'terminal.db'));
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('keeps at most maxRows: the oldest rows go first, a running lock-out and the row just written stay', () => {
    const repo = createLockoutRepo(db, { maxRows: 50, forgetAfterSeconds: 86_400 });
    repo.save('operator:cajero1', { failures: 0, lockedUntil: at(3600) }, at(0));
    // One commit for the lot (each save is its own savepoint inside it), so the test does not wait on 500 fsyncs.
    db.transaction(() => {
      for (let n = 1; n <= 500; n++) repo.save(`operator:unknown-${n}`, { failures: 1, lockedUntil: null }, at(n));
    })();
    expect(repo.count()).toBe(50);
    // The running lock-out and the 49 newest failures.
    expect(repo.get('operator:cajero1').lockedUntil).toBe(at(3600));
    expect(repo.get('operator:unknown-500')).toEqual({ failures: 1, lockedUntil: null });
    expect(repo.get('operator:unknown-452')).toEqual({ failures: 1, lockedUntil: null });
    expect(repo.get('operator:unknown-451')).toEqual({ failures: 0, lockedUntil: null });
  });

  it('forgets rows that lock nobody once their last failure is older than forgetAfterSeconds', () => {
    const repo = createLockoutRepo(db, { maxRows: 1000, forgetAfterSeconds: 600 });
    repo.save('operator:a', { failures: 2, lockedUntil: null }, at(0));
    repo.save('operator:b', { failures: 0, lockedUntil: at(2000) }, at(0));
    repo.save('operator:c', { failures: 1, lockedUntil: null }, at(601));
    expect(repo.get('operator:a').failures).toBe(0);
    expect(repo.get('operator:b').lockedUntil).toBe(at(2000));
    expect(repo.count()).toBe(2);
  });

  it('by default holds a thousand rows at most', () => {
    const repo = createLockoutRepo(db);
    db.transaction(() => {
      for (let n = 0; n < defaultLockoutBounds.maxRows + 300; n++)
        repo.save(`operator:guess-${n}`, { failures: 1, lockedUntil: null }, at(n));
    })();
    expect(repo.count()).toBe(defaultLockoutBounds.maxRows);
  });
});
