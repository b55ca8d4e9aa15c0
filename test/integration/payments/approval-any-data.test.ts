import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../main/app';
import { startSimulator, type Simulator } from '../../../sim/server';
import type { AnswerOverrides } from '../../../sim/gateway/state';
import { DEMO_MEMBER } from '../../fixtures/printing-kiosk';
import { testConfig } from '../../support/config';
import { tempDir } from '../../support/temp';

/**
 * Recording an approval never fails on how something is displayed or printed. For obligations and gateway
 * answers generated across what the central API's and the gateway's contracts allow (texts up to each maximum,
 * accents, ñ, emoji, line breaks, tabs, control characters, ESC/POS and terminal sequences, right-to-left
 * marks; the gateway's unbounded texts up to a few hundred characters; any epoch number as a date), a cuota
 * paid at the simulator's bank goes through the real core: central sync → lookup → quote → payment →
 * approval → voucher → print bytes over TCP. The approval is recorded exactly once (SQLite and the central
 * API's `GET /sim/payments`) and every line the printer receives fits the paper.
 */
const temp = tempDir();
let sim: Simulator;
const apps = new Map<number, App>();
let printed = 0;

const widths = [32, 42, 48] as const;

beforeAll(async () => {
  sim = await startSimulator();
  for (const width of widths) {
    const config = testConfig(`${temp.dir}`, sim.url, {
      database: { file: `${temp.dir}/terminal-${width}.db` },
      terminal: { id: `KIOSK-W${width}` },
      printer: {
        interface: sim.printer.interface,
        type: width === 42 ? 'star' : 'epson',
        width,
        characterSet: 'PC858_EURO',
        timeoutMs: 2000,
      },
    });
    const app = createApp(config, { paymentScheduler: false, data: { autoStart: false } });
    app.setPseReturnUrl('http://127.0.0.1:9/pse/retorno');
    app.sessions.startPerson(DEMO_MEMBER);
    apps.set(width, app);
  }
});
afterAll(async () => {
  for (const app of apps.values()) await app.close();
  await sim.close();
  temp.remove();
});

/** One character of hostile but contract-valid text. */
const hostileChar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz0123456789-.,$') },
  { weight: 3, arbitrary: fc.constantFrom(...'ÁÉÍÓÚáéíóúÑñÜü¿¡'.split(''), 'n\u0303', 'A\u0301') },
  { weight: 1, arbitrary: fc.constantFrom('😀', '👍🏽', '🇨🇴', '👨‍👩‍👧', '✓', '€', '“', '…', '中') },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\r\n', '\t', '\u2028', '\u0085', '\u00a0') },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 0, max: 0x9f })
      .filter((c) => c < 0x20 || c >= 0x7f)
      .map((c) => String.fromCharCode(c)),
  },
  { weight: 1, arbitrary: fc.constantFrom('\u200e', '\u200f', '\u202e', '\u2067', '\u061c') },
  { weight: 1, arbitrary: fc.constantFrom('\x1bp\x00\x19\xfa', '\x1dV\x00', '\x1b!\x30', '\x1b[31m', '\x1b]0;x\x07', '\x1b') },
);

/** Text of at most `max` UTF-16 units (what the schemas count), often exactly at the maximum. */
function text(min: number, max: number): fc.Arbitrary<string> {
  const cut = (s: string) => {
    let out = '';
    for (const char of s) {
      if (out.length + char.length > max) break;
      out += char;
    }
    return out;
  };
  return fc
    .oneof(fc.array(hostileChar, { maxLength: max }), fc.array(hostileChar, { minLength: max, maxLength: max }))
    .map((chars) => cut(chars.join('')))
    .filter((s) => s.length >= min);
}
const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 4 });

const obligationArb = fc
  .record({
    document: text(0, 40),
    concept: text(1, 120),
    studentName: nullable(text(0, 120)),
    validityYear: nullable(fc.integer({ min: 1900, max: 2200 })),
    balance: fc.integer({ min: 1, max: 1e13 }),
    installmentShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ installmentShare, ...o }) => ({
    ...o,
    installment: Math.max(1, Math.floor(o.balance * installmentShare)),
    debt: o.balance,
    paid: 0,
  }));

