import { join } from 'node:path';
import { openDatabase, type Db } from '../../../main/db/connection';
import { createPrintJobsRepo, type PrintJobsRepo } from '../../../main/db/print-jobs-repo';
import { createPrintService, type JobStatus, type PrintService } from '../../../main/printing/service';
import { deriveQrKey } from '../../../main/printing/qr';
import { voucherDataSchema, type VoucherInput } from '../../../main/printing/documents';
import type { RetryPolicy } from '../../../main/printing/worker';
import type { Config } from '../../../main/config/schema';
import { randomIds, systemClock } from '../../../main/runtime/clock';
import { startVirtualPrinter, type VirtualPrinter } from '../../../sim/printer/virtual-printer';
import { memoryLogger } from '../logs';
import { tempDir } from '../temp';
import { until } from '../until';
import { seedVoucher } from './fixtures';

export const TEST_QR_KEY = deriveQrKey('demo-terminal-secret', 'KIOSK-01');

/** Writes a payment and its voucher row as the payments code will; `print` is called inside the same transaction. */
export function insertPaidVoucher(db: Db, voucherId: string, voucher: VoucherInput, withinTransaction?: () => void): void {
  const parsed = voucherDataSchema.parse(voucher);
  const now = new Date().toISOString();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO payments (id, reference, idempotency_key, obligation_id, method, amount, state, payer_type, payer_id_tail, cus, bank_name, created_at, updated_at)
       VALUES (?, ?, ?, 'LI-38', ?, ?, 'approved', 'member', '8901', ?, ?, ?, ?)`,
    ).run(
      `pay-${voucherId}`,
      `${parsed.reference}-${voucherId}`,
      `idem-${voucherId}`,
      parsed.method,
      parsed.total,
      parsed.cus,
      parsed.bankName,
      now,
      now,
    );
    db.prepare('INSERT INTO vouchers (id, payment_id, fields_json, created_at) VALUES (?, ?, ?, ?)').run(
      voucherId,
      `pay-${voucherId}`,
      JSON.stringify(parsed),
      now,
    );
    withinTransaction?.();
  })();
}

export interface PrintingRig {
  db: Db;
  repo: PrintJobsRepo;
  print: PrintService;
  printer: VirtualPrinter;
  dbFile: string;
  logs: () => string[];
  /** Queues the seed voucher (a new payment and voucher row each time) and returns the print job id. */
  payAndPrint(overrides?: Partial<VoucherInput>): { voucherId: string; jobId: string };
  waitForJob(jobId: string, ok: (job: JobStatus) => boolean, timeoutMs?: number): Promise<JobStatus>;
  close(): Promise<void>;
}

export const fastRetry: RetryPolicy = { baseMs: 40, capMs: 200, windowMs: 60_000 };

export async function startPrintingRig(
  options: { printer?: Partial<Config['printer']>; retry?: Partial<RetryPolicy>; virtualPrinter?: VirtualPrinter } = {},
): Promise<PrintingRig> {
  const dir = tempDir('pes-print-');
  const dbFile = join(dir.dir, 'terminal.db');
  const db = openDatabase(dbFile);
  const repo = createPrintJobsRepo(db);
  const printer = options.virtualPrinter ?? (await startVirtualPrinter());
  const { logger, lines } = memoryLogger('debug');
  const print = createPrintService({
    repo,
    printer: { interface: printer.interface, type: 'epson', width: 48, characterSet: 'PC858_EURO', timeoutMs: 1000, ...options.printer },
    terminal: { id: 'KIOSK-01', siteName: 'Sede Barranquilla Centro' },
    qrKey: TEST_QR_KEY,
    clock: systemClock,
    ids: randomIds,
    logger,
    retry: { ...fastRetry, ...options.retry },
    probeCacheMs: 0,
  });
  print.start();
  let count = 0;
  return {
    db,
    repo,
    print,
    printer,
    dbFile,
    logs: lines,
    payAndPrint(overrides = {}) {
      const voucherId = `V-${++count}-${Date.now()}`;
      let jobId: string | null = null;
      insertPaidVoucher(db, voucherId, seedVoucher({ transactionNumber: String(count), ...overrides }), () => {
        jobId = print.enqueueVoucher(voucherId, voucherDataSchema.parse(seedVoucher({ transactionNumber: String(count), ...overrides })));
      });
      if (!jobId) throw new Error('no print job queued');
      return { voucherId, jobId };
    },
    async waitForJob(jobId, ok, timeoutMs = 15_000) {
      const job = await until(async () => print.jobStatus(jobId), ok, timeoutMs, 10);
      if (!ok(job)) throw new Error(`job ${jobId} still ${JSON.stringify(job)} after ${timeoutMs} ms`);
      return job;
    },
    async close() {
      await print.stop();
      db.close();
      if (!options.virtualPrinter) await printer.close();
      dir.remove();
    },
  };
}

/** Complete copies that reached the paper, per printed job mark. */
export function completeCopies(printer: VirtualPrinter): Map<string, number> {
  const copies = new Map<string, number>();
  for (const job of printer.jobs()) {
    if (!job.complete || !job.jobMark) continue;
    copies.set(job.jobMark, (copies.get(job.jobMark) ?? 0) + 1);
  }
  return copies;
}
