import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shiftFigures } from '../../../main/desk/shift-figures';
import { changeDue } from '../../../main/desk/method-facts';
import type { ShiftPaymentRow, ShiftRow } from '../../../main/db/desk-repo';

const shift = (openingFloat: number): ShiftRow => ({
  id: 'T-1',
  request_id: 'r',
  state: 'open',
  operator_username: 'cajero1',
  operator_name: 'Carmen',
  opening_float: openingFloat,
  opened_at: '2026-11-30T12:00:00.000Z',
  closed_at: null,
  close_request_id: null,
  counted_cash: null,
  denominations_json: null,
  expected_cash: null,
  difference: null,
  authorized_by: null,
  unregistered_count: null,
  unregistered_acknowledged: 0,
  note: null,
  report_json: null,
  print_job_id: null,
  print_problem: null,
});

const paymentArb = fc.record({
  method: fc.constantFrom('cash' as const, 'card' as const),
  state: fc.constantFrom('approved', 'voided'),
  amount: fc.integer({ min: 1, max: 50_000_000 }),
  outbox: fc.constantFrom<string | null>('pending', 'sent', 'rejected', null),
  cancelled: fc.boolean(),
  conflict: fc.boolean(),
});

describe('shift figures', () => {
  it('totals are the sum of the standing receipts; expected cash is the float plus standing cash; numbers counted whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(paymentArb, { maxLength: 60 }), (float, generated) => {
        const rows: ShiftPaymentRow[] = generated.map((p, i) => ({
          id: `p${i}`,
          method: p.method,
          state: p.state,
          amount: p.amount,
          receipt_number: `RC-${String(i + 1).padStart(8, '0')}`,
          reference: `RC-${i}`,
          obligation_id: 'o',
          operator_id: 'cajero1',
          created_at: '2026-11-30T12:00:00.000Z',
          registration_cancelled_at: p.cancelled ? '2026-11-30T12:01:00.000Z' : null,
          outbox_state: p.outbox,
          conflict_id: p.conflict ? `c${i}` : null,
        }));
        const figures = shiftFigures(shift(float), rows);
        for (const method of ['cash', 'card'] as const) {
          const standing = generated.filter((p) => p.method === method && p.state === 'approved');
          expect(figures.totals.find((t) => t.method === method)).toEqual({
            method,
            count: standing.length,
            amount: standing.reduce((s, p) => s + p.amount, 0),
          });
        }
        expect(figures.expectedCash).toBe(
          float + generated.filter((p) => p.method === 'cash' && p.state === 'approved').reduce((s, p) => s + p.amount, 0),
        );
        expect(figures.voidedCount).toBe(generated.filter((p) => p.state === 'voided').length);
        expect(figures.receipts).toEqual({
          first: rows[0]?.receipt_number ?? null,
          last: rows.at(-1)?.receipt_number ?? null,
          count: rows.length,
        });
        expect(figures.unregisteredCount).toBe(generated.filter((p) => p.outbox !== 'sent' && !p.cancelled && !p.conflict).length);
      }),
    );
  });

  it('change due is what was handed over minus the amount, never negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 0, max: 1e12 }), (amount, received) => {
        const change = changeDue(amount, received);
        if (received < amount) expect(change).toBeNull();
        else expect(received - (change ?? -1)).toBe(amount);
      }),
    );
  });
});
