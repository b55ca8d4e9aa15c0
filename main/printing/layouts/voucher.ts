import type { VoucherData } from '../documents';
import { Ticket, type TicketOptions } from '../ticket';
import { printDateTime, printMoney } from '../text';
import { voucherQrPayload } from '../qr';
import { copyBanner, jobFooter, type JobMark } from './common';
import { paymentMethodNames } from '../../domain/payment-record';

export interface VoucherLayoutOptions extends TicketOptions {
  /** The kiosk's own terminal id (config.terminal.id), which names the key of the QR's check value. */
  terminalId: string;
  qrKey: Buffer;
  mark?: JobMark;
}

/** The seed's legal text, word for word. */
export const LEGAL_TEXT =
  'Venta No Presencial. Pagaré incondicionalmente y a la orden del acreedor, el valor total de este pagaré ' +
  'junto con los intereses a las tasas máximas permitidas por la ley.';

/** *Resultado de la Transacción - Voucher*, with every field of the seed in its order, then PSE's own facts. */
export function voucherLayout(v: VoucherData, options: VoucherLayoutOptions): Buffer {
  const t = new Ticket(options);
  copyBanner(t, v.copy);
  t.text(v.merchantName, { bold: true, align: 'center' });
  t.text('Resultado de la Transacción - Voucher', { align: 'center' });
  t.text('Transacción procesada por CREDIBANCO', { align: 'center' });
  t.rule();
  t.field('Comercio', v.merchantName);
  t.field('NIT', v.merchantNit);
  t.field('Código Único', v.uniqueCode);
  t.field('Terminal', v.terminalCode);
  t.field('# Transacción', v.transactionNumber);
  t.field('Fecha y Hora', printDateTime(v.dateTime));
  t.field('Moneda', v.currency);
  t.field('Total', printMoney(v.total), { bold: true });
  t.field('IVA', printMoney(v.iva));
  t.field('Base devolución IVA', printMoney(v.ivaRefundBase));
  t.field('Número de Cuotas', String(v.installments).padStart(3, '0'));
  t.field('Código de Error', v.errorCode);
  t.field('Resultado de la Autorización', v.authorizationResult);
  t.field('Descripción Respuesta', v.responseDescription, { bold: true });
  t.field('IP Usuario', v.userIp);
  t.rule();
  t.field('Medio de pago', paymentMethodNames[v.method].full);
  if (v.bankName) t.field('Banco', v.bankName);
  if (v.cus) t.field('CUS', v.cus);
  t.field('Referencia', v.reference);
  t.field('Concepto', v.concept);
  t.field('Documento', v.obligationDocument);
  t.field('Identificación', v.payerIdMasked);
  t.rule();
  t.text(LEGAL_TEXT, { align: 'left' });
  t.feed();
  t.qr(
    voucherQrPayload(
      { terminalId: options.terminalId, reference: v.reference, cus: v.cus, amount: v.total, dateTime: v.dateTime },
      options.qrKey,
    ),
  );
  t.text('Verifique este pago con el código QR', { align: 'center' });
  copyBanner(t, v.copy);
  jobFooter(t, options.mark);
  return t.cut().bytes();
}
