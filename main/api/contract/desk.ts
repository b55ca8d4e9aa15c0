import { z } from 'zod';
import { cedulaSchema, nitAnySpellingSchema, studentIdSchema } from '../../domain/identifiers-schema';
import { defineMethod } from './define';
import { obligationAnswerSchema, obligationViewSchema } from './data';
import { amountChoiceInput, payerOutput, voucherOutput } from './payments';

/**
 * The cashier desk (`--role desk`): a signed-in operator takes payments for afiliados and empresas in cash, on the
 * sede's standalone datáfono, or by PSE on the person's behalf, inside a shift (*turno*), online or offline.
 *
 * Access: `operator` methods need a signed-in, unlocked operator (cashier or supervisor); `supervisor` methods need
 * a signed-in supervisor, or a cashier holding a one-call *autorización de supervisor* for that very method
 * (`auth.authorizeSupervisor({username, pin, method})`). The dispatcher alone enforces both.
 *
 * Refusals (ApiError `details.reason`), beyond VALIDATION / UNAUTHENTICATED / FORBIDDEN of the dispatcher:
 * - CONFLICT `NO_OPEN_SHIFT` (a payment, void or close needs the open shift), `SHIFT_ALREADY_OPEN` (`shiftId`),
 *   `SHIFT_OF_ANOTHER_OPERATOR` (the terminal's open shift belongs to someone else: `operatorName`),
 *   `CLOSE_NEEDS_SUPERVISOR` (`difference`, `unregistered`: call `desk.closeShiftAuthorized` instead),
 *   `PSE_PENDING` (`text`: ACH's wording), `ALREADY_VOIDED`, `NOT_VOIDABLE` (`why`: `PSE` | `OTHER_SHIFT`),
 *   `BALANCE_CHANGED` (the obligation no longer has that balance locally: quote again),
 *   `REQUEST_REUSED` (a requestId sent again with different input).
 * - VALIDATION `AMOUNT` (`amountReason`, `text`: the kiosk's amount rules in Spanish), `CASH_SHORT` (received
 *   below the amount), `CARD` (`field`: which datáfono field is wrong).
 * - VALIDATION `NIT_CHECK_DIGIT`, `NIT_FORMAT` (`desk.lookup`: the NIT as typed).
 * - NOT_FOUND `OBLIGATION`, `PAYMENT`, `SHIFT`, `CONFLICT_ITEM`.
 * - UNAVAILABLE `OFFLINE` (PSE needs the central link and the gateway: cash and card still work; `desk.lookup` with
 *   `source: 'live'` when the central API does not answer),
 *   `NO_LOCAL_COPY` (offline and no synced copy yet).
 *
 * Every payment method writes the payment, its receipt number, the obligation's local balance, the receipt and
 * its print job and the central registration (outbox) in one transaction: once a pay method answers, the payment
 * exists even if the printer or the link fail. `printProblem` says when the paper could not be produced.
 */

const pesos = z.number().int().nonnegative();
const positivePesos = z.number().int().positive();
const iso = z.string();
const noInput = z.object({}).strict();
const id = z.string().min(1).max(64);

/** Made once per screen action: a double click sends it twice and gets one shift, one payment, one void. */
const requestId = z.uuid();

export const deskMethodSchema = z.enum(['cash', 'card', 'pse']);

export const shiftView = z.object({
  shiftId: z.string(),
  state: z.enum(['open', 'closed']),
  operatorUsername: z.string(),
  operatorName: z.string(),
  openedAt: iso,
  closedAt: iso.nullable(),
  openingFloat: pesos,
  /** Running totals of the shift's payments that stand (voided ones excluded). */
  totals: z.array(z.object({ method: deskMethodSchema, count: z.number().int().nonnegative(), amount: pesos })),
  voidedCount: z.number().int().nonnegative(),
  /** Cash the drawer should hold now: opening float + cash payments that stand. */
  expectedCash: pesos,
});

/** A denomination of COP bills and coins and how many were counted. */
export const denominationCount = z.object({
  value: z.union([
    z.literal(100_000),
    z.literal(50_000),
    z.literal(20_000),
    z.literal(10_000),
    z.literal(5_000),
    z.literal(2_000),
    z.literal(1_000),
    z.literal(500),
    z.literal(200),
    z.literal(100),
    z.literal(50),
  ]),
  count: z.number().int().min(0).max(100_000),
});

export const closeShiftInput = z
  .object({
    requestId,
    /** Cash counted in the drawer. When `denominations` is given it must add up to this. */
    countedCash: pesos,
    denominations: z.array(denominationCount).max(11).optional(),
    /** Free text of the cashier or supervisor, printed on the report. */
    note: z.string().trim().max(200).optional(),
  })
  .strict();

