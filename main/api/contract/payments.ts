import { z } from 'zod';
import { defineMethod } from './define';
import { obligationViewSchema } from './data';
import { normalizePayer, payerProblems } from '../../domain/payer';
import { paymentStates } from '../../domain/payment-record';

/**
 * PSE payments of a signed-in person (afiliado or empresa). Who pays, and the prefilled payer data, come from
 * the session; the screen sends only what the person chose or corrected. Texts that are facts for the person
 * (ACH's pending text, amount rules, the bank list failure) arrive ready in Spanish in `details.text` of an
 * error or in the output; everything else the renderer maps by error code. `payments.start` while the terminal is
 * offline: UNAVAILABLE `OFFLINE` (the person keeps seeing the local copy, but PSE needs the link).
 */
const pesos = z.number().int().nonnegative();

// Every object level is strict: a key the contract does not know is refused, never silently dropped.
export const amountChoiceInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('installment') }).strict(),
  z.object({ kind: z.literal('balance') }).strict(),
  // Checked by the amount rules (whole pesos, minimum, saldo) so the person gets the precise Spanish reason.
  z.object({ kind: z.literal('other'), pesos: z.number().finite() }).strict(),
]);

/** The payer's rules live once, in main/domain/payer.ts (the PSE step marks its fields with the same rules). */
export const payerEditsInput = z
  .object({ fullName: z.string().max(400), email: z.string().max(400), phone: z.string().max(40) })
  .strict()
  .transform(normalizePayer)
  .superRefine((payer, ctx) => {
    // English in the error (it may reach a log); the screen maps the field to the domain's Spanish text.
    for (const field of Object.keys(payerProblems(payer))) {
      ctx.addIssue({ code: 'custom', path: [field], message: `${field} breaks the payer rules` });
    }
  });

/** `voided`: a desk payment (cash, card) a supervisor voided; PSE payments never reach it. */
export const paymentOutcome = z.enum(['inProgress', 'pending', 'approved', 'rejected', 'failed', 'expired', 'voided']);
/** The payment's state as stored (main/domain/payment-record.ts holds the list once). */
export const paymentStateOutput = z.enum(paymentStates);

export const paymentSummary = z.object({
  paymentId: z.string(),
  method: z.enum(['pse', 'cash', 'card']),
  /** The desk's *recibo de caja* number; null for PSE. */
  receiptNumber: z.string().nullable(),
  reference: z.string(),
  state: paymentStateOutput,
  outcome: paymentOutcome,
  amount: pesos,
  document: z.string(),
  concept: z.string(),
  cus: z.string().nullable(),
  bankName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  voucherAvailable: z.boolean(),
});

export const payerOutput = z.object({
  docType: z.enum(['CC', 'CE', 'TI', 'PP', 'NIT']),
  docNumber: z.string(),
  personType: z.enum(['natural', 'juridica']),
  fullName: z.string(),
  email: z.string(),
  phone: z.string(),
  editable: z.array(z.enum(['fullName', 'email', 'phone'])),
});

export const voucherOutput = z.object({
  paymentId: z.string(),
  /** For printing.reprint (Imprimir / Reimprimir). */
  voucherId: z.string(),
  /** The print job queued with the voucher when the payment was approved (null: none, e.g. no thermal printer). */
  printJobId: z.string().nullable(),
  reference: z.string(),
  title: z.string(),
  processor: z.string(),
  legalText: z.string(),
  fields: z.object({
    merchantName: z.string(),
    merchantNit: z.string(),
    uniqueCode: z.string(),
    terminal: z.string(),
    transactionNumber: z.string(),
    dateTime: z.string(),
    currency: z.literal('COP'),
    total: pesos,
    iva: pesos,
    ivaRefundBase: pesos,
    installments: z.string(),
    errorCode: z.string(),
    authorizationResult: z.string(),
    responseDescription: z.string(),
    userIp: z.string(),
    cus: z.string(),
    bankName: z.string(),
    reference: z.string(),
    /** Identificación as on paper: `****8901`. */
    payerIdMasked: z.string(),
  }),
  lines: z.array(z.object({ label: z.string(), value: z.string() })),
  createdAt: z.string(),
});

export const paymentsMethods = {
  'payments.banks': defineMethod({
    input: z.object({}).strict(),
    output: z.object({ banks: z.array(z.object({ code: z.string(), name: z.string() })), fetchedAt: z.string() }),
    access: 'person',
  }),
  'payments.quote': defineMethod({
    input: z.object({ obligationId: z.string().min(1).max(64) }).strict(),
    output: z.object({
      obligation: obligationViewSchema,
      options: z.object({
        installment: pesos.nullable(),
        balance: pesos,
        other: z.object({ min: pesos, max: pesos }).nullable(),
      }),
      payer: payerOutput,
      /** Set when ACH's rule forbids a new payment now: the screen shows `text` instead of PAGAR POR PSE. */
      blocked: z.object({ reference: z.string(), cus: z.string(), text: z.string() }).nullable(),
    }),
    access: 'person',
  }),
  'payments.start': defineMethod({
    input: z
      .object({
        /** Made once per Monto a Pagar screen: a double tap on PAGAR sends it twice and gets one payment. */
        requestId: z.uuid(),
        obligationId: z.string().min(1).max(64),
        amount: amountChoiceInput,
        bankCode: z.string().regex(/^\d{1,8}$/, 'bankCode must be the PSE code of a bank'),
        payer: payerEditsInput,
      })
      .strict(),
    output: z.object({ paymentId: z.string(), reference: z.string(), amount: pesos, redirectUrl: z.url() }),
    access: 'person',
  }),
  'payments.result': defineMethod({
    input: z.object({ reference: z.string().regex(/^[A-Z0-9-]{1,32}$/) }).strict(),
    output: paymentSummary.extend({
      /** ACH's wording, for a payment whose transaction is still pending. */
      pendingText: z.string().nullable(),
    }),
    access: 'person',
  }),
  'payments.history': defineMethod({
    input: z.object({ limit: z.number().int().min(1).max(50).default(20) }).strict(),
    output: z.object({ items: z.array(paymentSummary) }),
    access: 'person',
  }),
  /** For the status screen: how many PSE payments of this terminal await a final answer (no personal data). */
  'payments.unresolved': defineMethod({
    input: z.object({}).strict(),
    output: z.object({ count: z.number().int().nonnegative(), oldestAt: z.string().nullable() }),
    access: 'public',
  }),
  /**
   * Historial of the whole terminal: a supervisor (a cashier gets FORBIDDEN `SUPERVISOR_REQUIRED` unless a
   * supervisor authorised this call; a person, UNAUTHENTICATED).
   */
  'payments.terminalHistory': defineMethod({
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.object({ items: z.array(paymentSummary) }),
    access: 'supervisor',
  }),
  'payments.terminalVoucher': defineMethod({
    input: z.object({ paymentId: z.string().min(1).max(64) }).strict(),
    output: voucherOutput,
    access: 'supervisor',
  }),
  /** The signed-in person's own voucher; another person's payment id answers NOT_FOUND (existence is not revealed). */
  'payments.voucher': defineMethod({
    input: z.object({ paymentId: z.string().min(1).max(64) }).strict(),
    output: voucherOutput,
    access: 'person',
  }),
};
