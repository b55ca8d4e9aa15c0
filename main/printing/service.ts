import type { Config } from '../config/schema';
import type { Logger } from '../log/logger';
import type { PrintJobRow, PrintJobsRepo } from '../db/print-jobs-repo';
import type { Clock, IdSource } from '../runtime/clock';
import { ApiError } from '../api/errors';
import { createTransport } from './adapters';
import { describeFailure, PrintError, reasonOf, type PrintFailureReason } from './errors';
import { renderDocument } from './layouts';
import type { PrinterTransport, ProbeResult } from './transport';
import { createPrintWorker, defaultRetryPolicy, type AttemptOutcome, type RetryPolicy } from './worker';
import { printDocumentSchema, voucherDocumentSchema, type PrintDocument, type PrintDocumentKind, type VoucherDocument } from './documents';

export interface PrintServiceDeps {
  repo: PrintJobsRepo;
  printer: Config['printer'];
  terminal: { id: string; siteName: string };
  /** Key of the vouchers' QR check value (see qr.ts: deriveQrKey). */
  qrKey: Buffer;
  clock: Clock;
  ids: IdSource;
  logger: Logger;
  /** Tests may hand in a transport; otherwise one is made from `printer.interface`. */
  transport?: PrinterTransport | null;
  retry?: Partial<RetryPolicy>;
  /** How long a probe result is reused by status(), so a status screen polling does not flood the printer. */
  probeCacheMs?: number;
}

export interface JobStatus {
  id: string;
  kind: string;
  state: PrintJobRow['state'];
  copy: boolean;
  attempts: number;
  /** Why the last attempt failed (a reason code), while queued for retry or once failed. */
  lastError: PrintFailureReason | null;
  createdAt: string;
  printedAt: string | null;
  nextAttemptAt: string | null;
}

export interface PrinterStatus {
  configured: boolean;
  interface: string;
  reachable: boolean | null;
  paper: 'ok' | 'near-end' | 'out' | 'unknown';
  checkedAt: string | null;
  lastJob: JobStatus | null;
  lastPrintedAt: string | null;
  consecutiveFailures: number;
  lastFailure: PrintFailureReason | null;
  queued: number;
  retrying: number;
  failedLast24h: number;
}

/** What the payments code needs: queue a voucher's print inside the transaction that writes the voucher. */
export interface VoucherPrintQueue {
  /**
   * Queues the voucher (or desk receipt) for printing and returns the job id — or null when this terminal has
   * no thermal printer. Synchronous: call it inside your own `db.transaction(() => …)` right after inserting
   * the `vouchers` row (the job references it), so both commit or neither does. The worker starts sending
   * once the transaction is over.
   */
  enqueueVoucher(voucherId: string, document: VoucherDocument): string | null;
  /**
   * Records that a document could not be built (`payments/approval-document.ts`): a print job born `failed`
   * with reason `invalid-document`, shown on the status screen. Call it in the approval's transaction instead
   * of `enqueueVoucher`; `problem` is English and holds no personal data. Returns the job's id.
   */
  recordUnbuilt(kind: PrintDocumentKind, problem: string): string;
}

/** A mistyped interface must not stop the terminal from taking payments: its jobs fail as not-configured. */
function transportFor(uri: string, settings: { type: 'epson' | 'star'; timeoutMs: number }, logger: Logger): PrinterTransport | null {
  try {
    return createTransport(uri, settings);
  } catch (error) {
    logger.error({ reason: (error as Error).message }, 'printer interface is invalid; printing disabled until it is fixed');
    return {
      label: 'configuración inválida',
      send: async () => {
        throw new PrintError('not-configured', `invalid printer interface: ${(error as Error).message}`);
      },
      probe: async () => ({ reachable: false, error: 'not-configured' }),
    };
  }
}

