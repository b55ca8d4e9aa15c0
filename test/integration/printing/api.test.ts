import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../main/app';
import { startVirtualPrinter, type VirtualPrinter } from '../../../sim/printer/virtual-printer';
import { testConfig } from '../../support/config';
import { tempDir } from '../../support/temp';
import { insertPaidVoucher } from '../../support/printing/rig';
import { seedVoucher } from '../../support/printing/fixtures';
import { until } from '../../support/until';

/** A supervisor signed in at this terminal (the operator sign-in flow itself is tested with the auth code). */
function signInSupervisor(target: App): void {
  target.sessions.startOperator({ username: 'tecnico1', displayName: 'Técnico de Sede', role: 'supervisor' });
}
function signInMember(target: App): void {
  target.sessions.startPerson({ type: 'member', id: '1045678901', name: 'AFILIADO DEMO', email: 'demo@example.com', phoneTail: '434' });
}
function signInCompany(target: App): void {
  target.sessions.startPerson({ type: 'company', id: '900123456-8', name: 'EMPRESA DEMO', email: 'empresa@example.com', phoneTail: '777' });
}
/** The seed voucher, paid by the demo afiliado (the payments code writes the session's subject on the payment). */
function memberPaidVoucher(target: App, voucherId: string): void {
  insertPaidVoucher(target.db, voucherId, seedVoucher(), () => target.print.enqueueVoucher(voucherId, seedVoucher() as never));
  target.db.prepare("UPDATE payments SET subject_type = 'member', subject_id = '1045678901' WHERE id = ?").run(`pay-${voucherId}`);
}

let app: App | undefined;
let printer: VirtualPrinter | undefined;
let dir: ReturnType<typeof tempDir> | undefined;
afterEach(async () => {
  await app?.close();
  await printer?.close();
  dir?.remove();
});

async function start(): Promise<App> {
  dir = tempDir('pes-print-api-');
  printer = await startVirtualPrinter();
  app = createApp(
    testConfig(dir.dir, 'http://127.0.0.1:9', {
      printer: { interface: printer.interface, type: 'epson', width: 42, characterSet: 'PC858_EURO', timeoutMs: 1000 },
    }),
  );
  return app;
}

async function call(method: string, input: unknown) {
  return app!.api.dispatch(method, input, { transport: 'test' });
}

describe('printing methods of the KioskApi', () => {
  it('printing.status is public and describes the printer', async () => {
    await start();
    const envelope = await call('printing.status', {});
    expect(envelope).toMatchObject({
      ok: true,
      data: { configured: true, interface: printer!.interface, reachable: true, queued: 0, lastJob: null },
    });
  });

  it('printing.test needs a supervisor: refused without one and for a cashier, printed for a supervisor', async () => {
    await start();
    expect(await call('printing.test', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    app!.sessions.startOperator({ username: 'cajero1', displayName: 'Carmen Cajera', role: 'cashier' });
    expect(await call('printing.test', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'SUPERVISOR_REQUIRED' } },
    });
    signInSupervisor(app!);
    const envelope = await call('printing.test', {});
    expect(envelope.ok).toBe(true);
    const { jobId } = (envelope as { data: { jobId: string } }).data;
    const [paper] = await printer!.waitForJobs(1);
    expect(paper?.decoded.text).toContain('PRUEBA DE IMPRESIÓN');
    expect(paper?.complete).toBe(true);
    const isPrinted = (status: Awaited<ReturnType<typeof call>>) => status.ok && (status.data as { state: string }).state === 'printed';
    expect(isPrinted(await until(() => call('printing.jobStatus', { jobId }), isPrinted))).toBe(true);
    const after = await call('printing.status', {});
    expect(after).toMatchObject({ ok: true, data: { lastJob: { id: jobId, state: 'printed', kind: 'testPage' }, consecutiveFailures: 0 } });
  });

  it('printing.reprint needs a signed-in person, checks its input and prints the voucher as COPIA', async () => {
    await start();
    expect(await call('printing.reprint', { voucherId: 'V-1' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    signInMember(app!);
    expect(await call('printing.reprint', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('printing.reprint', { voucherId: 'V-404' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('printing.jobStatus', { jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    memberPaidVoucher(app!, 'V-1');
    await printer!.waitForJobs(1);
    // The printer has the paper; the queue records it printed a moment later (a reprint follows the original).
    const original = app!.db.prepare<[string], string>('SELECT state FROM print_jobs WHERE voucher_id = ?').pluck();
    expect(
      await until(
        async () => original.get('V-1'),
        (state) => state === 'printed',
      ),
    ).toBe('printed');
    const envelope = await call('printing.reprint', { voucherId: 'V-1' });
    expect(envelope).toMatchObject({ ok: true, data: { copy: true } });
    const papers = await printer!.waitForJobs(2);
    expect(papers[1]?.decoded.text).toContain('*** COPIA ***');
  });

  it("an empresa can neither reprint an afiliado's voucher nor follow its print job: NOT_FOUND, as for no voucher at all", async () => {
    await start();
    memberPaidVoucher(app!, 'V-2');
    const [original] = await printer!.waitForJobs(1);
    expect(original?.complete).toBe(true);
    const jobId = app!.db.prepare<[string], string>('SELECT id FROM print_jobs WHERE voucher_id = ?').pluck().get('V-2');
    expect(jobId).toBeDefined();

    signInCompany(app!);
    const refusedReprint = await call('printing.reprint', { voucherId: 'V-2' });
    expect(refusedReprint).toEqual(await call('printing.reprint', { voucherId: 'V-none' }));
    expect(refusedReprint).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('printing.jobStatus', { jobId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Nothing was printed for the empresa: an absence cannot be awaited, so a print would have this window to show.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(printer!.jobs()).toHaveLength(1);

    // The afiliado who paid follows the same job; an operator at the desk follows any job.
    app!.sessions.endPerson('sign-out');
    signInMember(app!);
    expect(await call('printing.jobStatus', { jobId })).toMatchObject({ ok: true, data: { id: jobId } });
    app!.sessions.endPerson('sign-out');
    app!.sessions.startOperator({ username: 'cajero1', displayName: 'Carmen Cajera', role: 'cashier' });
    expect(await call('printing.jobStatus', { jobId })).toMatchObject({ ok: true, data: { id: jobId } });
  });
});
