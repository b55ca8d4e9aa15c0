import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { startSimulator, type Simulator } from '../../../sim/server';
import { renderDocument } from '../../../main/printing/layouts';
import { voucherDataSchema } from '../../../main/printing/documents';
import { seedVoucher } from '../../support/printing/fixtures';
import { TEST_QR_KEY } from '../../support/printing/rig';

let sim: Simulator | undefined;
afterEach(async () => sim?.close());

function send(port: number, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(bytes));
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}

describe("the simulator's virtual printer over HTTP", () => {
  it('lists and shows what it printed, and can be switched off and on', async () => {
    sim = await startSimulator();
    const bytes = renderDocument(voucherDataSchema.parse(seedVoucher()), {
      type: 'epson',
      width: 48,
      characterSet: 'PC858_EURO',
      terminalId: 'KIOSK-01',
      qrKey: TEST_QR_KEY,
    });
    await send(sim.printer.port, bytes);
    await sim.printer.waitForJobs(1);

    const list = (await (await fetch(`${sim.url}/sim/printer/jobs`)).json()) as {
      jobs: { complete: boolean; lines: string[]; qrCodes: string[] }[];
    };
    expect(list.jobs).toHaveLength(1);
    expect(list.jobs[0]?.complete).toBe(true);
    expect(list.jobs[0]?.lines).toContain('Resultado de la Transacción - Voucher');
    const html = await (await fetch(`${sim.url}/sim/printer`)).text();
    expect(html).toContain('Transacción procesada por CREDIBANCO');
    expect(html).toContain('completo, cortado');

    const off = await fetch(`${sim.url}/sim/printer/mode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'down' }),
    });
    expect(await off.json()).toEqual({ mode: 'down' });
    await expect(send(sim.printer.port, bytes)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const bad = await fetch(`${sim.url}/sim/printer/mode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'fire' }),
    });
    expect(bad.status).toBe(400);
    await fetch(`${sim.url}/sim/printer/mode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'ok' }),
    });
    await send(sim.printer.port, bytes);
    await sim.printer.waitForJobs(2);
  });
});
