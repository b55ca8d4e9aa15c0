import type { Config } from '../config/schema';
import { formatDateTime } from '../domain/date-time';
import { formatCop } from '../domain/money';
import type { OrderStatus, PseStatus } from './gateway';
import type { PaymentRecord } from '../db/payments-repo';
import { toBogotaIso } from '../runtime/clock';
import { voucherDataSchema, type VoucherData, type VoucherInput } from '../printing/documents';

/**
 * *Resultado de la Transacción - Voucher* of the seed, field by field. Comercio, NIT, Código Único and Terminal
 * are merchant configuration; the rest comes from the gateway's answers. Where the seed's field has no named
 * source (integrations.md: *unconfirmed*), the mapping chosen is:
 * - # Transacción ← `authRefNum`, else pse/status `ticketId`, else the gateway's orderId;
 * - Fecha y Hora ← `authDateTime`, else `date` (Bogotá time, `YYYY-MM-DD HH:mm:ss`);
 * - IVA and Base devolución IVA ← 0 (we register `IVA.amount=0`: obligations carry no IVA);
 * - Número de Cuotas ← `001` (PSE debits are single payments; we register `installments=1`);
 * - Código de Error ← `actionCode`; Resultado de la Autorización ← `approvalCode`, else ACH's transaction state;
 * - Descripción Respuesta ← `actionCodeDescription`; IP Usuario ← `ip`.
 */
export const VOUCHER_TITLE = 'Resultado de la Transacción - Voucher';
export const VOUCHER_PROCESSOR = 'Transacción procesada por CREDIBANCO';
export const VOUCHER_LEGAL_TEXT =
  'Venta No Presencial. Pagaré incondicionalmente y a la orden del acreedor, el valor total de este pagaré junto con ' +
  'los intereses a las tasas máximas permitidas por la ley.';

/** The voucher as the screen shows it: the seed's fields, formatted once. */
export interface VoucherFields {
  merchantName: string;
  merchantNit: string;
  uniqueCode: string;
  terminal: string;
  transactionNumber: string;
  dateTime: string;
  currency: 'COP';
  total: number;
  iva: number;
  ivaRefundBase: number;
  installments: string;
  errorCode: string;
  authorizationResult: string;
  responseDescription: string;
  userIp: string;
  cus: string;
  bankName: string;
  reference: string;
  /** Identificación, masked as on paper: `****8901`. */
  payerIdMasked: string;
}

/** The latest instant the voucher can print (`z.iso.datetime` takes four-digit years only). */
const LAST_PRINTABLE_MS = Date.parse('9999-12-31T00:00:00Z');

/** The first of the gateway's instants that is a printable date; the gateway's schema allows any epoch number. */
function firstInstant(...candidates: (Date | null)[]): Date | undefined {
  return candidates.find((d): d is Date => d !== null && d.getTime() >= 0 && d.getTime() < LAST_PRINTABLE_MS);
}

/** `****8901`: the last four letters or digits of the payer's identification, the one rule on paper and screen. */
export function maskPayerId(idTail: string): string {
  return `****${idTail.replace(/[^0-9A-Za-z]/g, '').slice(-4)}`;
}

/**
 * The voucher as stored in `vouchers.fields_json`: the printing schema's document (main/printing), so the same
 * record feeds the screen, the first print and every reprint. Fecha y Hora is kept as an instant in Bogotá time.
 * Total for whatever the central API's and the gateway's contracts allow: the schema makes every text one field
 * and cuts it with `…` (`printing/field-text.ts`); call it through `approval-document.ts`, which turns anything
 * left (a bug of ours) into a recorded printing problem instead of a failed approval.
 */
export function buildVoucherDocument(input: {
  merchant: Config['merchant'];
  payment: Pick<PaymentRecord, 'reference' | 'payerIdTail'>;
  obligation: { document: string; concept: string } | undefined;
  status: OrderStatus;
  pse: PseStatus | null;
  bankName: string | null;
  now: Date;
}): VoucherData {
  const { status, pse } = input;
  const document: VoucherInput = {
    kind: 'voucher',
    method: 'pse',
    merchantName: input.merchant.name,
    merchantNit: input.merchant.nit,
    uniqueCode: input.merchant.uniqueCode,
    terminalCode: input.merchant.terminalCode,
    transactionNumber: status.authRefNum ?? pse?.ticketId ?? status.orderId,
    dateTime: toBogotaIso(firstInstant(status.authDateTime, status.date) ?? input.now),
    currency: 'COP',
    total: status.amount,
    iva: 0,
    ivaRefundBase: 0,
    installments: 1,
    errorCode: status.actionCode === null ? '' : String(status.actionCode),
    authorizationResult: status.approvalCode ?? pse?.transactionStatus ?? '',
    responseDescription: status.actionCodeDescription ?? '',
    userIp: status.ip ?? '',
    cus: pse?.cus ?? status.pse?.cus ?? null,
    bankName: input.bankName ?? pse?.bankName ?? null,
    reference: input.payment.reference,
    concept: input.obligation?.concept || 'PAGO',
    obligationDocument: input.obligation?.document || '-',
    payerIdMasked: maskPayerId(input.payment.payerIdTail),
    copy: false,
  };
  return voucherDataSchema.parse(document);
}

export function voucherFieldsOf(document: VoucherData): VoucherFields {
  return {
    merchantName: document.merchantName,
    merchantNit: document.merchantNit,
    uniqueCode: document.uniqueCode,
    terminal: document.terminalCode,
    transactionNumber: document.transactionNumber,
    // The one date-time format of the screens (main/domain/date-time.ts), not the seed portal's raw ISO.
    dateTime: formatDateTime(document.dateTime),
    currency: 'COP',
    total: document.total,
    iva: document.iva,
    ivaRefundBase: document.ivaRefundBase,
    installments: String(document.installments).padStart(3, '0'),
    errorCode: document.errorCode,
    authorizationResult: document.authorizationResult,
    responseDescription: document.responseDescription,
    userIp: document.userIp,
    cus: document.cus ?? '',
    bankName: document.bankName ?? '',
    reference: document.reference,
    payerIdMasked: document.payerIdMasked,
  };
}

/** The voucher as the screen and the printer show it: Spanish labels, values formatted once. */
export function voucherLines(fields: VoucherFields): { label: string; value: string }[] {
  return [
    { label: 'Comercio', value: fields.merchantName },
    { label: 'NIT', value: fields.merchantNit },
    { label: 'Código Único', value: fields.uniqueCode },
    { label: 'Terminal', value: fields.terminal },
    { label: '# Transacción', value: fields.transactionNumber },
    { label: 'Fecha y Hora', value: fields.dateTime },
    { label: 'Moneda', value: fields.currency },
    { label: 'Total', value: formatCop(fields.total) },
    { label: 'IVA', value: formatCop(fields.iva) },
    { label: 'Base devolución IVA', value: formatCop(fields.ivaRefundBase) },
    { label: 'Número de Cuotas', value: fields.installments },
    { label: 'Código de Error', value: fields.errorCode },
    { label: 'Resultado de la Autorización', value: fields.authorizationResult },
    { label: 'Descripción Respuesta', value: fields.responseDescription },
    { label: 'IP Usuario', value: fields.userIp },
    { label: 'CUS', value: fields.cus },
    { label: 'Banco', value: fields.bankName },
    { label: 'Referencia', value: fields.reference },
    { label: 'Identificación', value: fields.payerIdMasked },
  ];
}
