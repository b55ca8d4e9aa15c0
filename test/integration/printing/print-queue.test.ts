import { afterEach, describe, expect, it } from 'vitest';
import { shortJobId } from '../../../main/printing/layouts/common';
import { ApiError } from '../../../main/api/errors';
import { insertPaidVoucher, completeCopies, startPrintingRig, type PrintingRig } from '../../support/printing/rig';
import { seedVoucher } from '../../support/printing/fixtures';

let rig: PrintingRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const printed = (job: { state: string }) => job.state === 'printed';

describe('print jobs over TCP to the virtual printer', () => {
  it("prints an approved payment's voucher once, whole, with every field, and records the job as printed", async () => {
    rig = await startPrintingRig();
    const { jobId } = rig.payAndPrint();
    const job = await rig.waitForJob(jobId, printed);
    expect(job).toMatchObject({ state: 'printed', attempts: 1, copy: false, lastError: null, kind: 'voucher' });

    const [paper] = await rig.printer.waitForJobs(1);
    expect(paper?.complete).toBe(true);
    expect(paper?.jobMark).toBe(shortJobId(jobId));
    expect(paper?.resend).toBe(0);
    const text = paper?.decoded.text.join('\n') ?? '';
    for (const expected of [
      'Comercio',
      'CAJACOPI',
      'ATLÁNTICO',
      '890102044-1',
      'Código Único',
      '# Transacción',
      'Fecha y Hora',
      '2020-04-25 11:03:33',
      '$ 175.277',
      'Número de Cuotas',
      '001',
      'Resultado de la Autorización',
      'Aprobada',
      'CUS',
      '2519876',
      'BANCO DE BOGOTÁ',
      'PES-BAQ01-000083',
      'Venta No Presencial',
    ]) {
      expect(text).toContain(expected);
    }
    expect(paper?.decoded.qrCodes[0]).toMatch(/^PES1\|KIOSK-01\|PES-BAQ01-000083\|2519876\|175277\|20200425110333\|[0-9A-F]{12}$/);
  });

  it('never leaves a voucher without its job, nor a job without its voucher: both commit or neither does', async () => {
    rig = await startPrintingRig();
    const current = rig;
    expect(() =>
      insertPaidVoucher(current.db, 'V-rollback', seedVoucher(), () => {
        current.print.enqueueVoucher('V-rollback', seedVoucher() as never);
        throw new Error('crash between voucher and commit');
      }),
    ).toThrow('crash between voucher and commit');
    expect(current.db.prepare('SELECT COUNT(*) AS n FROM vouchers').get()).toEqual({ n: 0 });
    expect(current.db.prepare('SELECT COUNT(*) AS n FROM print_jobs').get()).toEqual({ n: 0 });
    // An absence cannot be awaited: a wrong print would have this window to reach the printer.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(current.printer.jobs()).toEqual([]);
  });

  it('printer down: the job waits with back-off, then prints exactly once when the printer returns', async () => {
    rig = await startPrintingRig();
    await rig.printer.setMode('down');
    const { jobId } = rig.payAndPrint();
    const waiting = await rig.waitForJob(jobId, (job) => job.attempts >= 3 && job.state === 'queued');
    expect(waiting).toMatchObject({ state: 'queued', lastError: 'unreachable' });
    const status = await rig.print.status();
    expect(status).toMatchObject({ reachable: false, queued: 1, retrying: 1 });
    expect(status.consecutiveFailures).toBeGreaterThanOrEqual(3);

    await rig.printer.setMode('ok');
    await rig.waitForJob(jobId, printed);
    await rig.printer.waitForJobs(1);
    expect(completeCopies(rig.printer)).toEqual(new Map([[shortJobId(jobId), 1]]));
    // Nothing went out while the printer was off, so the paper is not marked as a resend.
    expect(rig.printer.jobs()[0]?.resend).toBe(0);
    expect((await rig.print.status()).consecutiveFailures).toBe(0);
  });

  it('connection dropped mid-job: the job is resent whole, marked as a resend, and one complete copy comes out', async () => {
    rig = await startPrintingRig();
    await rig.printer.setMode('drop', { times: 1, afterBytes: 400 });
    const { jobId } = rig.payAndPrint();
    const job = await rig.waitForJob(jobId, printed);
    expect(job.attempts).toBe(2);
    const papers = await rig.printer.waitForJobs(2);
    expect(papers.map((p) => p.complete)).toEqual([false, true]);
    expect(papers[0]?.bytes.length).toBe(400);
    expect(papers[1]).toMatchObject({ jobMark: shortJobId(jobId), resend: 1 });
    expect(papers[1]?.decoded.text.join('\n')).toContain('REENVIO 1 - anula copia');
    expect(completeCopies(rig.printer)).toEqual(new Map([[shortJobId(jobId), 1]]));
  });

  it('printer refusing connections: retried until it accepts, printed once', async () => {
    rig = await startPrintingRig();
    await rig.printer.setMode('refuse', { times: 3 });
    const { jobId } = rig.payAndPrint();
    const job = await rig.waitForJob(jobId, printed);
    expect(job.attempts).toBe(4);
    await rig.printer.waitForJobs(1);
    expect(completeCopies(rig.printer)).toEqual(new Map([[shortJobId(jobId), 1]]));
  });

  it('slow printer: no resend, whether it finishes within the time-out or after it', async () => {
    rig = await startPrintingRig({ printer: { timeoutMs: 300 } });
    // Within: ~8 pieces of 100 ms each, the printer closing when done. After: one piece of 600 ms > time-out.
    await rig.printer.setMode('slow', { times: 1, delayMs: 40, chunkBytes: 256 });
    const first = rig.payAndPrint();
    expect(await rig.waitForJob(first.jobId, printed)).toMatchObject({ attempts: 1 });
    await rig.printer.setMode('slow', { times: 1, delayMs: 600, chunkBytes: 100_000 });
    const second = rig.payAndPrint();
    expect(await rig.waitForJob(second.jobId, printed)).toMatchObject({ attempts: 1 });
    await rig.printer.waitForJobs(2);
    expect(completeCopies(rig.printer)).toEqual(
      new Map([
        [shortJobId(first.jobId), 1],
        [shortJobId(second.jobId), 1],
      ]),
    );
  });

  it('a printer that answers its status late, or never, still gets each job exactly once', async () => {
    rig = await startPrintingRig({ printer: { timeoutMs: 400 } });
    await rig.printer.setMode('ok', { statusDelayMs: 600 });
    const late = rig.payAndPrint();
    expect(await rig.waitForJob(late.jobId, printed)).toMatchObject({ attempts: 1 });
    await rig.printer.setMode('ok', { statusDelayMs: null });
    const silent = rig.payAndPrint();
    expect(await rig.waitForJob(silent.jobId, printed)).toMatchObject({ attempts: 1 });
    await rig.printer.waitForJobs(2);
    // An absence cannot be awaited: a late duplicate (a resend after the silent status) would have this window.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rig.printer.jobs()).toHaveLength(2);
    expect(completeCopies(rig.printer)).toEqual(
      new Map([
        [shortJobId(late.jobId), 1],
        [shortJobId(silent.jobId), 1],
      ]),
    );
  });

  it('paper out: nothing is sent, the status says so, and the voucher prints once the roll is changed', async () => {
    rig = await startPrintingRig();
    await rig.printer.setMode('paper-out');
    const { jobId } = rig.payAndPrint();
    expect(await rig.waitForJob(jobId, (job) => job.attempts >= 2 && job.state === 'queued')).toMatchObject({ lastError: 'paper-out' });
    expect(rig.printer.jobs()).toEqual([]);
    expect(await rig.print.status()).toMatchObject({ reachable: true, paper: 'out', lastFailure: 'paper-out' });

    await rig.printer.setMode('ok');
    // The status screen's probe sees the paper back and sends the waiting job without its back-off.
    expect((await rig.print.status()).paper).toBe('ok');
    await rig.waitForJob(jobId, printed);
    await rig.printer.waitForJobs(1);
    expect(completeCopies(rig.printer)).toEqual(new Map([[shortJobId(jobId), 1]]));
  });

  it('many vouchers queued while the printer is off all print once, oldest first', async () => {
    rig = await startPrintingRig();
    await rig.printer.setMode('down');
    const jobs = Array.from({ length: 6 }, () => rig!.payAndPrint().jobId);
    await rig.waitForJob(jobs[0] ?? '', (job) => job.attempts >= 2 && job.state === 'queued');
    await rig.printer.setMode('ok');
    for (const jobId of jobs) await rig.waitForJob(jobId, printed);
    await rig.printer.waitForJobs(6);
    expect(rig.printer.jobs().map((p) => p.jobMark)).toEqual(jobs.map(shortJobId));
    expect([...completeCopies(rig.printer).values()]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('a job that keeps failing past its window ends failed (expired), and Reimprimir sends the original again', async () => {
    rig = await startPrintingRig({ retry: { windowMs: 150 } });
    await rig.printer.setMode('down');
    const { voucherId, jobId } = rig.payAndPrint();
    expect(await rig.waitForJob(jobId, (job) => job.state === 'failed')).toMatchObject({ lastError: 'expired', copy: false });
    expect((await rig.print.status()).failedLast24h).toBe(1);

    await rig.printer.setMode('ok');
    expect(rig.print.reprint(voucherId)).toEqual({ jobId, copy: false });
    await rig.waitForJob(jobId, printed);
    const [paper] = await rig.printer.waitForJobs(1);
    expect(paper?.decoded.text).not.toContain('*** COPIA ***');
  });

  it('Reimprimir after the voucher printed: a new job, printed as COPIA; each request prints exactly once', async () => {
    rig = await startPrintingRig();
    const { voucherId, jobId } = rig.payAndPrint();
    await rig.waitForJob(jobId, printed);
    const first = rig.print.reprint(voucherId);
    const second = rig.print.reprint(voucherId);
    expect(first.copy && second.copy).toBe(true);
    expect(new Set([jobId, first.jobId, second.jobId]).size).toBe(3);
    await rig.waitForJob(first.jobId, printed);
    await rig.waitForJob(second.jobId, printed);
    const papers = await rig.printer.waitForJobs(3);
    expect(papers.map((p) => p.decoded.text.filter((line) => line === '*** COPIA ***').length)).toEqual([0, 2, 2]);
    expect(completeCopies(rig.printer)).toEqual(new Map([jobId, first.jobId, second.jobId].map((id) => [shortJobId(id), 1])));
  });

  it('refuses to reprint a voucher that does not exist, and reports an unknown job', async () => {
    rig = await startPrintingRig();
    const current = rig;
    expect(() => current.print.reprint('V-nope')).toThrow(ApiError);
    expect(() => current.print.jobStatus('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('a test print reaches the printer with the Spanish sample', async () => {
    rig = await startPrintingRig({ printer: { width: 32, type: 'star' } });
    const { jobId } = rig.print.testPrint();
    await rig.waitForJob(jobId, printed);
    const [paper] = await rig.printer.waitForJobs(1);
    expect(paper?.decoded.dialect).toBe('star');
    expect(paper?.decoded.text).toContain('áéíóú ÁÉÍÓÚ ñÑ üÜ ¿? ¡!');
    expect(paper?.complete).toBe(true);
  });

  it('logs no personal data about the voucher it prints', async () => {
    rig = await startPrintingRig();
    const { jobId } = rig.payAndPrint();
    await rig.waitForJob(jobId, printed);
    const logs = rig.logs().join('\n');
    expect(logs).toContain('print job printed');
    for (const secret of ['8901', 'PES-BAQ01-000083', '2519876', '175277', 'BANCO']) expect(logs).not.toContain(secret);
  });
});

describe('a terminal without a thermal printer', () => {
  it('queues nothing and tells the screen to use the print dialog', async () => {
    rig = await startPrintingRig({ printer: { interface: '' } });
    const current = rig;
    let jobId: string | null = 'unset';
    insertPaidVoucher(current.db, 'V-screen', seedVoucher(), () => {
      jobId = current.print.enqueueVoucher('V-screen', seedVoucher() as never);
    });
    expect(jobId).toBeNull();
    expect(() => current.print.reprint('V-screen')).toThrow(
      expect.objectContaining({ code: 'UNAVAILABLE', details: { reason: 'not-configured' } }),
    );
    expect(await current.print.status()).toMatchObject({ configured: false, reachable: null });
  });
});
