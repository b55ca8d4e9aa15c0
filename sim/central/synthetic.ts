import { nitCheckDigit } from '../../main/domain/identifiers';
import type { ObligationFields } from './world';

/** mulberry32: a small deterministic generator, so a seed always yields the same data (benchmarks, tests). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The cédula of synthetic member number `n` (10 digits, starting 20, never a demo identity). */
export function syntheticCedula(n: number): string {
  return `20${String(n).padStart(8, '0')}`;
}

export function syntheticNit(n: number): string {
  const base = `8${String(n).padStart(8, '0')}`;
  return `${base}-${nitCheckDigit(base)}`;
}

export function syntheticStudentId(n: number): string {
  return `30${String(n).padStart(8, '0')}`;
}

/**
 * N synthetic obligations for benchmarks and load tests: 80% member libranza credits (about three per member),
 * 10% company credits, 10% enrollment slips. Same `count` and `seed`, same obligations, same ids.
 */
export function* syntheticObligations(count: number, seed: number, currentYear: number): Generator<ObligationFields> {
  const random = seededRandom(seed);
  const members = Math.max(1, Math.floor(count / 3));
  const companies = Math.max(1, Math.floor(count / 50));
  const students = Math.max(1, Math.floor(count / 10));
  for (let i = 0; i < count; i++) {
    const pick = random();
    const debt = 100_000 + Math.floor(random() * 9_900) * 1_000;
    const paid = Math.floor(random() * 10) * Math.floor(debt / 10);
    const balance = debt - paid;
    const installment = Math.max(1, Math.round(debt / 12));
    const id = `SY-${String(i).padStart(7, '0')}`;
    if (pick < 0.9) {
      // An afiliado's credit below 0.8, an empresa's up to 0.9: one draw for the owner either way (same seed, same data).
      const member = pick < 0.8;
      yield {
        id,
        kind: 'credit',
        ownerType: member ? 'member' : 'company',
        ownerId: member ? syntheticCedula(Math.floor(random() * members)) : syntheticNit(Math.floor(random() * companies)),
        document: `LI- ${i}`,
        concept: 'CREDITO POR LIBRANZAS',
        studentName: null,
        validityYear: null,
        debt,
        paid,
        balance,
        installment,
      };
    } else {
      yield {
        id,
        kind: 'enrollmentSlip',
        ownerType: 'student',
        ownerId: syntheticStudentId(Math.floor(random() * students)),
        document: `VM- ${i}`,
        concept: 'VOLANTES DE MATRICULA',
        studentName: `ESTUDIANTE ${i}`,
        validityYear: currentYear,
        debt,
        paid: 0,
        balance: debt,
        installment: debt,
      };
    }
  }
}
