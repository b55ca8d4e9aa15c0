import type { ReceiptData } from '../documents';
import { Ticket, type TicketOptions } from '../ticket';
import { printDateTime, printMoney } from '../text';
import { copyBanner, jobFooter, type JobMark } from './common';
import { paymentMethodNames } from '../../domain/payment-record';

export interface ReceiptLayoutOptions extends TicketOptions {
  mark?: JobMark;
}

/** The cashier's receipt for a desk payment, in cash or on the datáfono. */
export function receiptLayout(r: ReceiptData, options: ReceiptLayoutOptions): Buffer {
  const t = new Ticket(options);
  copyBanner(t, r.copy);
  t.text(r.merchantName, { bold: true, align: 'center' });
  t.text(`NIT ${r.merchantNit}`, { align: 'center' });
  t.text(r.siteName, { align: 'center' });
  t.text('Recibo de Pago', { bold: true, big: true, align: 'center' });
  t.rule();
  t.field('Recibo', r.receiptNumber);
  t.field('Fecha y Hora', printDateTime(r.dateTime));
  t.field('Terminal', r.terminalId);
  t.field('Cajero', r.operatorName);
  if (r.shiftId) t.field('Turno', r.shiftId);
  t.rule();
  if (r.payerName) t.field('Nombre', r.payerName);
  t.field('Identificación', r.payerIdMasked);
  t.field('Concepto', r.concept);
  t.field('Documento', r.obligationDocument);
  t.field('Referencia', r.reference);
  t.rule();
  t.field('Medio de pago', paymentMethodNames[r.method].full);
  t.field('Total pagado', printMoney(r.amount), { bold: true });
  if (r.method === 'cash') {
    t.field('Recibido', printMoney(r.cashReceived ?? r.amount));
    t.field('Cambio', printMoney(r.change ?? 0));
  } else {
    if (r.cardLast4) t.field('Tarjeta', `**** ${r.cardLast4}`);
    t.field('Autorización', r.cardAuthorizationCode ?? '');
    if (r.cardReference) t.field('Ref. datáfono', r.cardReference);
  }
  t.rule();
  t.text('Conserve este recibo como soporte de su pago.', { align: 'center' });
  copyBanner(t, r.copy);
  jobFooter(t, options.mark);
  return t.cut().bytes();
}
