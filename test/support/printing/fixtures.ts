import type { ReceiptInput, ShiftCloseInput, VoucherInput } from '../../../main/printing/documents';

/** The seed's voucher (Total $175.277, # Transacción 83), paid by PSE, with Spanish letters in every field that can have them. */
export function seedVoucher(overrides: Partial<VoucherInput> = {}): VoucherInput {
  return {
    kind: 'voucher',
    method: 'pse',
    merchantName: '1- CAJA DE COMPENSACIÓN FAMILIAR CAJACOPI ATLÁNTICO',
    merchantNit: '890102044-1',
    uniqueCode: '1706',
    terminalCode: '000',
    transactionNumber: '83',
    dateTime: '2020-04-25T11:03:33-05:00',
    currency: 'COP',
    total: 175_277,
    iva: 0,
    ivaRefundBase: 0,
    installments: 1,
    errorCode: '2300',
    authorizationResult: '01',
    responseDescription: 'Aprobada',
    userIp: '190.25.14.7',
    cus: '2519876',
    bankName: 'BANCO DE BOGOTÁ',
    reference: 'PES-BAQ01-000083',
    concept: 'CRÉDITO POR LIBRANZAS',
    obligationDocument: 'LI- 38',
    payerIdMasked: '****8901',
    copy: false,
    ...overrides,
  };
}

export function cashReceipt(overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  return {
    kind: 'receipt',
    method: 'cash',
    merchantName: 'CAJA DE COMPENSACIÓN FAMILIAR CAJACOPI ATLÁNTICO',
    merchantNit: '890102044-1',
    siteName: 'Sede Barranquilla Centro',
    terminalId: 'DESK-01',
    receiptNumber: 'R-000125',
    dateTime: '2024-03-08T14:20:00-05:00',
    operatorName: 'María Peña',
    shiftId: 'T-2024-03-08-1',
    reference: 'PES-DESK01-000125',
    concept: 'VOLANTES DE MATRÍCULA',
    obligationDocument: 'VM- 1',
    payerName: 'JOSÉ NÚÑEZ',
    payerIdMasked: '****7654',
    amount: 482_213,
    cashReceived: 500_000,
    change: 17_787,
    cardAuthorizationCode: null,
    cardReference: null,
    cardLast4: null,
    copy: false,
    ...overrides,
  };
}

export function cardReceipt(overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  return cashReceipt({
    method: 'card',
    cashReceived: null,
    change: null,
    cardAuthorizationCode: '054321',
    cardReference: 'DF-99812',
    cardLast4: '4242',
    ...overrides,
  });
}

export function shiftClose(overrides: Partial<ShiftCloseInput> = {}): ShiftCloseInput {
  return {
    kind: 'shiftClose',
    merchantName: 'CAJA DE COMPENSACIÓN FAMILIAR CAJACOPI ATLÁNTICO',
    siteName: 'Sede Barranquilla Centro',
    terminalId: 'DESK-01',
    shiftId: 'T-2024-03-08-1',
    operatorName: 'María Peña',
    openedAt: '2024-03-08T07:00:00-05:00',
    closedAt: '2024-03-08T15:00:00-05:00',
    openingCash: 200_000,
    totals: [
      { method: 'cash', count: 12, amount: 3_450_000 },
      { method: 'card', count: 5, amount: 1_200_500 },
      { method: 'pse', count: 2, amount: 350_554 },
    ],
    expectedCash: 3_650_000,
    countedCash: 3_648_000,
    difference: -2_000,
    authorizedBy: 'Óscar Ibáñez',
    copy: false,
    ...overrides,
  };
}