const epochArb = nullable(fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })));
const answerArb: fc.Arbitrary<AnswerOverrides> = fc.record({
  actionCode: nullable(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constant(Number.MIN_SAFE_INTEGER))),
  actionCodeDescription: nullable(text(0, 300)),
  ip: nullable(text(0, 100)),
  authRefNum: nullable(text(0, 100)),
  date: epochArb,
  authDateTime: epochArb,
  approvalCode: nullable(text(0, 60)),
  cus: nullable(text(0, 100)),
  bankName: nullable(text(0, 150)),
  ticketId: nullable(text(0, 60)),
});

async function send(method: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
}

async function call<T>(app: App, method: string, input: unknown): Promise<T> {
  const envelope = await app.api.dispatch(method, input, { transport: 'test' });
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data as T;
}

let run = 0;

async function payAndPrint(
  width: (typeof widths)[number],
  obligation: typeof obligationArb extends fc.Arbitrary<infer T> ? T : never,
  answer: AnswerOverrides,
) {
  const app = apps.get(width)!;
  const id = `PROP-${++run}-${randomUUID().slice(0, 8)}`;
  // The central API holds the obligation; the terminal learns it through the delta feed.
  await send('PUT', `/sim/admin/obligations/${id}`, { kind: 'credit', ownerType: 'member', ownerId: DEMO_MEMBER.id, ...obligation });
  await app.data.sync.runOnce();
  const mine = await call<{ obligations: { id: string }[] }>(app, 'obligations.mine', {});
  expect(mine.obligations.map((o) => o.id)).toContain(id);
  const quote = await call<{ options: { installment: number | null; balance: number } }>(app, 'payments.quote', { obligationId: id });
  const kind = quote.options.installment === null ? 'balance' : 'installment';
  const amount = quote.options.installment ?? quote.options.balance;
  const started = await call<{ paymentId: string; reference: string }>(app, 'payments.start', {
    requestId: randomUUID(),
    obligationId: id,
    amount: { kind },
    bankCode: '1007',
    payer: { fullName: 'AFILIADO DEMO', email: 'demo@example.com', phone: '3004567434' },
  });
  const orderId = app.db.prepare('SELECT gateway_order_id FROM payments WHERE id = ?').pluck().get(started.paymentId) as string;
  await send('PUT', `/sim/gateway/orders/${orderId}/answer`, answer);
  await send('POST', `/sim/gateway/orders/${orderId}/resolve`, { status: 'approved' });

  // Asked twice (the return and a later look): recorded once.
  for (let i = 0; i < 2; i++) {
    const result = await call<{ outcome: string }>(app, 'payments.result', { reference: started.reference });
    expect(result.outcome).toBe('approved');
  }
  const payment = app.db.prepare('SELECT state, idempotency_key AS key FROM payments WHERE id = ?').get(started.paymentId) as {
    state: string;
    key: string;
  };
  expect(payment.state).toBe('approved');
  expect(app.db.prepare('SELECT COUNT(*) FROM outbox WHERE idempotency_key = ?').pluck().get(payment.key)).toBe(1);
  expect(app.db.prepare('SELECT balance FROM obligations WHERE id = ?').pluck().get(id)).toBe(obligation.balance - amount);
  await app.data.outbox.drain();
  const central = (await (await fetch(`${sim.url}/sim/payments`)).json()) as { reference: string; idempotencyKey: string }[];
  expect(central.filter((p) => p.reference === started.reference)).toHaveLength(1);
  expect(central.find((p) => p.reference === started.reference)?.idempotencyKey).toBe(payment.key);

  // The voucher was built (the documents adapt), stored, and printed within the paper's width.
  const voucher = await call<{ voucherId: string; lines: { label: string; value: string }[] }>(app, 'payments.voucher', {
    paymentId: started.paymentId,
  });
  for (const line of voucher.lines) expect(line.value).not.toMatch(/[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/u);
  printed += 1;
  const jobs = await sim.printer.waitForJobs(printed, 10_000);
  const paper = jobs.find((job) => job.decoded.text.join(' ').replace(/\s+/g, ' ').includes(started.reference));
  expect(paper?.complete).toBe(true);
  expect(paper?.decoded.text.length).toBeGreaterThan(20);
  for (const line of paper?.decoded.text ?? []) expect(line.length).toBeLessThanOrEqual(width);
  expect(paper?.decoded.unknown).toEqual([]);
}

describe('an approved payment is recorded whatever the central API and the gateway send', () => {
  it('for generated obligations and gateway answers (property, over HTTP, SQLite and TCP)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...widths), obligationArb, answerArb, async (width, obligation, answer) => {
        await payAndPrint(width, obligation, answer);
      }),
      { numRuns: 18, endOnFailure: true },
    );
  }, 120_000);
});
