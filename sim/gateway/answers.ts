import type { GatewayState, SimOrder } from './state';
import { simBanks } from './state';

/** The JSON the simulated Credibanco answers with, in the shapes of the REST manual. */

const ACTION: Record<SimOrder['status'], { code: number; text: string; orderStatus: number; ach: string | null }> = {
  registered: { code: -100, text: 'No se ha intentado el pago', orderStatus: 0, ach: null },
  approved: { code: 0, text: 'Aprobada', orderStatus: 2, ach: 'OK' },
  rejected: { code: 2001, text: 'Transacción rechazada por la entidad financiera', orderStatus: 6, ach: 'NOT_AUTHORIZED' },
  failed: { code: 2002, text: 'Transacción fallida', orderStatus: 6, ach: 'FAILED' },
  pending: { code: 2003, text: 'Transacción pendiente de confirmación', orderStatus: 7, ach: 'PENDING' },
};

const PAYMENT_STATE: Record<SimOrder['status'], string> = {
  registered: 'CREATED',
  approved: 'DEPOSITED',
  rejected: 'DECLINED',
  failed: 'DECLINED',
  pending: 'PENDING',
};

export function bankName(code: string): string | null {
  return simBanks.find((b) => b.financialInstitutionCode === code)?.financialInstitutionName ?? null;
}

export function orderStatusBody(order: SimOrder): Record<string, unknown> {
  const action = ACTION[order.status];
  const set = order.answer ?? {};
  const has = (key: keyof NonNullable<SimOrder['answer']>) => key in set;
  const body: Record<string, unknown> = {
    errorCode: '0',
    errorMessage: 'Success',
    orderNumber: order.orderNumber,
    orderStatus: action.orderStatus,
    actionCode: action.code,
    actionCodeDescription: action.text,
    amount: order.amountMinor,
    currency: '170',
    date: order.createdAt,
    orderDescription: order.description,
    ip: order.ip,
    terminalId: '00001706',
    authRefNum: order.authRefNum,
    authDateTime: order.decidedAt,
    paymentAmountInfo: {
      paymentState: PAYMENT_STATE[order.status],
      totalAmount: order.amountMinor,
      approvedAmount: order.status === 'approved' ? order.amountMinor : 0,
    },
    bankInfo: { bankName: bankName(order.bankCode), bankCountryCode: 'CO' },
    paymentWay: 'PSE',
    pseInfo: {
      financialInstitutionCode: order.bankCode,
      traceabilityCode: order.cus,
      userType: order.userType,
      docType: order.docType,
      docNumber: order.docNumber,
    },
    attributes: [{ name: 'mdOrder', value: order.orderId }],
  };
  // A test's answer (PUT /sim/gateway/orders/{id}/answer) wins over the simulator's own values.
  for (const key of ['actionCode', 'actionCodeDescription', 'ip', 'authRefNum', 'date', 'authDateTime'] as const) {
    if (has(key)) body[key] = set[key] ?? null;
  }
  if (has('bankName')) body.bankInfo = { bankName: set.bankName ?? null, bankCountryCode: 'CO' };
  if (has('cus')) body.pseInfo = { ...(body.pseInfo as object), traceabilityCode: set.cus ?? null };
  if (has('approvalCode')) body.cardAuthInfo = { approvalCode: set.approvalCode ?? null };
  return body;
}

export function pseStatusBody(order: SimOrder): Record<string, unknown> {
  const set = order.answer ?? {};
  return {
    errorCode: '0',
    traceabilityCode: 'cus' in set ? set.cus : order.cus,
    nit: '8901020441',
    serviceCode: '1001',
    financialInstitutionCode: order.bankCode,
    financialInstitutionName: 'bankName' in set ? set.bankName : bankName(order.bankCode),
    userType: order.userType,
    docType: order.docType,
    docNumber: order.docNumber,
    ticketId: 'ticketId' in set ? set.ticketId : order.authRefNum,
    transactionStatus: ACTION[order.status].ach,
  };
}

/** Tells our host about a final decision, as Credibanco's callback does (GET; it may arrive before the payer). */
export function sendCallback(state: GatewayState, order: SimOrder): void {
  if (!state.callbacksEnabled || order.status === 'registered' || order.status === 'pending') return;
  let url: URL;
  try {
    url = new URL('/pse/callback', order.returnUrl);
  } catch {
    return;
  }
  url.searchParams.set('mdOrder', order.orderId);
  url.searchParams.set('orderNumber', order.orderNumber);
  url.searchParams.set('operation', 'deposited');
  url.searchParams.set('status', order.status === 'approved' ? '1' : '0');
  const record = { url: url.toString(), at: state.now(), delivered: false };
  state.callbacks.push(record);
  void fetch(url, { signal: AbortSignal.timeout(3000) })
    .then((response) => {
      record.delivered = response.ok;
    })
    .catch(() => undefined);
}
