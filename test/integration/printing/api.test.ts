import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../main/app';
import { ApiError } from '../../../main/api/errors';
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
  app = createApp(testConfig(dir.dir, 'http://127.0.0.1:9', { printer: { interface: printer.interface, type: 'epson', width: 42, characterSet: 'PC858_EURO', timeoutMs: 1000 } }));
  return app;
}

async function call(method: string, input: unknown) {
  return app!.api.dispatch(method, input, { transport: 'test' });
}

describe('printing methods of the KioskApi', () => {
  it('printing.status is public and describes the printer', async () => {
    await start();
    const envelope = await call('printing.status', {});
    expect(envelope).toMatchObject({ ok: true, data: { configured: true, interface: printer!.interface, reachable: true, queued: 0, lastJob: null } });
  });

  it('printing.test needs an operator: refused without one, printed with one', async () => {
    await start();
    expect(await call('printing.test', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
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

    insertPaidVoucher(app!.db, 'V-1', seedVoucher(), () => app!.print.enqueueVoucher('V-1', seedVoucher() as never));
    await printer!.waitForJobs(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const envelope = await call('printing.reprint', { voucherId: 'V-1' });
    expect(envelope).toMatchObject({ ok: true, data: { copy: true } });
    const papers = await printer!.waitForJobs(2);
    expect(papers[1]?.decoded.text).toContain('*** COPIA ***');
  });

  it('a reprint hook can refuse a voucher that is not the caller\'s', async () => {
    const { createPrintingHandlers } = await import('../../../main/printing/handlers');
    await start();
    const handlers = createPrintingHandlers({
      print: app!.print,
      authorizeReprint: () => {
        throw new ApiError('FORBIDDEN', 'not your voucher');
      },
    });
    await expect(handlers['printing.reprint']({ voucherId: 'V-1' }, { transport: 'test' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
