import type { ApiOutput } from '../api/contract';
import type { ObligationRow, PaymentRecord, PaymentsRepo } from '../db/payments-repo';
import { achPendingRefusalText } from '../domain/pse-rules';
import { paymentMethodNames, type PaymentState } from '../domain/payment-record';
import { VOUCHER_LEGAL_TEXT, VOUCHER_PROCESSOR, VOUCHER_TITLE, voucherFieldsOf, voucherLines, type VoucherFields } from './voucher';
import { voucherDocumentSchema, type ReceiptData } from '../printing/documents';
import { formatCop } from '../domain/money';
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

export function summaryOf(
  repo: PaymentsRepo,
  payment: PaymentRecord,
  obligation: ObligationRow | undefined,
): ApiOutput<'payments.history'>['items'][number] {
  return {
    paymentId: payment.id,
    method: payment.method,
    receiptNumber: payment.receiptNumber,
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
    voucherAvailable: (payment.state === 'approved' || payment.state === 'voided') && repo.voucher(payment.id) !== undefined,
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

export const RECEIPT_TITLE = 'Recibo de Pago';
const RECEIPT_NOTE = 'Conserve este recibo como soporte de su pago.';

/** A desk receipt (cash, card) in the voucher's shape, so *Ver comprobante* shows it with the same screen. */
function receiptFieldsOf(r: ReceiptData): VoucherFields {
  return {
    merchantName: r.merchantName,
    merchantNit: r.merchantNit,
    uniqueCode: '',
    terminal: r.terminalId,
    transactionNumber: r.receiptNumber,
    dateTime: r.dateTime.slice(0, 19).replace('T', ' '),
    currency: 'COP',
    total: r.amount,
    iva: 0,
    ivaRefundBase: 0,
    installments: '001',
    errorCode: '',
    authorizationResult: r.method === 'cash' ? 'EFECTIVO' : (r.cardAuthorizationCode ?? ''),
    responseDescription: 'APROBADA',
    userIp: '',
    cus: '',
    bankName: '',
    reference: r.reference,
    payerIdMasked: r.payerIdMasked,
  };
}

function receiptLines(r: ReceiptData): { label: string; value: string }[] {
  const lines = [
    { label: 'Recibo', value: r.receiptNumber },
    { label: 'Fecha y Hora', value: r.dateTime.slice(0, 19).replace('T', ' ') },
    { label: 'Terminal', value: r.terminalId },
    { label: 'Cajero', value: r.operatorName },
    { label: 'Turno', value: r.shiftId ?? '' },
    { label: 'Concepto', value: r.concept },
    { label: 'Documento', value: r.obligationDocument },
    { label: 'Referencia', value: r.reference },
    { label: 'Medio de pago', value: paymentMethodNames[r.method].full },
    { label: 'Total pagado', value: formatCop(r.amount) },
  ];
  if (r.method === 'cash') {
    lines.push({ label: 'Recibido', value: formatCop(r.cashReceived ?? r.amount) }, { label: 'Cambio', value: formatCop(r.change ?? 0) });
  } else {
    lines.push({ label: 'Tarjeta', value: `**** ${r.cardLast4 ?? ''}` }, { label: 'Autorización', value: r.cardAuthorizationCode ?? '' });
  }
  return lines;
}

/** The stored voucher (PSE) or receipt (cash, card) of a payment, as the screen shows it. */
export function voucherOf(repo: PaymentsRepo, payment: PaymentRecord): ApiOutput<'payments.voucher'> | undefined {
  const stored = repo.voucher(payment.id);
  if (!stored) return undefined;
  const document = voucherDocumentSchema.safeParse(stored.fields);
  // A stored voucher that no longer parses is our bug; the payment stays approved, the screen says not found.
  if (!document.success) return undefined;
  const common = {
    paymentId: payment.id,
    voucherId: stored.id,
    printJobId: stored.printJobId,
    reference: payment.reference,
    createdAt: stored.createdAt,
  };
  if (document.data.kind === 'receipt') {
    const fields = receiptFieldsOf(document.data);
    return { ...common, title: RECEIPT_TITLE, processor: '', legalText: RECEIPT_NOTE, fields, lines: receiptLines(document.data) };
  }
  const fields = voucherFieldsOf(document.data);
  return {
    ...common,
    title: VOUCHER_TITLE,
    processor: VOUCHER_PROCESSOR,
    legalText: VOUCHER_LEGAL_TEXT,
    fields,
    lines: voucherLines(fields),
  };
}
