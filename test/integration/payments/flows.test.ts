import { describe, expect, it } from 'vitest';
import { VOUCHER_LABELS } from '../../fixtures/voucher-labels';
import { ApiError } from '../../../main/api/errors';
import { createCredibancoGateway } from '../../../main/payments/credibanco/client';
import type { Gateway } from '../../../main/payments/gateway';
import {
  MEMBER,
  apiRefusal,
  paymentInput,
  insertObligation,
  obligationOf,
  outboxItems,
  payAtBank,
  paymentRig,
  usePaymentWorld,
} from '../../fixtures/payments';

const MIN3 = 3 * 60_000;
const w = usePaymentWorld();

function stateOf(reference: string): string {
  return w.store.db.prepare<[string], { state: string }>('SELECT state FROM payments WHERE reference = ?').get(reference)!.state;
}

describe('PSE payment against the simulated gateway', () => {
  it('approved: writes each step before the call it leads to, then balance, voucher and one outbox item together', async () => {
    const seen: string[] = [];
    const real = createCredibancoGateway({ ...w.config.gateway });
    const observing: Gateway = {
      ...real,
      register: async (order) => {
        seen.push(`register with the payment ${stateOf(order.orderNumber)}`);
        return real.register(order);
      },
    };
    w.rig = paymentRig(w.store.db, w.config, { gateway: observing });

    const started = await w.rig.service.start(paymentInput());
    expect(seen).toEqual(['register with the payment created']);
    expect(started.amount).toBe(175_277);
    expect(stateOf(started.reference)).toBe('redirected');

    const back = await payAtBank(started.redirectUrl, 'approve');
    expect(back.pathname).toBe('/pse/retorno');
    const returned = await w.rig.service.handleReturn(back.searchParams.get('orderId')!);
    expect(returned).toEqual({ reference: started.reference, outcome: 'approved' });

    expect(obligationOf(w.store.db, 'LI-38')).toEqual({ balance: 1_752_770 - 175_277, paid: 175_277 });
    const items = outboxItems(w.store.db);
    expect(items).toHaveLength(1);
    expect(items[0]!.kind).toBe('payment.register');
    expect(JSON.parse(items[0]!.payload_json)).toMatchObject({
      reference: started.reference,
      amount: 175_277,
      method: 'pse',
      obligationId: 'LI-38',
    });

    const result = await w.rig.service.result(started.reference, MEMBER);
    expect(result).toMatchObject({
      outcome: 'approved',
      amount: 175_277,
      bankName: 'BANCOLOMBIA',
      voucherAvailable: true,
      pendingText: null,
    });
    const voucher = w.rig.service.voucher(started.paymentId, MEMBER);
    expect(voucher.title).toBe('Resultado de la Transacción - Voucher');
    expect(voucher.fields).toMatchObject({
      merchantName: w.config.merchant.name,
      merchantNit: w.config.merchant.nit,
      uniqueCode: w.config.merchant.uniqueCode,
      terminal: w.config.merchant.terminalCode,
      currency: 'COP',
      total: 175_277,
      installments: '001',
      responseDescription: 'Aprobada',
      bankName: 'BANCOLOMBIA',
      reference: started.reference,
      // The payer's cédula 1045678901, masked as on paper.
      payerIdMasked: '****8901',
    });
    expect(voucher.fields.cus).toBe(result.cus);
    expect(voucher.lines.map((l) => l.label)).toEqual(VOUCHER_LABELS);
    expect(voucher.legalText).toMatch(/^Venta No Presencial\. Pagaré incondicionalmente/);

    const events = w.store.db
      .prepare<[string], { to_state: string }>('SELECT to_state FROM payment_events WHERE payment_id = ? ORDER BY id')
      .all(started.paymentId);
    expect(events.map((e) => e.to_state)).toEqual(['created', 'registered', 'redirected', 'approved']);

    // Asking again (return page reloaded, callback, polling) changes nothing.
    await w.rig.service.handleReturn(back.searchParams.get('orderId')!);
    w.rig.clock.advance(MIN3);
    await w.rig.service.runDue();
    await w.rig.service.resume();
    expect(outboxItems(w.store.db)).toHaveLength(1);
    expect(obligationOf(w.store.db, 'LI-38').paid).toBe(175_277);
    expect(w.rig.service.history(MEMBER, 10).items.map((i) => i.reference)).toEqual([started.reference]);
  });

  it('rejected: nothing is paid, no voucher, nothing to register centrally', async () => {
    const started = await w.rig.service.start(paymentInput({ choice: 'balance' }));
    const back = await payAtBank(started.redirectUrl, 'reject');
    const returned = await w.rig.service.handleReturn(back.searchParams.get('orderId')!);
    expect(returned?.outcome).toBe('rejected');
    expect(obligationOf(w.store.db, 'LI-38')).toEqual({ balance: 1_752_770, paid: 0 });
    expect(outboxItems(w.store.db)).toEqual([]);
    expect((await w.rig.service.result(started.reference, MEMBER)).voucherAvailable).toBe(false);
    expect(() => w.rig.service.voucher(started.paymentId, MEMBER)).toThrow(ApiError);
    // A rejected attempt does not block the next one.
    await expect(w.rig.service.start(paymentInput())).resolves.toMatchObject({ amount: 175_277 });
  });

  it("pending → approved: refuses a second payment with ACH's text, polls every 3 minutes, then approves once", async () => {
    const started = await w.rig.service.start(paymentInput({ choice: { other: 300_000 } }));
    const back = await payAtBank(started.redirectUrl, 'pending');
    const orderId = back.searchParams.get('orderId')!;
    expect((await w.rig.service.handleReturn(orderId))?.outcome).toBe('pending');
    const result = await w.rig.service.result(started.reference, MEMBER);
    expect(result.cus).toMatch(/^\d+$/);
    expect(result.pendingText).toContain(`#${started.reference} presenta un proceso de pago`);

    const second = await apiRefusal(w.rig.service.start(paymentInput()));
    expect(second.code).toBe('CONFLICT');
    expect(second.details).toMatchObject({ reason: 'PAYMENT_PENDING', reference: started.reference, cus: result.cus });
    expect(second.details?.text).toBe(
      `En este momento su #${started.reference} presenta un proceso de pago cuya transacción se encuentra PENDIENTE de recibir ` +
        'confirmación por parte de su entidad financiera, por favor espere unos minutos y vuelva a consultar más tarde para ' +
        'verificar si su pago fue confirmado de forma exitosa. Si desea mayor información sobre el estado actual de su operación ' +
        `puede comunicarse a nuestras líneas de atención al cliente ${w.config.contacts.customerServicePhone} o enviar un correo ` +
        `electrónico a ${w.config.contacts.customerServiceEmail} y preguntar por el estado de la transacción: ${result.cus}`,
    );
    expect(w.rig.service.quote('LI-38', MEMBER).blocked?.text).toBe(second.details?.text);

    w.rig.clock.advance(MIN3 - 1000);
    expect(await w.rig.service.runDue()).toBe(0);
    await w.admin.resolve(orderId, 'approved');
    w.rig.clock.advance(1000);
    expect(await w.rig.service.runDue()).toBe(1);
    expect(stateOf(started.reference)).toBe('approved');
    expect(obligationOf(w.store.db, 'LI-38')).toEqual({ balance: 1_452_770, paid: 300_000 });
    expect(outboxItems(w.store.db)).toHaveLength(1);
  });

  it('pending → expired after 30 minutes of polling; a late approval is still taken', async () => {
    const started = await w.rig.service.start(paymentInput());
    const back = await payAtBank(started.redirectUrl, 'pending');
    await w.rig.service.handleReturn(back.searchParams.get('orderId')!);
    for (let minute = 3; minute <= 27; minute += 3) {
      w.rig.clock.advance(MIN3);
      expect(await w.rig.service.runDue()).toBe(1);
      expect(stateOf(started.reference)).toBe('pending');
    }
    w.rig.clock.advance(MIN3);
    await w.rig.service.runDue();
    expect(stateOf(started.reference)).toBe('expired');
    w.rig.clock.advance(MIN3);
    expect(await w.rig.service.runDue()).toBe(0);
    // Still pending at ACH: a new payment is still refused, and the result screen shows ACH's text.
    expect((await apiRefusal(w.rig.service.start(paymentInput()))).details?.reason).toBe('PAYMENT_PENDING');
    expect((await w.rig.service.result(started.reference, MEMBER)).outcome).toBe('expired');

    await w.admin.resolve(back.searchParams.get('orderId')!, 'approved');
    expect(await w.rig.service.resume()).toBe(1);
    expect(stateOf(started.reference)).toBe('approved');
    expect(outboxItems(w.store.db)).toHaveLength(1);
    expect(obligationOf(w.store.db, 'LI-38').paid).toBe(175_277);
  });

  it('abandoned at the bank: the attempt stays open, a new one may start, and the old one fails with the gateway', async () => {
    const first = await w.rig.service.start(paymentInput());
    const back = await payAtBank(first.redirectUrl, 'abandon');
    expect((await w.rig.service.handleReturn(back.searchParams.get('orderId')!))?.outcome).toBe('inProgress');
    const second = await w.rig.service.start(paymentInput());
    expect(second.reference).not.toBe(first.reference);

    await w.admin.advance(21 * 60_000); // Credibanco's 20 minutes to pay run out
    w.rig.clock.advance(MIN3);
    await w.rig.service.runDue();
    expect(stateOf(first.reference)).toBe('failed');
    expect(outboxItems(w.store.db)).toEqual([]);
  });

  it('a double tap on PAGAR makes one payment', async () => {
    const request = paymentInput();
    const [a, b] = await Promise.all([w.rig.service.start(request), w.rig.service.start(request)]);
    expect(b).toEqual(a);
    const again = await w.rig.service.start(request);
    expect(again).toEqual(a);
    expect(await w.admin.orders()).toHaveLength(1);
    expect(w.store.db.prepare('SELECT COUNT(*) AS n FROM payments').get()).toEqual({ n: 1 });
    // The same requestId from another person is not theirs to reuse.
    const stolen = await apiRefusal(w.rig.service.start({ ...request, subject: { subjectType: 'member', subjectId: '1045000000' } }));
    expect(stolen.details?.reason).toBe('REQUEST_ID_REUSED');
  });

  it('an approved payment blocks a new one until the central API has it', async () => {
    const started = await w.rig.service.start(paymentInput());
    const back = await payAtBank(started.redirectUrl, 'approve');
    await w.rig.service.handleReturn(back.searchParams.get('orderId')!);
    expect((await apiRefusal(w.rig.service.start(paymentInput()))).details?.reason).toBe('PAYMENT_PENDING');
    w.store.db.prepare("UPDATE outbox SET state = 'sent'").run();
    await expect(w.rig.service.start(paymentInput())).resolves.toMatchObject({ amount: 175_277 });
  });

  it('checks amounts, banks and ownership with clear reasons', async () => {
    const below = await apiRefusal(w.rig.service.start(paymentInput({ choice: { other: 9_999 } })));
    expect(below).toMatchObject({ code: 'VALIDATION', details: { reason: 'BELOW_MINIMUM' } });
    expect(below.details?.text).toMatch(/El valor mínimo a pagar es/);
    expect((await apiRefusal(w.rig.service.start(paymentInput({ bankCode: '9999' })))).details?.reason).toBe('UNKNOWN_BANK');
    insertObligation(w.store.db, { id: 'LI-51', ownerType: 'company', ownerId: '900123456-8', balance: 6_300_000, installment: 700_000 });
    // Another person's credit is answered exactly like one that does not exist.
    const notTheirs = await apiRefusal(w.rig.service.start(paymentInput({ obligationId: 'LI-51' })));
    const missing = await apiRefusal(w.rig.service.start(paymentInput({ obligationId: 'NOPE' })));
    expect(notTheirs).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'OBLIGATION_NOT_FOUND' } });
    expect(notTheirs.toBody()).toEqual(missing.toBody());
    expect(await w.admin.orders()).toEqual([]);
  });
});
