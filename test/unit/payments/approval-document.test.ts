import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApprovalDocument, describeProblem } from '../../../main/payments/approval-document';
import { buildVoucherDocument, maskPayerId } from '../../../main/payments/voucher';
import { orderStatusAnswer, pseStatusAnswer } from '../../../main/payments/credibanco/schemas';
import { obligationSchema } from '../../../main/central/schemas';
import { loadConfig } from '../../../main/config/load';
import type { OrderStatus, PseStatus } from '../../../main/payments/gateway';

/**
 * The voucher builder is total for what the contracts allow, and `buildApprovalDocument` turns anything left
 * into a problem (paths and codes, never a value) instead of a throw inside the approval's transaction.
 */
const merchant = loadConfig({ env: {} }).merchant;
const anyText = fc.string({ unit: 'binary', maxLength: 300 });
const epoch = fc.option(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { nil: null });

describe('buildVoucherDocument', () => {
  it('builds a voucher for any gateway answer and any central concept and document (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          concept: fc.string({ unit: 'binary', minLength: 1, maxLength: 120 }),
          document: fc.string({ unit: 'binary', maxLength: 40 }),
        }),
        fc.record({
          actionCodeDescription: anyText,
          ip: anyText,
          authRefNum: anyText,
          approvalCode: anyText,
          cus: anyText,
          bankName: anyText,
          ticketId: anyText,
        }),
        fc.record({
          actionCode: fc.option(fc.maxSafeInteger(), { nil: null }),
          date: epoch,
          authDateTime: epoch,
          tail: fc.string({ unit: 'binary', maxLength: 6 }),
        }),
        (obligation, texts, numbers) => {
          // Only what the contracts accept is generated: the test parses it with their schemas first.
          expect(obligationSchema.shape.concept.safeParse(obligation.concept).success).toBe(true);
          const order = orderStatusAnswer.parse({
            orderNumber: 'PES-K1-1',
            orderStatus: 2,
            actionCode: numbers.actionCode,
            actionCodeDescription: texts.actionCodeDescription,
            amount: 17_527_700,
            currency: '170',
            date: numbers.date,
            ip: texts.ip,
            authRefNum: texts.authRefNum,
            authDateTime: numbers.authDateTime,
            cardAuthInfo: { approvalCode: texts.approvalCode },
            pseInfo: { financialInstitutionCode: '1007', traceabilityCode: texts.cus },
          });
          const pse = pseStatusAnswer.parse({
            financialInstitutionCode: '1007',
            financialInstitutionName: texts.bankName,
            traceabilityCode: texts.cus,
            ticketId: texts.ticketId,
            transactionStatus: 'OK',
          });
          const status: OrderStatus = {
            found: true,
            orderId: 'o-1',
            orderNumber: order.orderNumber,
            orderStatus: order.orderStatus,
            actionCode: order.actionCode ?? null,
            actionCodeDescription: order.actionCodeDescription,
            amount: 175_277,
            currency: order.currency,
            date: order.date,
            ip: order.ip,
            terminalId: null,
            authRefNum: order.authRefNum,
            authDateTime: order.authDateTime,
            approvalCode: order.cardAuthInfo?.approvalCode ?? null,
            paymentWay: 'PSE',
            pse: { cus: order.pseInfo?.traceabilityCode ?? null, bankCode: '1007' },
          };
          const ach: PseStatus = {
            cus: pse.traceabilityCode,
            bankCode: '1007',
            bankName: pse.financialInstitutionName,
            transactionStatus: 'OK',
            ticketId: pse.ticketId,
          };
          const document = buildVoucherDocument({
            merchant,
            payment: { reference: 'PES-K1-1', payerIdTail: numbers.tail },
            obligation,
            status,
            pse: ach,
            bankName: ach.bankName,
            now: new Date('2025-04-25T16:00:00Z'),
          });
          expect(document.concept.length).toBeGreaterThan(0);
          expect(document.concept.length).toBeLessThanOrEqual(80);
          expect(document.payerIdMasked).toMatch(/^\*{4}[0-9A-Za-z]{0,4}$/);
          for (const value of Object.values(document)) {
            if (typeof value === 'string') expect(value).not.toMatch(/[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e]/u);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('masks the identification with its last four digits', () => {
    expect(maskPayerId('8901')).toBe('****8901');
    expect(maskPayerId('1045678901')).toBe('****8901');
    expect(maskPayerId('900123456-8')).toBe('****4568');
  });
});

describe('buildApprovalDocument', () => {
  it('returns the document when the builder succeeds', () => {
    expect(buildApprovalDocument(() => ({ kind: 'voucher' }))).toEqual({ document: { kind: 'voucher' } });
  });

  it('returns the problem, with paths and codes only, when the builder throws', () => {
    const schema = z.object({ reference: z.string().regex(/^[A-Z]+$/), total: z.number().positive() });
    const built = buildApprovalDocument(() => schema.parse({ reference: 'JOSÉ 1045678901', total: 0 }));
    expect(built).toEqual({ problem: 'document does not match its schema: reference (invalid_format), total (too_small)' });
    expect(JSON.stringify(built)).not.toContain('1045678901');
    const other = buildApprovalDocument(() => {
      throw new RangeError('not an instant: 1045678901');
    });
    expect(other).toEqual({ problem: 'document could not be built: RangeError' });
    expect(describeProblem('text')).toBe('document could not be built: string');
  });
});
