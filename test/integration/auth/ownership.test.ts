import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '../../../main/api/contract';
import type { Envelope } from '../../../main/api/errors';
import { DEMO_MEMBER, decideAtGateway, startCuotaPayment, startPrintingKiosk, type PrintingKiosk } from '../../fixtures/printing-kiosk';

/**
 * A person reaches only their own rows. Every method a person may call that names a payment, a voucher, a
 * print job or an obligation by id is tried by a signed-in empresa with the ids of an afiliado's approved
 * payment: each answers NOT_FOUND, exactly as for an id that does not exist. The methods are taken from the
 * contract, so one added later with such an id is tried too (and fails here until its inputs have a value).
 */
const COMPANY = { type: 'company', id: '900123456-8', name: 'EMPRESA DEMO', email: 'empresa@example.com', phoneTail: '987' } as const;
const idKeys = ['paymentId', 'voucherId', 'jobId', 'reference', 'obligationId'] as const;
type IdKey = (typeof idKeys)[number];

function shapeOf(method: MethodName): Record<string, unknown> {
  const input = contract[method].input as unknown as { shape?: Record<string, unknown> };
  return input.shape ?? {};
}
const personMethodsWithIds = methodNames.filter((method) => {
  const access = contract[method].access;
  const admitsPerson = access === 'person' || (Array.isArray(access) && access.includes('person'));
  return admitsPerson && idKeys.some((key) => key in shapeOf(method));
});

describe("a person never reaches another person's payments, vouchers or print jobs", () => {
  let kiosk: PrintingKiosk;
  const ids = {} as Record<IdKey, string>;
  const missing: Record<IdKey, string> = {
    paymentId: randomUUID(),
    voucherId: randomUUID(),
    jobId: randomUUID(),
    reference: 'NOPE-0000',
    obligationId: 'LI-404',
  };
  /** Values for the other fields a method may need, so that only the id decides the answer. */
  let otherFields: Record<string, () => unknown>;

  function inputFor(method: MethodName, idsToUse: Record<IdKey, string>): Record<string, unknown> {
    return Object.fromEntries(
      Object.keys(shapeOf(method)).map((key) => {
        if ((idKeys as readonly string[]).includes(key)) return [key, idsToUse[key as IdKey]];
        const value = otherFields[key];
        if (!value) throw new Error(`${method}: give the ownership test a value for its input field "${key}"`);
        return [key, value()];
      }),
    );
  }
  const call = (method: MethodName, input: unknown) => kiosk.dispatch(method, input) as Promise<Envelope<Record<string, unknown>>>;

  beforeAll(async () => {
    kiosk = await startPrintingKiosk();
    const { app } = kiosk;
    app.sessions.startPerson(DEMO_MEMBER);
    const { banks } = await kiosk.call<{ banks: { code: string }[] }>('payments.banks', {});
    otherFields = {
      requestId: () => randomUUID(),
      amount: () => ({ kind: 'installment' }),
      bankCode: () => banks[0]?.code,
      payer: () => ({ fullName: 'EMPRESA DEMO', email: 'empresa@example.com', phone: '3015550987' }),
      limit: () => 20,
    };
    const payment = await startCuotaPayment(kiosk);
    expect(await decideAtGateway(kiosk, payment.paymentId, 'approved')).toBe(true);
    expect(await kiosk.call('payments.result', { reference: payment.reference })).toMatchObject({ outcome: 'approved' });
    const voucher = await kiosk.call<{ voucherId: string }>('payments.voucher', { paymentId: payment.paymentId });
    await kiosk.sim.printer.waitForJobs(1, 10_000);
    const jobId = app.db.prepare<[string], string>('SELECT id FROM print_jobs WHERE voucher_id = ?').pluck().get(voucher.voucherId);
    Object.assign(ids, {
      paymentId: payment.paymentId,
      voucherId: voucher.voucherId,
      jobId,
      reference: payment.reference,
      obligationId: 'LI-38',
    });
    app.sessions.endPerson('sign-out');
  });
  afterAll(async () => {
    await kiosk.close();
  });

  it('finds the methods to try in the contract', () => {
    expect(personMethodsWithIds).toEqual(
      expect.arrayContaining(['payments.voucher', 'payments.result', 'printing.reprint', 'printing.jobStatus', 'payments.quote']),
    );
    expect(Object.values(ids).every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
  });

  for (const method of personMethodsWithIds) {
    it(`${method}: an empresa with an afiliado's id gets NOT_FOUND, the same answer as for no such id`, async () => {
      kiosk.app.sessions.startPerson(COMPANY);
      try {
        const theirs = await call(method, inputFor(method, ids));
        const nothing = await call(method, inputFor(method, missing));
        expect(theirs).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        expect(theirs).toEqual(nothing);
      } finally {
        kiosk.app.sessions.endPerson('sign-out');
      }
    });
  }

  it("lets the afiliado who paid read and reprint the same rows; the empresa's history does not list them", async () => {
    kiosk.app.sessions.startPerson(DEMO_MEMBER);
    expect(await call('payments.voucher', { paymentId: ids.paymentId })).toMatchObject({ ok: true, data: { voucherId: ids.voucherId } });
    expect(await call('payments.result', { reference: ids.reference })).toMatchObject({ ok: true, data: { paymentId: ids.paymentId } });
    expect(await call('printing.jobStatus', { jobId: ids.jobId })).toMatchObject({ ok: true, data: { id: ids.jobId } });
    expect(await call('printing.reprint', { voucherId: ids.voucherId })).toMatchObject({ ok: true });
    kiosk.app.sessions.endPerson('sign-out');
    kiosk.app.sessions.startPerson(COMPANY);
    const history = await call('payments.history', {});
    expect(history).toMatchObject({ ok: true });
    expect(JSON.stringify(history)).not.toContain(ids.paymentId);
    kiosk.app.sessions.endPerson('sign-out');
  });
});
