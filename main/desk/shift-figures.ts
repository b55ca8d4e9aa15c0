import type { ShiftPaymentRow, ShiftRow } from '../db/desk-repo';

export type MethodTotal = { method: 'cash' | 'card' | 'pse'; count: number; amount: number };

export interface ShiftFigures {
  totals: MethodTotal[];
  voidedCount: number;
  /** Opening float + cash payments that stand. */
  expectedCash: number;
  /** Payments whose registration the central API has not acknowledged (not sent, not withdrawn, not refused). */
  unregisteredCount: number;
  receipts: { first: string | null; last: string | null; count: number };
  conflictPaymentIds: string[];
}

/**
 * A shift's figures from its payments, computed the same way for the running view, the preview, the close and
 * the report — so what the screen shows before closing is what the paper prints. A voided payment counts in
 * the receipts (its number was used) but not in the totals.
 */
export function shiftFigures(shift: ShiftRow, payments: ShiftPaymentRow[]): ShiftFigures {
  const totals: MethodTotal[] = (['cash', 'card', 'pse'] as const).map((method) => ({ method, count: 0, amount: 0 }));
  let voidedCount = 0;
  let unregisteredCount = 0;
  const numbers: string[] = [];
  const conflictPaymentIds: string[] = [];
  for (const p of payments) {
    if (p.receipt_number) numbers.push(p.receipt_number);
    if (p.conflict_id) conflictPaymentIds.push(p.id);
    if (p.state === 'voided') voidedCount++;
    else if (p.state === 'approved') {
      const total = totals.find((t) => t.method === p.method);
      if (total) {
        total.count++;
        total.amount += p.amount;
      }
    }
    const registered = p.outbox_state === 'sent' || p.registration_cancelled_at !== null || p.conflict_id !== null;
    if ((p.state === 'approved' || p.state === 'voided') && !registered) unregisteredCount++;
  }
  // Numbers share one prefix and are zero-padded, so text order is numeric order.
  numbers.sort();
  const cash = totals.find((t) => t.method === 'cash')?.amount ?? 0;
  return {
    totals: totals.filter((t) => t.method !== 'pse' || t.count > 0),
    voidedCount,
    expectedCash: shift.opening_float + cash,
    unregisteredCount,
    receipts: { first: numbers[0] ?? null, last: numbers.at(-1) ?? null, count: numbers.length },
    conflictPaymentIds,
  };
}