export const shiftReport = z.object({
  shift: shiftView,
  countedCash: pesos.nullable(),
  denominations: z.array(denominationCount).nullable(),
  /** countedCash − expectedCash (null while open). */
  difference: z.number().int().nullable(),
  /** The supervisor who authorised the close (a difference, or payments not yet registered centrally). */
  authorizedBy: z.string().nullable(),
  /** Payments of the shift the central API has not confirmed yet; non-zero at close needs the supervisor. */
  unregisteredCount: z.number().int().nonnegative(),
  unregisteredAcknowledged: z.boolean(),
  /** Receipt numbers of the shift, first and last; the totals equal the sum of these receipts. */
  receipts: z.object({ first: z.string().nullable(), last: z.string().nullable(), count: z.number().int().nonnegative() }),
  conflicts: z.array(z.object({ conflictId: z.string(), paymentId: z.string(), receiptNumber: z.string().nullable(), amount: pesos })),
  note: z.string().nullable(),
  /** The printed *cierre de caja*; null while open. */
  jobId: z.string().nullable(),
  printProblem: z.string().nullable(),
});

/**
 * Where Buscar's answer comes from. `local`: the terminal's copy, at once, with its age (UNAVAILABLE
 * `NO_LOCAL_COPY` before the first sync). `live`: the central API only (UNAVAILABLE `OFFLINE` when it does not
 * answer in time; the screen keeps the local answer). Absent: live, else the copy, in one call.
 */
export const lookupSource = z.enum(['local', 'live']);

export const personLookupInput = z.discriminatedUnion('by', [
  z.object({ by: z.literal('cedula'), value: cedulaSchema, source: lookupSource.optional() }).strict(),
  /**
   * With or without the check digit, with a dash, dots or spaces (`900123456`, `900.123.456-8`): handed to the
   * handler as `base-checkDigit`; a wrong check digit is VALIDATION `NIT_CHECK_DIGIT`, not a NIT `NIT_FORMAT`.
   */
  z.object({ by: z.literal('nit'), value: nitAnySpellingSchema, source: lookupSource.optional() }).strict(),
  z.object({ by: z.literal('student'), value: studentIdSchema, source: lookupSource.optional() }).strict(),
]);

/**
 * Whom Buscar found. `id` as the core looked it up (a NIT as `base-checkDigit`; the PSE payer is prefilled from
 * it); `masked` is what a screen shows of it (`****8901`); `name` the person's, empresa's or alumno's name as one
 * field, or null when the central API has not told this terminal yet (a local answer for someone never found live).
 */
export const lookupOwner = z.object({
  by: z.enum(['cedula', 'nit', 'student']),
  id: z.string(),
  masked: z.string(),
  name: z.string().nullable(),
});

export const methodAvailability = z.object({
  available: z.boolean(),
  /** Why not: `OFFLINE` (PSE needs the link), `PSE_PENDING` (ACH's rule), `NOTHING_TO_PAY`. */
  reason: z.enum(['OFFLINE', 'PSE_PENDING', 'NOTHING_TO_PAY']).nullable(),
});

export const deskQuoteOutput = z.object({
  obligation: obligationViewSchema,
  /** The kiosk's amount rules (cuota, saldo, otro valor). */
  options: z.object({
    installment: pesos.nullable(),
    balance: pesos,
    other: z.object({ min: pesos, max: pesos }).nullable(),
  }),
  methods: z.object({ cash: methodAvailability, card: methodAvailability, pse: methodAvailability }),
  /** ACH's pending text when a PSE payment of this obligation is still pending (nothing may be paid then). */
  blocked: z.object({ reference: z.string(), cus: z.string(), text: z.string() }).nullable(),
  /** Where the balance comes from and its age. */
  source: z.enum(['live', 'local']),
  ageSeconds: z.number().int().nonnegative(),
});

export const cardFranchise = z.enum(['VISA', 'MASTERCARD', 'AMEX', 'DINERS', 'MAESTRO', 'OTHER']);

export const cardSlipInput = z
  .object({
    franchise: cardFranchise,
    last4: z.string().regex(/^\d{4}$/, 'last4 must be 4 digits'),
    /** The approval code printed by the datáfono: 4 to 8 letters or digits. */
    authorizationCode: z.string().regex(/^[A-Za-z0-9]{4,8}$/, 'authorizationCode must be 4 to 8 letters or digits'),
    /** The datáfono's own receipt number (optional). */
    terminalReference: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,20}$/)
      .optional(),
  })
  .strict();

