import type { PaymentRegistration } from '../central/schemas';
import type { PaymentsRepo } from '../db/payments-repo';
import type { Logger } from '../log/logger';
import type { IdSource } from '../runtime/clock';
import type { VoucherDocument } from '../printing/voucher-data';
import { PAYMENT_REGISTRATION, type OutboxPort } from '../central/outbox-kinds';

/** Queues a stored voucher's print inside the caller's transaction; returns the job id (null: no printer here). */
export type VoucherPrinter = (voucherId: string, document: VoucherDocument) => string | null;

export interface ApprovalDeps {
  repo: PaymentsRepo;
  outbox: OutboxPort;
  ids: IdSource;
  printVoucher?: VoucherPrinter;
  logger?: Logger;
}

export interface ApprovalInput {
  paymentId: string;
  obligationId: string;
  amount: number;
  idempotencyKey: string;
  /** Builds the voucher (PSE) or receipt (cash, card). May throw: the payment stands, the paper is a problem. */
  document: () => VoucherDocument;
  /** The central API's registration (`POST /v1/payments`), queued with the payment's idempotency key. */
  registration: PaymentRegistration;
  at: string;
}

export interface ApprovalOutcome {
  voucherId: string | null;
  jobId: string | null;
  /** Why no paper could be produced (English, for the status screen and logs); null when a job was queued. */
  printProblem: string | null;
}

/**
 * The one step that records an approved payment, for every method: the obligation's local balance, the voucher
 * or receipt and its print job, and the outbox item that registers it centrally. The caller has already written
 * the approved state (PSE: the state machine's transition; desk: the insert with its receipt number) and runs
 * this inside the same transaction, so the five writes commit together or not at all.
 *
 * Recording money never depends on paper: a document that cannot be built or queued is logged and returned as
 * `printProblem`, and the payment, balance and registration are written all the same.
 */
export function recordApproval(deps: ApprovalDeps, input: ApprovalInput): ApprovalOutcome {
  const { repo, logger } = deps;
  if (!repo.applyToObligation(input.obligationId, input.amount, input.at)) {
    logger?.error({ paymentId: input.paymentId }, 'approved payment of an obligation missing locally');
  }
  const paper = producePaper(deps, input);
  deps.outbox.enqueue({ idempotencyKey: input.idempotencyKey, kind: PAYMENT_REGISTRATION, payload: input.registration, now: input.at });
  return paper;
}

function producePaper(deps: ApprovalDeps, input: ApprovalInput): ApprovalOutcome {
  let document: VoucherDocument;
  try {
    document = input.document();
  } catch (error) {
    const problem = `document could not be built: ${(error as Error).message.slice(0, 200)}`;
    deps.logger?.error({ paymentId: input.paymentId }, 'approved payment has no printable document');
    return { voucherId: null, jobId: null, printProblem: problem };
  }
  const voucherId = deps.ids.uuid();
  if (!deps.repo.insertVoucher(voucherId, input.paymentId, document, input.at)) {
    return { voucherId: deps.repo.voucher(input.paymentId)?.id ?? null, jobId: null, printProblem: null };
  }
  try {
    return { voucherId, jobId: deps.printVoucher?.(voucherId, document) ?? null, printProblem: null };
  } catch (error) {
    deps.logger?.error({ paymentId: input.paymentId }, 'print job of an approved payment could not be queued');
    return { voucherId, jobId: null, printProblem: `print job not queued: ${(error as Error).message.slice(0, 200)}` };
  }
}
