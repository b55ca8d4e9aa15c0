import type { Db } from './connection';

export interface TerminalIdentityRow {
  site_id: string;
  terminal_id: string;
  role: 'kiosk' | 'desk';
  first_started_at: string;
  last_started_at: string;
}

export function createTerminalRepo(db: Db) {
  const upsert = db.prepare(`
    INSERT INTO terminal_identity (id, site_id, terminal_id, role, first_started_at, last_started_at)
    VALUES (1, @siteId, @terminalId, @role, @now, @now)
    ON CONFLICT (id) DO UPDATE SET site_id = @siteId, terminal_id = @terminalId, role = @role, last_started_at = @now`);
  const get = db.prepare<[], TerminalIdentityRow>(
    'SELECT site_id, terminal_id, role, first_started_at, last_started_at FROM terminal_identity WHERE id = 1',
  );
  const integrity = db.prepare<[], { quick_check: string }>('PRAGMA quick_check');
  const version = db.prepare<[], { user_version: number }>('PRAGMA user_version');

  return {
    recordStart(identity: { siteId: string; terminalId: string; role: 'kiosk' | 'desk' }, now: string): void {
      upsert.run({ ...identity, now });
    },
    identity(): TerminalIdentityRow | undefined {
      return get.get();
    },
    health(): { ok: boolean; schemaVersion: number } {
      const rows = integrity.all();
      return { ok: rows.length === 1 && rows[0]?.quick_check === 'ok', schemaVersion: version.get()?.user_version ?? 0 };
    },
  };
}
export type TerminalRepo = ReturnType<typeof createTerminalRepo>;

export function createAuditRepo(db: Db, terminalId: string) {
  const insert = db.prepare('INSERT INTO audit_log (at, terminal_id, event, actor, detail) VALUES (?, ?, ?, ?, ?)');
  const recent = db.prepare<[number], { at: string; event: string; actor: string | null; detail: string | null }>(
    'SELECT at, event, actor, detail FROM audit_log ORDER BY id DESC LIMIT ?',
  );
  return {
    /** `actor` must already be masked by the caller; the audit log is read by people. */
    record(at: string, event: string, actor: string | null, detail: string | null = null): void {
      insert.run(at, terminalId, event, actor, detail);
    },
    recent(limit = 50) {
      return recent.all(limit);
    },
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;
