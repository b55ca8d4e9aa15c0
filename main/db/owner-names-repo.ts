import type { Db } from './connection';
import { writeTransaction } from './transaction';

/**
 * The names the central API gave for members and companies this terminal looked up live (tables `members` and
 * `companies` of 0001, unused until the desk's Buscar): the desk's local answer shows whom it found before the
 * live one arrives, and offline. Only names are kept — no e-mail, no phone. Rows not refreshed within the
 * retention window are forgotten on the next write, so a name stays only while the person keeps coming back.
 * Students need none: their name is on their enrollment slips in the synced copy.
 */
export function createOwnerNamesRepo(db: Db) {
  type Kept = { name: string; updated_at: string };
  const member = db.prepare<[string], Kept>('SELECT full_name AS name, updated_at FROM members WHERE cedula = ?');
  const company = db.prepare<[string], Kept>('SELECT legal_name AS name, updated_at FROM companies WHERE nit = ?');
  const keepMember = db.prepare(
    `INSERT INTO members (cedula, full_name, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (cedula) DO UPDATE SET full_name = excluded.full_name, updated_at = excluded.updated_at`,
  );
  const keepCompany = db.prepare(
    `INSERT INTO companies (nit, legal_name, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (nit) DO UPDATE SET legal_name = excluded.legal_name, updated_at = excluded.updated_at`,
  );
  const dropMember = db.prepare('DELETE FROM members WHERE cedula = ?');
  const dropCompany = db.prepare('DELETE FROM companies WHERE nit = ?');
  const forgetMembers = db.prepare('DELETE FROM members WHERE updated_at < ?');
  const forgetCompanies = db.prepare('DELETE FROM companies WHERE updated_at < ?');

  const keep = writeTransaction(
    db,
    (ownerType: 'member' | 'company', ownerId: string, name: string | null, at: string, forgetBefore: string) => {
      if (name === null) (ownerType === 'member' ? dropMember : dropCompany).run(ownerId);
      else (ownerType === 'member' ? keepMember : keepCompany).run(ownerId, name, at);
      forgetMembers.run(forgetBefore);
      forgetCompanies.run(forgetBefore);
    },
  );

  return {
    nameOf(ownerType: 'member' | 'company', ownerId: string): string | null {
      return (ownerType === 'member' ? member.get(ownerId) : company.get(ownerId))?.name ?? null;
    },
    /** The central API's latest word on a name (null: it has none, so none is kept); forgets names past `forgetBefore`. */
    remember(ownerType: 'member' | 'company', ownerId: string, name: string | null, at: string, forgetBefore: string): void {
      // The same name kept within the last day: nothing to write (a lookup need not wait for the disk each time).
      const kept = (ownerType === 'member' ? member : company).get(ownerId);
      if (kept && kept.name === name && Date.parse(at) - Date.parse(kept.updated_at) < 86_400_000) return;
      keep(ownerType, ownerId, name, at, forgetBefore);
    },
  };
}
export type OwnerNamesRepo = ReturnType<typeof createOwnerNamesRepo>;
