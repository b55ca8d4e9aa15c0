import { z } from 'zod';
import { pesosSchema } from '../domain/money-schema';
import { fitField } from './field-text';

/**
 * Every print document (voucher, receipt, shift close, test page): what the printer prints, as data.
 * Layouts turn these into ESC/POS bytes; the print queue stores them as the
 * job's payload; `vouchers.fields_json` holds a `voucherDocumentSchema` value so a voucher can be reprinted at
 * any time. Producers (payments, the cashier desk) map their records onto these shapes — nothing here knows
 * how a payment was taken.
 */

/** ISO 8601 with an offset, e.g. `2020-04-25T11:03:33-05:00`; printed in the terminal's time (America/Bogota). */
const instantSchema = z.iso.datetime({ offset: true });

/** A payer's identification as it may appear on paper: masked, at most its last four digits shown. */
export const maskedIdSchema = z.string().regex(/^\*{2,}[0-9A-Za-z]{0,4}$/, 'must be masked, e.g. ****8901 (at most 4 characters shown)');

/**
 * Text fields take any string and keep it as one field of at most `max` characters (`field-text.ts`: control
 * sequences removed whole, breaks and marks made spaces, cut with `…`), so no value from outside can make a
 * document fail — a voucher is built inside the transaction that records an approved payment. A required
 * field left empty by that prints `-`.
 */
const printableText = (max: number) => z.string().transform((v) => fitField(v, max));
const required = (max: number) => z.string().transform((v) => fitField(v, max) || '-');
const optionalText = (max: number) =>
  z
    .string()
    .nullable()
    .transform((v) => (v === null ? null : fitField(v, max) || null));
/** Our own payment reference: never from outside, so it is checked, not adapted (it is also the QR's key field). */
const referenceSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[\x20-\x7e]+$/, 'reference must be printable ASCII');

export const paymentMethodSchema = z.enum(['pse', 'cash', 'card']);
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

/**
 * The Credibanco-style voucher of the seed (*Resultado de la Transacción - Voucher*), every field of it, plus
 * what a sede needs to find the payment again: CUS, bank, reference, concept and obligation document.
 */
export const voucherDataSchema = z.object({
  kind: z.literal('voucher'),
  method: paymentMethodSchema,
  /** Comercio, NIT, Código Único and Terminal are the merchant's configuration (config.merchant). */
  merchantName: required(120),
  merchantNit: required(20),
  uniqueCode: required(20),
  terminalCode: required(20),
  /** # Transacción: the gateway's transaction (order) number. */
  transactionNumber: required(40),
  /** Fecha y Hora of the authorization. */
  dateTime: instantSchema,
  currency: z.literal('COP'),
  total: pesosSchema.refine((v) => v > 0, 'total must be above zero'),
  iva: pesosSchema,
  ivaRefundBase: pesosSchema,
  /** Número de Cuotas: printed with three digits (`001`). */
  installments: z.number().int().min(1).max(999),
  /** Código de Error, Resultado de la Autorización, Descripción Respuesta: as the gateway answered. */
  errorCode: printableText(20),
  authorizationResult: printableText(20),
  responseDescription: printableText(80),
  /** IP Usuario: may be empty (the seed's own voucher shows it empty). */
  userIp: printableText(45),
  /** CUS (ACH's traceability code) and bank: PSE only. */
  cus: optionalText(40),
  bankName: optionalText(80),
  /** Our payment reference (the order number sent to the gateway). */
  reference: referenceSchema,
  /** What was paid: e.g. `CREDITO POR LIBRANZAS` and its document `LI- 38`. */
  concept: required(80),
  obligationDocument: required(40),
  payerIdMasked: maskedIdSchema,
  /** A reprint: the paper says COPIA. */
  copy: z.boolean().default(false),
});
export type VoucherData = z.infer<typeof voucherDataSchema>;
export type VoucherInput = z.input<typeof voucherDataSchema>;

