/**
 * The baseline of sync_full_rows_per_s: the same rows the simulator serves, inserted into an empty database
 * with one prepared statement in one transaction (no HTTP, no parsing). Prints `{rows, ms}`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../main/db/connection';
import { syntheticObligations } from '../../sim/central/synthetic';

const count = Number(process.argv[2]);
const year = new Date().getUTCFullYear();
const updatedAt = new Date().toISOString();
const rows: unknown[][] = [];
let version = 0;
for (const o of syntheticObligations(count, 1, year)) {
  rows.push([
    o.id,
    o.kind,
    o.ownerType,
    o.ownerId,
    o.document,
    o.concept,
    o.studentName,
    o.validityYear,
    o.debt,
    o.paid,
    o.balance,
    o.installment,
    ++version,
    updatedAt,
    1,
  ]);
}
const dir = mkdtempSync(join(tmpdir(), 'pes-bench-insert-'));
// Each repeat into a new empty database; the best time counts, as for the sync.
let ms = Number.POSITIVE_INFINITY;
for (let repeat = 0; repeat < Number(process.argv[3] ?? '1'); repeat++) {
  const db = openDatabase(join(dir, `baseline-${repeat}.db`));
  const insert = db.prepare(`INSERT INTO obligations (id, kind, owner_type, owner_id, document, concept, student_name, validity_year,
    debt, paid, balance, installment, central_version, updated_at, sync_generation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const started = performance.now();
  db.transaction(() => {
    for (const row of rows) insert.run(...row);
  })();
  ms = Math.min(ms, performance.now() - started);
  db.close();
}
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ rows: rows.length, ms })}\n`);
