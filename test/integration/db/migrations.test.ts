import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { openDatabase } from '../../../main/db/connection';
import { DatabaseTooNewError, latestSchemaVersion } from '../../../main/db/migrate';
import { migrations } from '../../../main/db/migrations';
import { tempDir } from '../../support/temp';

describe('the terminal database', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  it("finds an owner's obligations through the owner index, also in a file migrated from schema 5", () => {
    const file = join(temp.dir, 'v5.db');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    for (const migration of migrations.filter((m) => m.version <= 5)) old.exec(migration.sql);
    old.pragma('user_version = 5');
    expect(old.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'obligations_by_owner'").pluck().all()).toEqual([
      'obligations_by_owner',
    ]);
    old.close();
    const db = openDatabase(file);
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM obligations WHERE owner_type = 'member' AND owner_id = '1045678901' ORDER BY id LIMIT 1000",
      )
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join('; ')).toContain('USING INDEX obligations_by_owner_id (owner_id=?)');
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'obligations_by_owner%'").pluck().all()).toEqual([
      'obligations_by_owner_id',
    ]);
    db.close();
  });

  it('opens a new file with WAL, synchronous FULL, foreign keys and a busy timeout, at the latest schema', () => {
    const db = openDatabase(join(temp.dir, 'new', 'terminal.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(applied).toHaveLength(migrations.length);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    for (const table of [
      'terminal_identity',
      'members',
      'companies',
      'obligations',
      'payments',
      'vouchers',
      'outbox',
      'print_jobs',
      'audit_log',
    ]) {
      expect(tables).toContain(table);
    }
    db.close();
  });

  it('reopens an existing file without applying anything twice and keeps its rows', () => {
    const file = join(temp.dir, 'terminal.db');
    const first = openDatabase(file);
    first.prepare("INSERT INTO audit_log (at, terminal_id, event) VALUES ('2026-01-01', 'K1', 'test')").run();
    first.close();
    const second = openDatabase(file);
    expect(second.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(migrations.length);
    expect(second.prepare('SELECT event FROM audit_log').pluck().all()).toEqual(['test']);
    second.close();
  });

  it('refuses a database written by a newer version, with a clear message, and leaves the file untouched', () => {
    const file = join(temp.dir, 'future.db');
    const future = new Database(file);
    future.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    future.exec('CREATE TABLE future_table (x INTEGER)');
    future.close();
    const before = statSync(file).mtimeMs;
    let caught: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseTooNewError);
    expect((caught as Error).message).toMatch(/newer than this application supports/);
    expect(statSync(file).mtimeMs).toBe(before);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(latestSchemaVersion() + 1);
    check.close();
  });

  it('enforces money as whole non-negative integers in the schema itself', () => {
    const db = openDatabase(join(temp.dir, 'terminal.db'));
    const insert =
      db.prepare(`INSERT INTO obligations (id, kind, owner_type, owner_id, document, concept, debt, paid, balance, installment, central_version, updated_at)
      VALUES (?, 'credit', 'member', '1', 'LI- 1', 'X', ?, 0, 0, 0, 1, 'now')`);
    expect(() => insert.run('a', -1)).toThrow(/CHECK/);
    expect(() => insert.run('b', 1.5)).toThrow(/INTEGER/i);
    db.close();
  });
});
