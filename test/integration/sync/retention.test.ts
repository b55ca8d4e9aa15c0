import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type App } from '../../../main/app';
import { createPaymentsRepo, type NewPayment } from '../../../main/db/payments-repo';
import { createOutboxRepo } from '../../../main/db/outbox-repo';
import { createPrintJobsRepo } from '../../../main/db/print-jobs-repo';
import { createAuditRepo } from '../../../main/db/terminal-repo';
import { voucherDocumentSchema, type VoucherInput } from '../../../main/printing/documents';
import { tempDir } from '../../support/temp';
import { testConfig } from '../../support/config';
import { movableClock } from '../../support/movable-clock';

const DAY = 24 * 3600;

function voucherOf(reference: string, payerIdMasked: string): VoucherInput {
  return {
    kind: 'voucher',
    method: 'pse',
    merchantName: 'CAJACOPI',
    merchantNit: '890102044-1',
    uniqueCode: '1706',
    terminalCode: '000',
    transactionNumber: 'T-1',
    dateTime: '2026-11-30T10:00:00-05:00',
    currency: 'COP',
    total: 175_277,
    iva: 0,
    ivaRefundBase: 0,
    installments: 1,
    errorCode: '0',
    authorizationResult: 'OK',
    responseDescription: 'Aprobada',
    userIp: '181.49.12.7',
    cus: '2045871236',
    bankName: 'BANCO DEMO',
    reference,
    concept: 'CREDITO POR LIBRANZAS',
    obligationDocument: 'LI- 38',
    payerIdMasked,
    copy: false,
  };
}

