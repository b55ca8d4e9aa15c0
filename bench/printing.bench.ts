import { join } from 'node:path';
import { openDatabase } from '../main/db/connection';
import { createPrintJobsRepo } from '../main/db/print-jobs-repo';
import { createLogger } from '../main/log/logger';
import { renderDocument } from '../main/printing/layouts';
import { deriveQrKey } from '../main/printing/qr';
import { createPrintService } from '../main/printing/service';
import { voucherDataSchema, type VoucherData } from '../main/printing/documents';
import { randomIds, systemClock } from '../main/runtime/clock';
import { startVirtualPrinter } from '../sim/printer/virtual-printer';
import { seedVoucher } from '../test/support/printing/fixtures';
import { tempDir } from '../test/support/temp';
import type { BenchOptions, BenchResult } from './result';
import { median, round } from './result';

const qrKey = deriveQrKey('demo-terminal-secret', 'KIOSK-01');

/** Building one voucher's ESC/POS bytes (80 mm, 48 columns, Epson, CP858, with its QR), median over 1,000. */
function voucherBuild(voucher: VoucherData): number {
  const options = {
    type: 'epson',
    width: 48,
    characterSet: 'PC858_EURO',
    terminalId: 'KIOSK-01',
    qrKey,
    mark: { jobId: randomIds.uuid(), resend: 0 },
  } as const;
  for (let i = 0; i < 100; i++) renderDocument(voucher, options); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const started = performance.now();
    renderDocument({ ...voucher, transactionNumber: String(i) }, options);
    samples.push((performance.now() - started) * 1000);
  }
  return median(samples);
}

/** From `enqueue` (a row in SQLite) to the last byte of the job received by the virtual printer over TCP. */
async function printJob(voucher: VoucherData, runs: number): Promise<number> {
  const data = tempDir('pes-bench-print-');
  const printer = await startVirtualPrinter();
  const db = openDatabase(join(data.dir, 'bench.db'));
  const print = createPrintService({
    repo: createPrintJobsRepo(db),
    printer: { interface: printer.interface, type: 'epson', width: 48, characterSet: 'PC858_EURO', timeoutMs: 3000 },
    terminal: { id: 'KIOSK-01', siteName: 'Sede Barranquilla Centro' },
    qrKey,
    clock: systemClock,
    ids: randomIds,
    logger: createLogger({ level: 'silent' }),
  });
  print.start();
  try {
    const samples: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      const received = new Promise<number>((resolve) => {
        const off = printer.onJob(() => {
          off();
          resolve(performance.now());
        });
      });
      const started = performance.now();
      print.enqueueDocument({ ...voucher, transactionNumber: String(i) });
      const at = await received;
      if (i >= 3) samples.push(at - started); // the first three warm the JIT and the sockets
    }
    return median(samples);
  } finally {
    await print.stop();
    db.close();
    await printer.close();
    data.remove();
  }
}

export async function run(options: BenchOptions): Promise<BenchResult[]> {
  const voucher = voucherDataSchema.parse(seedVoucher());
  const buildUs = voucherBuild(voucher);
  const jobMs = await printJob(voucher, options.quick ? 15 : 50);
  return [
    { name: 'voucher_build_us', value: round(buildUs, 1), unit: 'us' },
    { name: 'print_job_ms', value: round(jobMs, 2), unit: 'ms' },
  ];
}
