import type { Page, Response } from 'playwright-core';
import { catchUp, startE2E, type E2E } from '../test/e2e/harness';
import { BANK, MEMBER, decideAtBank, openMonto, putCentralObligation, signIn } from '../test/e2e/payments-support';
import type { BenchOptions, BenchResult } from './result';
import { median, round } from './result';

/**
 * `payment_flow_ms`: from pressing *PAGAR POR PSE* on Monto a Pagar to the voucher on screen — the PSE step
 * (bank list, payer), PAGAR (payment registered at the gateway), the bank's page (Aprobar), the return through
 * the host's /pse/retorno, the app loading again and the voucher. Browser host, simulator without latency,
 * headless Chromium; median of 10 (2 with --quick) after one warm-up run. The person's own steps (choosing
 * the bank, typing the phone, approving at the bank) are done by the script at once.
 *
 * Our own code's share, from the Server-Timing header our host puts on every answer (time from receiving the
 * request to sending the answer's head):
 * - `payment_flow_host_api_ms`: summed over the KioskApi calls (including the core's own calls to the gateway
 *   during payments.start and the return) and /pse/retorno; `ratio` is its share of payment_flow_ms.
 * - `payment_flow_host_files_ms`: summed over the app's files served again after the return (index.html,
 *   scripts, styles; several are served in parallel, so the sum overstates their wall-clock time).
 * The rest is the browser (navigations, parsing and running the renderer, painting), the bank's page, and the
 * script driving Chromium.
 */
const OBLIGATION_PREFIX = 'BENCH-';

/** The benchmark's own credits, added at the simulated central API and synced into the terminal's copy. */
async function addObligations(e2e: E2E, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await putCentralObligation(e2e, `${OBLIGATION_PREFIX}${i}`, {
      kind: 'credit',
      ownerType: 'member',
      ownerId: MEMBER.document,
      document: `LI- ${900 + i}`,
      concept: 'CREDITO POR LIBRANZAS',
      studentName: null,
      validityYear: null,
      debt: 900_000,
      paid: 0,
      balance: 900_000,
      installment: 90_000,
    });
  }
  await catchUp(e2e);
}

function hostDuration(response: Response): number {
  const header = response.headers()['server-timing'] ?? '';
  const match = /host;dur=([\d.]+)/.exec(header);
  return match?.[1] ? Number(match[1]) : 0;
}

interface Sample {
  totalMs: number;
  apiMs: number;
  filesMs: number;
}

async function once(page: Page, e2e: E2E, obligationId: string): Promise<Sample> {
  const host = e2e.host.host.url;
  await openMonto(page, obligationId);
  let apiMs = 0;
  let filesMs = 0;
  let counting = false;
  const onResponse = (response: Response) => {
    if (!counting || !response.url().startsWith(host)) return;
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/api/') || path === '/pse/retorno') apiMs += hostDuration(response);
    else filesMs += hostDuration(response);
  };
  page.on('response', onResponse);
  try {
    counting = true;
    const started = performance.now();
    await page.getByRole('button', { name: 'PAGAR POR PSE' }).click();
    await page.waitForFunction(
      () => ((document.querySelector('select[name="banco"]') as HTMLSelectElement | null)?.options.length ?? 0) > 1,
    );
    await page.locator('select[name="banco"]').selectOption({ label: BANK });
    await page.locator('input[name="celular"]').fill(MEMBER.phone);
    await page.getByRole('button', { name: 'PAGAR', exact: true }).click();
    await page.getByRole('button', { name: 'Aprobar' }).waitFor();
    await decideAtBank(page, host, 'Aprobar');
    await page.getByTestId('voucher').waitFor({ state: 'visible' });
    const totalMs = performance.now() - started;
    counting = false;
    return { totalMs, apiMs, filesMs };
  } finally {
    page.off('response', onResponse);
  }
}

export async function run(options: BenchOptions): Promise<BenchResult[]> {
  const runs = options.quick ? 2 : 10;
  const e2e = await startE2E({
    config: { idle: { warnAfterSeconds: 600, graceSeconds: 60, maxSessionSeconds: 3600, operatorLockSeconds: 300 } },
  });
  try {
    await addObligations(e2e, runs + 1);
    const page = await signIn(e2e, MEMBER);
    // Warm-up: the bank list is fetched and cached, Chromium has the app's files parsed once.
    await once(page, e2e, `${OBLIGATION_PREFIX}${runs}`);
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) samples.push(await once(page, e2e, `${OBLIGATION_PREFIX}${i}`));
    const total = median(samples.map((s) => s.totalMs));
    const apiMs = median(samples.map((s) => s.apiMs));
    const filesMs = median(samples.map((s) => s.filesMs));
    return [
      { name: 'payment_flow_ms', value: round(total, 1), unit: 'ms' },
      { name: 'payment_flow_host_api_ms', value: round(apiMs, 1), unit: 'ms', ratio: round(apiMs / total, 3) },
      { name: 'payment_flow_host_files_ms', value: round(filesMs, 1), unit: 'ms', ratio: round(filesMs / total, 3) },
    ];
  } finally {
    await e2e.close();
  }
}
