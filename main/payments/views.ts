import type { ApiOutput } from '../api/contract';
import type { ObligationRow, PaymentRecord, PaymentsRepo } from '../db/payments-repo';
import { achPendingRefusalText, type PaymentState } from '../domain/payment-state';
import { VOUCHER_LEGAL_TEXT, VOUCHER_PROCESSOR, VOUCHER_TITLE, voucherFieldsOf, voucherLines } from './voucher';
import { voucherDataSchema } from '../printing/voucher-data';
import type { CustomerService } from '../terminal/contacts';

/** How stored payments read on screen: the contract's outputs, built from the repository only. */

type Outcome = ApiOutput<'payments.result'>['outcome'];

export function outcomeOf(state: PaymentState): Outcome {
  switch (state) {
    case 'created':
    case 'registered':
    case 'redirected':
      return 'inProgress';
    default:
      return state;
  }
}

export function summaryOf(repo: PaymentsRepo, payment: PaymentRecord, obligation: ObligationRow | undefined): ApiOutput<'payments.history'>['items'][number] {
  return {
    paymentId: payment.id,
    reference: payment.reference,
    state: payment.state,
    outcome: outcomeOf(payment.state),
    amount: payment.amount,
    document: obligation?.document ?? payment.obligationId,
    concept: obligation?.concept ?? '',
    cus: payment.cus,
    bankName: payment.bankName,
    createdAt: payment.createdAt,
    updatedAt: payment.updatedAt,
    voucherAvailable: payment.state === 'approved' && repo.voucher(payment.id) !== undefined,
  };
}

/** Pending at ACH as far as we last heard: pending, or expired while the gateway still said pending. */
export function stillPendingAtAch(payment: PaymentRecord): boolean {
  if (payment.state === 'pending') return true;
  return payment.state === 'expired' && (payment.achStatus === 'PENDING' || payment.orderStatus === 7);
}

export function pendingTextOf(payment: PaymentRecord, customerService: CustomerService): string | null {
  if (!stillPendingAtAch(payment)) return null;
  return achPendingRefusalText({
    reference: payment.reference,
    ...customerService,
    cus: payment.cus ?? payment.reference,
  });
}

export function voucherOf(repo: PaymentsRepo, payment: PaymentRecord): ApiOutput<'payments.voucher'> | undefined {
  const stored = repo.voucher(payment.id);
  if (!stored) return undefined;
  const document = voucherDataSchema.safeParse(stored.fields);
  // A stored voucher that no longer parses is our bug; the payment stays approved, the screen says not found.
  if (!document.success) return undefined;
  const fields = voucherFieldsOf(document.data);
  return {
    paymentId: payment.id,
    voucherId: stored.id,
    printJobId: stored.printJobId,
    reference: payment.reference,
    title: VOUCHER_TITLE,
    processor: VOUCHER_PROCESSOR,
    legalText: VOUCHER_LEGAL_TEXT,
    fields,
    lines: voucherLines(fields),
    createdAt: stored.createdAt,
  };
}
