import type { Config } from '../config/schema';
import { formatCop } from '../domain/money';
import type { OrderStatus, PseStatus } from './gateway';

/**
 * *Resultado de la Transacción - Voucher* of the seed, field by field. Comercio, NIT, Código Único and Terminal
 * are merchant configuration; the rest comes from the gateway's answers. Where the seed's field has no named
 * source (integrations.md: *unconfirmed*), the mapping chosen is:
 * - # Transacción ← `authRefNum`, else pse/status `ticketId`, else the gateway's orderId;
 * - Fecha y Hora ← `authDateTime`, else `date` (Bogotá time, `YYYY-MM-DD HH:mm:ss`);
 * - IVA and Base devolución IVA ← 0 (we register `IVA.amount=0`: obligations carry no IVA);
 * - Número de Cuotas ← `001` (PSE debits are single payments; we register `installments=1`);
 * - Código de Error ← `actionCode`; Resultado de la Autorización ← `approvalCode`, else ACH's transaction state;
 * - Descripción Respuesta ← `actionCodeDescription`; IP Usuario ← `ip`.
 */
export const VOUCHER_TITLE = 'Resultado de la Transacción - Voucher';
export const VOUCHER_PROCESSOR = 'Transacción procesada por CREDIBANCO';
export const VOUCHER_LEGAL_TEXT =
  'Venta No Presencial. Pagaré incondicionalmente y a la orden del acreedor, el valor total de este pagaré junto con ' +
  'los intereses a las tasas máximas permitidas por la ley.';

export interface VoucherFields {
  merchantName: string;
  merchantNit: string;
  uniqueCode: string;
  terminal: string;
  transactionNumber: string;
  dateTime: string;
  currency: 'COP';
  total: number;
  iva: number;
  ivaRefundBase: number;
  installments: string;
  errorCode: string;
  authorizationResult: string;
  responseDescription: string;
  userIp: string;
  cus: string;
  bankName: string;
  reference: string;
}

function bogota(date: Date): string {
  return new Date(date.getTime() - 5 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export function buildVoucherFields(input: {
  merchant: Config['merchant'];
  reference: string;
  status: OrderStatus;
  pse: PseStatus | null;
  bankName: string | null;
  now: Date;
}): VoucherFields {
  const { status, pse } = input;
  return {
    merchantName: input.merchant.name,
    merchantNit: input.merchant.nit,
    uniqueCode: input.merchant.uniqueCode,
    terminal: input.merchant.terminalCode,
    transactionNumber: status.authRefNum ?? pse?.ticketId ?? status.orderId,
    dateTime: bogota(status.authDateTime ?? status.date ?? input.now),
    currency: 'COP',
    total: status.amount,
    iva: 0,
    ivaRefundBase: 0,
    installments: '001',
    errorCode: status.actionCode === null ? '' : String(status.actionCode),
    authorizationResult: status.approvalCode ?? pse?.transactionStatus ?? '',
    responseDescription: status.actionCodeDescription ?? '',
    userIp: status.ip ?? '',
    cus: pse?.cus ?? status.pse?.cus ?? '',
    bankName: input.bankName ?? pse?.bankName ?? '',
    reference: input.reference,
  };
}

/** The voucher as the screen and the printer show it: Spanish labels, values formatted once. */
export function voucherLines(fields: VoucherFields): { label: string; value: string }[] {
  return [
    { label: 'Comercio', value: fields.merchantName },
    { label: 'NIT', value: fields.merchantNit },
    { label: 'Código Único', value: fields.uniqueCode },
    { label: 'Terminal', value: fields.terminal },
    { label: '# Transacción', value: fields.transactionNumber },
    { label: 'Fecha y Hora', value: fields.dateTime },
    { label: 'Moneda', value: fields.currency },
    { label: 'Total', value: formatCop(fields.total) },
    { label: 'IVA', value: formatCop(fields.iva) },
    { label: 'Base devolución IVA', value: formatCop(fields.ivaRefundBase) },
    { label: 'Número de Cuotas', value: fields.installments },
    { label: 'Código de Error', value: fields.errorCode },
    { label: 'Resultado de la Autorización', value: fields.authorizationResult },
    { label: 'Descripción Respuesta', value: fields.responseDescription },
    { label: 'IP Usuario', value: fields.userIp },
    { label: 'CUS', value: fields.cus },
    { label: 'Banco', value: fields.bankName },
    { label: 'Referencia', value: fields.reference },
  ];
}
