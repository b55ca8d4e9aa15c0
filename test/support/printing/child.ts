/**
 * A terminal process for the crash tests: opens the database, starts the print service against the given
 * printer and, when asked, pays and queues `count` vouchers first. Prints one JSON line when ready, then
 * stays up until it is killed.
 *
 *   tsx test/support/printing/child.ts <dbFile> <printerInterface> <count> [timeoutMs]
 */
import { openDatabase } from '../../../main/db/connection';
import { createPrintJobsRepo } from '../../../main/db/print-jobs-repo';
import { createPrintService } from '../../../main/printing/service';
import { createLogger } from '../../../main/log/logger';
import { randomIds, systemClock } from '../../../main/runtime/clock';
import { voucherDataSchema } from '../../../main/printing/documents';
import { insertPaidVoucher, TEST_QR_KEY, fastRetry } from './rig';
import { seedVoucher } from './fixtures';

const [dbFile = '', printerInterface = '', countText = '0', timeoutText = '1000'] = process.argv.slice(2);
const db = openDatabase(dbFile);
const print = createPrintService({
  repo: createPrintJobsRepo(db),
  printer: { interface: printerInterface, type: 'epson', width: 42, characterSet: 'PC858_EURO', timeoutMs: Number(timeoutText) },
  terminal: { id: 'KIOSK-01', siteName: 'Sede Barranquilla Centro' },
  qrKey: TEST_QR_KEY,
  clock: systemClock,
  ids: randomIds,
  logger: createLogger({ level: 'silent' }),
  retry: fastRetry,
});
const jobIds: string[] = [];
for (let i = 1; i <= Number(countText); i++) {
  const voucherId = `V-${process.pid}-${i}`;
  const voucher = seedVoucher({ transactionNumber: String(i) });
  insertPaidVoucher(db, voucherId, voucher, () => {
    const id = print.enqueueVoucher(voucherId, voucherDataSchema.parse(voucher));
    if (id) jobIds.push(id);
  });
}
print.start();
process.stdout.write(`${JSON.stringify({ ready: true, jobIds })}\n`);
setInterval(() => undefined, 60_000);