/** The cashier's receipt for a payment taken at the desk in cash or on the datáfono. */
export const receiptDataSchema = z
  .object({
    kind: z.literal('receipt'),
    method: z.enum(['cash', 'card']),
    merchantName: required(120),
    merchantNit: required(20),
    siteName: required(80),
    terminalId: required(32),
    receiptNumber: required(40),
    dateTime: instantSchema,
    /** Cajero: the operator's display name (never a PIN or a user id). */
    operatorName: required(60),
    shiftId: optionalText(40),
    reference: referenceSchema,
    concept: required(80),
    obligationDocument: required(40),
    payerName: optionalText(80),
    payerIdMasked: maskedIdSchema,
    amount: pesosSchema.refine((v) => v > 0, 'amount must be above zero'),
    /** Cash: what the person handed over and the change given. */
    cashReceived: pesosSchema.nullable(),
    change: pesosSchema.nullable(),
    /** Datáfono: the terminal's approval code and reference, and the card's last four digits. */
    cardAuthorizationCode: optionalText(20),
    cardReference: optionalText(40),
    cardLast4: z
      .string()
      .regex(/^\d{4}$/)
      .nullable(),
    /** Cash: the printer's drawer kick goes with the original (never with a COPIA). */
    openDrawer: z.boolean().default(false),
    copy: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    if (r.method === 'cash') {
      if (r.cashReceived === null || r.change === null) {
        ctx.addIssue({ code: 'custom', path: ['cashReceived'], message: 'a cash receipt needs cashReceived and change' });
      } else if (r.cashReceived - r.change !== r.amount) {
        ctx.addIssue({ code: 'custom', path: ['change'], message: 'cashReceived - change must equal amount' });
      }
    } else if (!r.cardAuthorizationCode) {
      ctx.addIssue({ code: 'custom', path: ['cardAuthorizationCode'], message: 'a card receipt needs the authorization code' });
    }
  });
export type ReceiptData = z.infer<typeof receiptDataSchema>;
export type ReceiptInput = z.input<typeof receiptDataSchema>;

const methodTotalSchema = z.object({
  method: paymentMethodSchema,
  count: z.number().int().min(0),
  amount: pesosSchema,
});

/** The shift-close report (cierre de turno) printed at the desk. */
export const shiftCloseDataSchema = z
  .object({
    kind: z.literal('shiftClose'),
    merchantName: required(120),
    siteName: required(80),
    terminalId: required(32),
    shiftId: required(40),
    operatorName: required(60),
    openedAt: instantSchema,
    closedAt: instantSchema,
    openingCash: pesosSchema,
    totals: z.array(methodTotalSchema).max(3),
    /** Cash the drawer should hold (opening + cash taken) and what was counted; difference = counted − expected. */
    expectedCash: pesosSchema,
    countedCash: pesosSchema,
    difference: z.number().int().safe(),
    /** The supervisor who authorised the close, by display name. */
    authorizedBy: optionalText(60),
    /** Payments not yet registered centrally at the close (acknowledged by the supervisor) and conflicts set aside. */
    unregisteredCount: z.number().int().min(0).default(0),
    conflictCount: z.number().int().min(0).default(0),
    voidedCount: z.number().int().min(0).default(0),
    receiptRange: z.string().max(90).nullable().default(null),
    copy: z.boolean().default(false),
  })
  .refine((s) => s.countedCash - s.expectedCash === s.difference, {
    path: ['difference'],
    message: 'difference must equal countedCash - expectedCash',
  });
export type ShiftCloseData = z.infer<typeof shiftCloseDataSchema>;
export type ShiftCloseInput = z.input<typeof shiftCloseDataSchema>;

/** *ANULADO*: the slip a void prints at the desk, naming the receipt it cancels. */
export const voidSlipDataSchema = z.object({
  kind: z.literal('voidSlip'),
  merchantName: required(120),
  siteName: required(80),
  terminalId: required(32),
  receiptNumber: required(40),
  method: z.enum(['cash', 'card']),
  amount: pesosSchema.refine((v) => v > 0, 'amount must be above zero'),
  paidAt: instantSchema,
  voidedAt: instantSchema,
  reason: required(200),
  operatorName: required(60),
  supervisorName: required(60),
  shiftId: required(40),
  copy: z.boolean().default(false),
});
export type VoidSlipData = z.infer<typeof voidSlipDataSchema>;

/** *Imprimir prueba*: proves the printer, the code page and the cutter from the status screen. */
export const testPageDataSchema = z.object({
  kind: z.literal('testPage'),
  siteName: required(80),
  terminalId: required(32),
  printedAt: instantSchema,
  interfaceLabel: printableText(120),
});
export type TestPageData = z.infer<typeof testPageDataSchema>;

/** Everything the queue can print; `kind` tells which layout. */
export const printDocumentSchema = z.union([
  voucherDataSchema,
  receiptDataSchema,
  shiftCloseDataSchema,
  testPageDataSchema,
  voidSlipDataSchema,
]);
export type PrintDocument = z.infer<typeof printDocumentSchema>;
export type PrintDocumentKind = PrintDocument['kind'];

/** What `vouchers.fields_json` must hold: the voucher (PSE) or the desk's receipt (cash, datáfono). */
export const voucherDocumentSchema = z.union([voucherDataSchema, receiptDataSchema]);
export type VoucherDocument = z.infer<typeof voucherDocumentSchema>;