function toJobStatus(row: PrintJobRow): JobStatus {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    copy: row.copy === 1,
    attempts: row.attempts,
    lastError: row.state === 'printed' ? null : reasonOf(row.last_error),
    createdAt: row.created_at,
    printedAt: row.printed_at,
    nextAttemptAt: row.state === 'queued' ? row.next_attempt_at : null,
  };
}

/**
 * Printing as durable jobs: a document becomes a row (queued), the worker sends it (printing) and records
 * the outcome (printed, or back to queued with back-off, or failed with its reason). The screens only ever
 * wait for a row; a printer that is off, out of paper or slow never holds up the next customer.
 */
export function createPrintService(deps: PrintServiceDeps) {
  const { repo, clock, ids, logger } = deps;
  const retry: RetryPolicy = { ...defaultRetryPolicy, ...deps.retry };
  const settings = { type: deps.printer.type, timeoutMs: deps.printer.timeoutMs };
  const transport = deps.transport !== undefined ? deps.transport : transportFor(deps.printer.interface, settings, logger);
  const nowIso = () => clock.now().toISOString();

  let consecutiveFailures = 0;
  let lastFailure: PrintFailureReason | null = null;
  let lastProbe: (ProbeResult & { at: number }) | null = null;

  const onOutcome = (outcome: AttemptOutcome) => {
    if (outcome.ok) {
      consecutiveFailures = 0;
      lastProbe = { reachable: true, paper: lastProbe?.paper === 'out' ? undefined : lastProbe?.paper, at: outcome.at.getTime() };
    } else if (outcome.error) {
      consecutiveFailures += 1;
      lastFailure = outcome.error.reason;
      const reachable = outcome.error.reason === 'paper-out' || outcome.error.reason === 'invalid-document';
      lastProbe = { reachable, paper: outcome.error.reason === 'paper-out' ? 'out' : lastProbe?.paper, at: outcome.at.getTime() };
    }
  };

  const worker = transport
    ? createPrintWorker({
        repo,
        transport,
        clock,
        logger,
        retry,
        onOutcome,
        render: (job) => {
          const parsed = printDocumentSchema.safeParse(JSON.parse(job.payload_json));
          if (!parsed.success) throw new PrintError('invalid-document', `stored ${job.kind} does not match its schema`);
          return renderDocument(parsed.data, {
            type: deps.printer.type,
            width: deps.printer.width,
            characterSet: deps.printer.characterSet,
            terminalId: deps.terminal.id,
            qrKey: deps.qrKey,
            mark: { jobId: job.id, resend: job.partial_sends },
          });
        },
      })
    : null;

  function enqueue(document: PrintDocument, voucherId: string | null): string | null {
    if (!worker) return null;
    const id = ids.uuid();
    repo.insert({
      id,
      kind: document.kind,
      voucherId,
      payloadJson: JSON.stringify(document),
      copy: 'copy' in document && document.copy,
      now: nowIso(),
    });
    worker.kick();
    return id;
  }

  function recordUnbuilt(kind: PrintDocumentKind, problem: string, voucherId: string | null): string {
    const id = ids.uuid();
    const error = describeFailure(new PrintError('invalid-document', problem));
    repo.insertFailed({ id, kind, voucherId, payloadJson: JSON.stringify({ kind, unbuilt: true }), error, now: nowIso() });
    lastFailure = 'invalid-document';
    return id;
  }

  function requireJob(jobId: string): PrintJobRow {
    const row = repo.get(jobId);
    if (!row) throw new ApiError('NOT_FOUND', 'no such print job');
    return row;
  }

  return {
    /** Whether a thermal printer is configured; without one the screens print through the system dialog. */
    get configured(): boolean {
      return worker !== null;
    },

    enqueueVoucher(voucherId: string, document: VoucherDocument): string | null {
      // Called inside a payment's approval: a document that breaks its schema is a printing problem, never a throw.
      const parsed = voucherDocumentSchema.safeParse(document);
      if (parsed.success) return enqueue(parsed.data, voucherId);
      logger.error({ voucher: voucherId }, 'voucher does not match the printable schema; recorded as a failed job');
      return recordUnbuilt(document.kind, 'document does not match its schema', voucherId);
    },

    recordUnbuilt(kind: PrintDocumentKind, problem: string): string {
      return recordUnbuilt(kind, problem, null);
    },

    /** A receipt, shift-close report or any other document not tied to a voucher row. */
    enqueueDocument(document: PrintDocument): string | null {
      return enqueue(printDocumentSchema.parse(document), null);
    },

    /**
     * Imprimir from the voucher or from Historial. If the voucher's own print never came out (still waiting, or
     * failed), that job is sent again now — the paper is the original. Otherwise a new job prints it as COPIA.
     */
    reprint(voucherId: string): { jobId: string; copy: boolean } {
      if (!worker) throw new ApiError('UNAVAILABLE', 'no thermal printer configured', { reason: 'not-configured' });
      const jobs = repo.jobsOfVoucher(voucherId);
      const original = jobs.find((job) => job.copy === 0);
      if (original && original.state !== 'printed') {
        if (original.state !== 'printing') repo.requeue(original.id, nowIso());
        worker.kick();
        return { jobId: original.id, copy: false };
      }
      const fields = repo.voucherFields(voucherId);
      if (fields === undefined) throw new ApiError('NOT_FOUND', 'no such voucher');
      const parsed = voucherDocumentSchema.safeParse(JSON.parse(fields));
      if (!parsed.success) {
        logger.error({ voucher: voucherId }, 'stored voucher does not match the printable schema');
        throw new ApiError('INTERNAL', 'stored voucher is not printable');
      }
      const copy = original !== undefined;
      const id = enqueue({ ...parsed.data, copy }, voucherId);
      return { jobId: id ?? '', copy };
    },

    /** *Imprimir prueba* from the status screen. */
    testPrint(): { jobId: string } {
      if (!worker || !transport) throw new ApiError('UNAVAILABLE', 'no thermal printer configured', { reason: 'not-configured' });
      const id = enqueue(
        {
          kind: 'testPage',
          siteName: deps.terminal.siteName,
          terminalId: deps.terminal.id,
          printedAt: nowIso(),
          interfaceLabel: transport.label,
        },
        null,
      );
      return { jobId: id ?? '' };
    },

    jobStatus(jobId: string): JobStatus {
      return toJobStatus(requireJob(jobId));
    },

    async status(): Promise<PrinterStatus> {
      const now = clock.now();
      const counts = repo.counts(new Date(now.getTime() - 24 * 3600_000).toISOString());
      const last = repo.lastAttempted();
      const lastPrinted = last?.state === 'printed' ? last.printed_at : null;
      if (transport && (!lastProbe || now.getTime() - lastProbe.at >= (deps.probeCacheMs ?? 2000))) {
        const probe = await transport.probe();
        lastProbe = { ...probe, at: clock.now().getTime() };
        if (probe.reachable && counts.retrying > 0 && probe.paper !== 'out') {
          repo.hurryQueued(nowIso());
          worker?.kick();
        }
      }
      return {
        configured: transport !== null,
        interface: transport?.label ?? '',
        reachable: transport ? (lastProbe?.reachable ?? null) : null,
        paper: lastProbe?.paper ?? 'unknown',
        checkedAt: lastProbe ? new Date(lastProbe.at).toISOString() : null,
        lastJob: last ? toJobStatus(last) : null,
        lastPrintedAt: lastPrinted,
        consecutiveFailures,
        lastFailure,
        queued: counts.queued,
        retrying: counts.retrying,
        failedLast24h: counts.failed,
      };
    },

    start(): void {
      worker?.start();
    },
    async stop(): Promise<void> {
      await worker?.stop();
    },
  };
}
export type PrintService = ReturnType<typeof createPrintService>;
