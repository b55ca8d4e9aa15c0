import type Database from 'better-sqlite3';

/**
 * Every transaction of the product is BEGIN IMMEDIATE. Two connections write to the same file: the main
 * thread's and the sync writer thread's. A deferred transaction that reads first and writes later holds a
 * snapshot; when the other connection commits in between, SQLite cannot upgrade that snapshot to a write and
 * answers SQLITE_BUSY ("database is locked") at once, without waiting for `busy_timeout`. Taking the write lock
 * at BEGIN makes the second writer wait its turn instead, so a payment, a page of the feed or a lock-out row is
 * never refused because the other thread happened to commit.
 */
export function writeTransaction<A extends unknown[], R>(db: Database.Database, fn: (...args: A) => R): (...args: A) => R {
  const transaction = db.transaction(fn);
  return (...args: A) => transaction.immediate(...args);
}
