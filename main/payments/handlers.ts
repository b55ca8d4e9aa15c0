import type { KioskApiHandlers } from '../api/contract';
import type { CallContext } from '../api/dispatcher';
import type { PsePayer } from './gateway';
import type { PaymentService, PaymentSubject } from './service';

/** What the payment methods need to know about the signed-in person (from the session guard). */
export interface PaymentSession {
  subject: PaymentSubject;
  /** Prefill of the PSE payer; the person may change the name, e-mail and phone, never the document. */
  payer: PsePayer;
}
export type PaymentSessionResolver = (ctx: CallContext) => PaymentSession;

/**
 * The payer a session stands for: an afiliado pays as a natural person with the cédula (CC); an empresa as a
 * jurídica with its NIT, sent without the check digit (the usual PSE form; *unconfirmed* for Credibanco).
 * The phone is the one the sign-in code went to (the central API gives it once the code is right), if any.
 */
export function payerFor(subject: PaymentSubject, person: { fullName: string; email: string; phone?: string }): PsePayer {
  const company = subject.subjectType === 'company';
  return {
    docType: company ? 'NIT' : 'CC',
    docNumber: company ? (subject.subjectId.split('-')[0] ?? subject.subjectId) : subject.subjectId,
    personType: company ? 'juridica' : 'natural',
    fullName: person.fullName,
    email: person.email,
    phone: person.phone ?? '',
  };
}

type PaymentMethods = 'payments.banks' | 'payments.quote' | 'payments.start' | 'payments.result' | 'payments.history' | 'payments.voucher';

export function createPaymentHandlers(
  service: PaymentService,
  sessionOf: PaymentSessionResolver,
): Pick<KioskApiHandlers<CallContext>, PaymentMethods> {
  return {
    'payments.banks': async () => service.banks(),
    'payments.quote': async (input, ctx) => {
      const session = sessionOf(ctx);
      return {
        ...service.quote(input.obligationId, session.subject),
        payer: { ...session.payer, editable: ['fullName', 'email', 'phone'] },
      };
    },
    'payments.start': async (input, ctx) => {
      const session = sessionOf(ctx);
      const choice = input.amount.kind === 'other' ? { other: input.amount.pesos } : input.amount.kind;
      return service.start({
        requestId: input.requestId,
        obligationId: input.obligationId,
        choice,
        bankCode: input.bankCode,
        subject: session.subject,
        payer: { ...session.payer, fullName: input.payer.fullName, email: input.payer.email, phone: input.payer.phone },
      });
    },
    'payments.result': async (input, ctx) => service.result(input.reference, sessionOf(ctx).subject),
    'payments.history': async (input, ctx) => service.history(sessionOf(ctx).subject, input.limit),
    'payments.voucher': async (input, ctx) => service.voucher(input.paymentId, sessionOf(ctx).subject),
  };
}

/**
 * The terminal-wide views: the count of unresolved PSE payments (public, for the status screen) and the
 * Historial (access `supervisor`, enforced by the dispatcher).
 */
export function createSupervisorPaymentHandlers(
  service: PaymentService,
): Pick<KioskApiHandlers<CallContext>, 'payments.terminalHistory' | 'payments.terminalVoucher' | 'payments.unresolved'> {
  return {
    'payments.unresolved': async () => service.unresolved(),
    'payments.terminalHistory': async (input) => service.terminalHistory(input.limit),
    'payments.terminalVoucher': async (input) => service.terminalVoucher(input.paymentId),
  };
}
