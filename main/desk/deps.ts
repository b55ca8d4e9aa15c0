import type { Config } from '../config/schema';
import type { OutboxPort } from '../central/outbox-kinds';
import type { DeskRepo } from '../db/desk-repo';
import type { OutboxRepo } from '../db/outbox-repo';
import type { PaymentsRepo } from '../db/payments-repo';
import type { Logger } from '../log/logger';
import type { PrintDocument, VoucherDocument } from '../printing/documents';
import type { Clock, IdSource } from '../runtime/clock';

/** Who is at the desk: the signed-in operator (cashier or supervisor). */
export interface DeskOperator {
  username: string;
  displayName: string;
}

/** The print queue as the desk uses it (main/printing/service.ts), called inside the desk's transactions. */
export interface DeskPrinter {
  enqueueVoucher(voucherId: string, document: VoucherDocument): string | null;
  enqueueDocument(document: PrintDocument): string | null;
  reprint(voucherId: string): { jobId: string; copy: boolean };
  /** A document that could not be built: a failed job with reason `invalid-document`, shown on the status screen. */
  recordUnbuilt(kind: PrintDocument['kind'], problem: string): string;
}

export interface DeskDeps {
  payments: PaymentsRepo;
  desk: DeskRepo;
  /** For withdrawing a registration that never left, and reading where an item stands. */
  outboxRepo: OutboxRepo;
  outbox: OutboxPort;
  print: DeskPrinter;
  clock: Clock;
  ids: IdSource;
  logger: Logger;
  config: Pick<Config, 'merchant' | 'site' | 'terminal' | 'rules' | 'desk' | 'retention'>;
}

/** Queues a document for printing without ever throwing: a problem comes back as text, the caller records it. */
export function printSafely(
  print: DeskPrinter,
  logger: Logger,
  build: () => PrintDocument,
): { jobId: string | null; problem: string | null } {
  let document: PrintDocument;
  try {
    document = build();
  } catch (error) {
    logger.error({ reason: (error as Error).name }, 'desk document could not be built');
    return { jobId: null, problem: `document could not be built: ${(error as Error).message.slice(0, 200)}` };
  }
  try {
    return { jobId: print.enqueueDocument(document), problem: null };
  } catch (error) {
    logger.error({ kind: document.kind }, 'desk document could not be queued');
    return { jobId: null, problem: `print job not queued: ${(error as Error).message.slice(0, 200)}` };
  }
}