describe('retention: personal fields of settled records go after the window; money and open work stay', () => {
  const temp = tempDir();
  const time = movableClock();
  let app: App;
  afterAll(async () => {
    await app?.close();
    temp.remove();
  });

  it('scrubs subject ids, voucher personal fields, printed payloads, sent outbox payloads and audit persons after 90 days, never open work', async () => {
    const file = join(temp.dir, 'terminal.db');
    app = createApp(testConfig(temp.dir, 'http://127.0.0.1:9'), { clock: time.clock, paymentScheduler: false, data: { autoStart: false } });
    expect(app.config.retention.personalDataDays).toBe(90);
    const db = app.db;
    const payments = createPaymentsRepo(db);
    const outbox = createOutboxRepo(db);
    const jobs = createPrintJobsRepo(db);
    const audit = createAuditRepo(db, 'KIOSK-01');
    const at = () => time.clock.now().toISOString();

    const pay = (n: number, subjectId: string): NewPayment => ({
      id: `pay-${n}`,
      reference: `REF-${n}`,
      idempotencyKey: `idem-key-${n}`,
      requestId: `req-${n}`,
      obligationId: 'LI-38',
      amount: 175_277,
      amountChoice: 'installment',
      subjectType: 'member',
      subjectId,
      payerType: 'member',
      payerIdTail: subjectId.slice(-4),
      bankCode: '1022',
      bankName: 'BANCO DEMO',
      windowStartedAt: at(),
      nextCheckAt: at(),
    });
    // 1: approved and registered centrally, voucher printed. 2: approved, its registration still waiting.
    // 3: pending at ACH (still polled). 4: rejected.
    for (const [n, id] of [
      [1, '1045678901'],
      [2, '52000111'],
      [3, '79000222'],
      [4, '1045000000'],
    ] as const)
      payments.insert(pay(n, id), at());
    for (const n of [1, 2])
      payments.transition(`pay-${n}`, 'created', 'approved', { nextCheckAt: null, formUrl: `http://127.0.0.1:9/form?o=${n}` }, null, at());
    payments.patch('pay-3', 'created', { formUrl: 'http://127.0.0.1:9/form?o=3' }, at());
    payments.transition('pay-4', 'created', 'rejected', { nextCheckAt: null }, null, at());
    for (const n of [1, 2]) {
      payments.insertVoucher(`v-${n}`, `pay-${n}`, voucherOf(`REF-${n}`, `****${n === 1 ? '8901' : '0111'}`), at());
      app.data.enqueue({
        idempotencyKey: `idem-key-${n}`,
        kind: 'payment.register',
        payload: { reference: `REF-${n}`, amount: 175_277, cus: '2045871236' },
      });
    }
    const rejected = app.data.enqueue({ idempotencyKey: 'idem-key-rejected', kind: 'payment.register', payload: { reference: 'REF-9' } });
    outbox.markRejected(rejected.id, 'INVALID', 'refused', at());
    const firstItem = outbox.head();
    expect(firstItem?.idempotency_key).toBe('idem-key-1');
    outbox.markSent(firstItem?.id ?? -1, at());
    const printed = (id: string, voucherId: string) => {
      jobs.insert({ id, kind: 'voucher', voucherId, payloadJson: JSON.stringify(voucherOf('REF-1', '****8901')), copy: false, now: at() });
      expect(jobs.claim(id, at())).toBe(true);
      jobs.markPrinted(id, at());
    };
    printed('job-printed', 'v-1');
    jobs.insert({
      id: 'job-queued',
      kind: 'voucher',
      voucherId: 'v-2',
      payloadJson: JSON.stringify(voucherOf('REF-2', '****0111')),
      copy: false,
      now: at(),
    });
    jobs.insert({
      id: 'job-failed',
      kind: 'voucher',
      voucherId: 'v-2',
      payloadJson: JSON.stringify(voucherOf('REF-2', '****0111')),
      copy: true,
      now: at(),
    });
    jobs.markFailed('job-failed', 'paper out', false);
    audit.record(at(), 'auth.signin.success', 'member:****8901', 'audience=member');
    audit.record(at(), 'operator.signin.failure', 'operator:unknown(****01)', 'reason=UNKNOWN_USER');
    audit.record(at(), 'operator.signin.success', 'operator:cajero1', 'role=cashier');

    const payment = (n: number) =>
      db.prepare('SELECT subject_id, form_url, amount, reference, state FROM payments WHERE id = ?').get(`pay-${n}`);
    const voucher = (n: number) =>
      JSON.parse((db.prepare('SELECT fields_json FROM vouchers WHERE id = ?').pluck().get(`v-${n}`) as string) ?? 'null') as Record<
        string,
        unknown
      >;
    const jobPayload = (id: string) => JSON.parse(jobs.get(id)?.payload_json ?? 'null') as Record<string, unknown>;
    const outboxPayload = (key: string) =>
      JSON.parse((db.prepare('SELECT payload_json FROM outbox WHERE idempotency_key = ?').pluck().get(key) as string) ?? 'null') as Record<
        string,
        unknown
      >;
    const actors = () => db.prepare('SELECT actor FROM audit_log WHERE actor IS NOT NULL ORDER BY id').pluck().all();

    // Inside the window nothing changes.
    time.advance(89 * DAY);
    expect(await app.data.retention.runOnce()).toEqual({ payments: 0, vouchers: 0, printJobs: 0, outbox: 0, audit: 0 });
    expect(payment(1)).toMatchObject({ subject_id: '1045678901' });

    time.advance(2 * DAY);
    expect(await app.data.retention.runOnce()).toEqual({ payments: 2, vouchers: 1, printJobs: 1, outbox: 1, audit: 2 });

    // Settled: who is gone; amounts, references and states stay.
    expect(payment(1)).toEqual({ subject_id: null, form_url: null, amount: 175_277, reference: 'REF-1', state: 'approved' });
    expect(payment(4)).toEqual({ subject_id: null, form_url: null, amount: 175_277, reference: 'REF-4', state: 'rejected' });
    expect(voucher(1)).toMatchObject({ payerIdMasked: '****', userIp: '', total: 175_277, reference: 'REF-1', cus: '2045871236' });
    expect(voucherDocumentSchema.safeParse(voucher(1)).success).toBe(true);
    expect(jobPayload('job-printed')).toEqual({ scrubbedAt: expect.any(String) });
    expect(jobs.get('job-printed')?.state).toBe('printed');
    expect(outboxPayload('idem-key-1')).toEqual({ scrubbedAt: expect.any(String) });
    expect(actors()).toEqual(['member:[retention]', 'operator:[retention]', 'operator:cajero1']);

    // Unsettled: untouched.
    expect(payment(2)).toMatchObject({ subject_id: '52000111', form_url: 'http://127.0.0.1:9/form?o=2' });
    expect(payment(3)).toMatchObject({ subject_id: '79000222', state: 'created' });
    expect(voucher(2)).toMatchObject({ payerIdMasked: '****0111', userIp: '181.49.12.7' });
    expect(jobPayload('job-queued')).toMatchObject({ reference: 'REF-2', payerIdMasked: '****0111' });
    expect(jobPayload('job-failed')).toMatchObject({ reference: 'REF-2' });
    expect(outboxPayload('idem-key-2')).toMatchObject({ reference: 'REF-2' });
    expect(outboxPayload('idem-key-rejected')).toMatchObject({ reference: 'REF-9' });

    // A second pass has nothing left to do.
    expect(await app.data.retention.runOnce()).toEqual({ payments: 0, vouchers: 0, printJobs: 0, outbox: 0, audit: 0 });

    // Once payment 2 is registered it is settled: its subject goes at once (it aged long ago), its sent payload
    // only after its own 90 days.
    const second = outbox.head();
    expect(second?.idempotency_key).toBe('idem-key-2');
    outbox.markSent(second?.id ?? -1, at());
    expect(await app.data.retention.runOnce()).toMatchObject({ payments: 1, vouchers: 1, outbox: 0 });
    expect(payment(2)).toMatchObject({ subject_id: null });
    expect(outboxPayload('idem-key-2')).toMatchObject({ reference: 'REF-2' });
    time.advance(91 * DAY);
    expect(await app.data.retention.runOnce()).toMatchObject({ outbox: 1 });
    expect(outboxPayload('idem-key-2')).toEqual({ scrubbedAt: expect.any(String) });

    // The scrubbed cédula is not left behind in the file's free pages either.
    db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(file).toString('latin1');
    expect(bytes).toContain('79000222');
    expect(bytes).not.toContain('1045678901');
  });
});
