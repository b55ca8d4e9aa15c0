import type { Db } from './connection';

export type OwnerType = 'member' | 'company' | 'student';

/** A row of the `obligations` table (the local copy), as its columns are named. */
export interface ObligationTableRow {
  id: string;
  kind: 'credit' | 'enrollmentSlip';
  owner_type: OwnerType;
  owner_id: string;
  document: string;
  concept: string;
  student_name: string | null;
  validity_year: number | null;
  debt: number;
  paid: number;
  balance: number;
  installment: number;
  central_version: number;
  updated_at: string;
}

/** What an owner's lookup reads: the owner is already known. */
export type ObligationRow = Omit<ObligationTableRow, 'owner_type' | 'owner_id'>;

/** Reads of the local copy of the obligations (the sync repo is the only writer). */
export function createObligationsRepo(db: Db) {
  const byOwner = db.prepare<[OwnerType, string], ObligationRow>(
    `SELECT id, kind, document, concept, student_name, validity_year, debt, paid, balance, installment, central_version, updated_at
     FROM obligations WHERE owner_type = ? AND owner_id = ? ORDER BY id LIMIT 1000`,
  );
  return {
    ofOwner(ownerType: OwnerType, ownerId: string): ObligationRow[] {
      return byOwner.all(ownerType, ownerId);
    },
  };
}
export type ObligationsRepo = ReturnType<typeof createObligationsRepo>;