export const deskPaymentOutput = z.object({
  paymentId: z.string(),
  receiptNumber: z.string(),
  method: z.enum(['cash', 'card']),
  amount: positivePesos,
  cashReceived: pesos.nullable(),
  change: pesos.nullable(),
  shiftId: z.string(),
  /** The receipt's print job (null when the receipt could not be laid out: see printProblem). */
  jobId: z.string().nullable(),
  printProblem: z.string().nullable(),
  /** True when a drawer kick was queued (cash only). */
  drawerOpened: z.boolean(),
  /** The obligation's local balance after the payment. */
  balanceAfter: pesos,
  createdAt: iso,
});

export const deskPaymentItem = z.object({
  paymentId: z.string(),
  method: deskMethodSchema,
  receiptNumber: z.string().nullable(),
  reference: z.string(),
  amount: positivePesos,
  document: z.string(),
  concept: z.string(),
  state: z.enum(['approved', 'voided', 'pending', 'inProgress', 'rejected', 'failed', 'expired']),
  /** Central registration: `pending` (in the outbox), `registered`, `conflict` (set aside), `cancelled` (voided before sent). */
  central: z.enum(['pending', 'registered', 'conflict', 'cancelled']),
  operatorName: z.string(),
  createdAt: iso,
  voidable: z.boolean(),
});

export const conflictItem = z.object({
  conflictId: z.string(),
  paymentId: z.string(),
  receiptNumber: z.string().nullable(),
  shiftId: z.string().nullable(),
  obligationId: z.string(),
  /** What this terminal took. */
  local: z.object({ amount: positivePesos, method: deskMethodSchema, takenAt: iso, balanceBefore: pesos }),
  /** What the central API answered (its balance when it refused). */
  central: z.object({ code: z.string(), balance: pesos.nullable(), message: z.string() }),
  detectedAt: iso,
  resolution: z.object({ by: z.string(), note: z.string(), at: iso }).nullable(),
});

export const pseStartInput = z
  .object({
    requestId,
    obligationId: id,
    amount: amountChoiceInput,
    bankCode: z.string().regex(/^\d{1,8}$/, 'bankCode must be the PSE code of a bank'),
    /** The payer as the cashier confirmed it with the person at the desk. */
    payer: z
      .object({
        docType: payerOutput.shape.docType,
        docNumber: z.string().regex(/^\d{5,12}$/),
        personType: payerOutput.shape.personType,
        fullName: z
          .string()
          .trim()
          .min(3)
          .max(80)
          .refine((v) => !/["|]/.test(v), 'fullName must not contain | or "'),
        email: z.email().max(120),
        phone: z.string().regex(/^\d{10}$/, 'phone must be 10 digits'),
      })
      .strict(),
  })
  .strict();

export const deskMethods = {
  /** The terminal's open shift, if any (whoever opened it). */
  'desk.currentShift': defineMethod({ input: noInput, output: z.object({ shift: shiftView.nullable() }), access: 'operator' }),
  /** *Abrir turno* with the opening float (base). One open shift per terminal. */
  'desk.openShift': defineMethod({
    input: z.object({ requestId, openingFloat: pesos }).strict(),
    output: shiftView,
    access: 'operator',
  }),
  /** What closing with this count would give, without closing: expected, difference, whether a supervisor is needed. */
  'desk.previewClose': defineMethod({
    input: z.object({ countedCash: pesos, denominations: z.array(denominationCount).max(11).optional() }).strict(),
    output: z.object({
      expectedCash: pesos,
      difference: z.number().int(),
      unregisteredCount: z.number().int().nonnegative(),
      needsSupervisor: z.boolean(),
      totals: shiftView.shape.totals,
    }),
    access: 'operator',
  }),
  /** *Cerrar turno*: refused with CONFLICT `CLOSE_NEEDS_SUPERVISOR` when the count differs or payments are unregistered. */
  'desk.closeShift': defineMethod({ input: closeShiftInput, output: shiftReport, access: 'operator' }),
  /** The same close, with the supervisor's authorisation: accepts the difference and acknowledges unregistered payments. */
  'desk.closeShiftAuthorized': defineMethod({ input: closeShiftInput, output: shiftReport, access: 'supervisor' }),
  /** The report of a shift (the open one when no id): totals, count, difference, conflicts. */
  'desk.shiftReport': defineMethod({ input: z.object({ shiftId: id.optional() }).strict(), output: shiftReport, access: 'operator' }),
  /** Reprint the *cierre de caja* of a closed shift (COPIA). */
  'desk.reprintShiftClose': defineMethod({
    input: z.object({ shiftId: id }).strict(),
    output: z.object({ jobId: z.string(), copy: z.boolean() }),
    access: 'operator',
  }),

  /**
   * *Buscar*: the person's credits and enrollment slips and whom they belong to. The desk asks `source: 'local'`
   * (at once, with the data's age) and then `source: 'live'` (the central API's answer replaces it when it comes).
   */
  'desk.lookup': defineMethod({
    input: personLookupInput,
    output: obligationAnswerSchema.extend({ owner: lookupOwner }),
    access: 'operator',
  }),
  /** *Cobrar*: amount options and which methods are available now (and why not). */
  'desk.quote': defineMethod({ input: z.object({ obligationId: id }).strict(), output: deskQuoteOutput, access: 'operator' }),
  /** *Efectivo*: amount received ≥ amount; the change is computed here; the drawer opens (printer kick). */
  'desk.payCash': defineMethod({
    input: z.object({ requestId, obligationId: id, amount: amountChoiceInput, received: pesos }).strict(),
    output: deskPaymentOutput,
    access: 'operator',
  }),
  /** *Datáfono*: a card payment approved on the sede's standalone terminal, typed from its slip. */
  'desk.payCard': defineMethod({
    input: z.object({ requestId, obligationId: id, amount: amountChoiceInput, card: cardSlipInput }).strict(),
    output: deskPaymentOutput,
    access: 'operator',
  }),
  /** PSE banks for a payment on the person's behalf (UNAVAILABLE `OFFLINE` when the link is down). */
  'desk.pseBanks': defineMethod({
    input: noInput,
    output: z.object({ banks: z.array(z.object({ code: z.string(), name: z.string() })), fetchedAt: iso }),
    access: 'operator',
  }),
  /**
   * PSE on the person's behalf: the kiosk's flow; the screen opens `redirectUrl`. Online only (UNAVAILABLE `OFFLINE`);
   * in the operator's open shift (CONFLICT `NO_OPEN_SHIFT`, `SHIFT_OF_ANOTHER_OPERATOR`), which it then belongs to.
   */
  'desk.pseStart': defineMethod({
    input: pseStartInput,
    output: z.object({ paymentId: z.string(), reference: z.string(), amount: positivePesos, redirectUrl: z.url() }),
    access: 'operator',
  }),
  /** The state of a PSE payment started at this desk (same outcomes as `payments.result`). */
  'desk.pseResult': defineMethod({
    input: z.object({ paymentId: id }).strict(),
    output: z.object({
      paymentId: z.string(),
      reference: z.string(),
      outcome: z.enum(['inProgress', 'pending', 'approved', 'rejected', 'failed', 'expired']),
      pendingText: z.string().nullable(),
      voucherAvailable: z.boolean(),
    }),
    access: 'operator',
  }),

  /** The shift's payments (the open shift when no id), newest first. */
  'desk.shiftPayments': defineMethod({
    input: z.object({ shiftId: id.optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ items: z.array(deskPaymentItem) }),
    access: 'operator',
  }),
  /** *Ver comprobante* of any payment of this terminal: the PSE voucher or the cash/card receipt. */
  'desk.receipt': defineMethod({ input: z.object({ paymentId: id }).strict(), output: voucherOutput, access: 'operator' }),
  /** *Reimprimir*: the receipt again, as COPIA once the original printed. */
  'desk.reprint': defineMethod({
    input: z.object({ paymentId: id }).strict(),
    output: z.object({ jobId: z.string(), copy: z.boolean() }),
    access: 'operator',
  }),
  /** *Anular*: a cash or card payment of the open shift, with a reason; an ANULADO slip prints. PSE is not voidable. */
  'desk.void': defineMethod({
    input: z.object({ requestId, paymentId: id, reason: z.string().trim().min(5).max(200) }).strict(),
    output: z.object({
      paymentId: z.string(),
      receiptNumber: z.string(),
      /** `cancelled`: the registration had not left yet and will not; `queued`: a void goes to the central API. */
      central: z.enum(['cancelled', 'queued']),
      balanceAfter: pesos,
      jobId: z.string().nullable(),
      printProblem: z.string().nullable(),
      voidedAt: iso,
    }),
    access: 'supervisor',
  }),
  /** *Conflictos*: payments taken offline the central API refused (paid or changed meanwhile), both sides shown. */
  'desk.conflicts': defineMethod({
    input: z.object({ includeResolved: z.boolean().default(false) }).strict(),
    output: z.object({ items: z.array(conflictItem) }),
    access: 'supervisor',
  }),
  /** The supervisor settles a conflict (refund given, or accepted as is) with a note. */
  'desk.resolveConflict': defineMethod({
    input: z.object({ conflictId: id, note: z.string().trim().min(5).max(200) }).strict(),
    output: conflictItem,
    access: 'supervisor',
  }),
};
