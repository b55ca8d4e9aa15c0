import type { ShiftCloseData } from '../documents';
import { Ticket, type TicketOptions } from '../ticket';
import { printDateTime, printMoney, printSignedMoney } from '../text';
import { copyBanner, jobFooter, type JobMark } from './common';
import { paymentMethodNames } from '../../domain/payment-record';

export interface ShiftCloseLayoutOptions extends TicketOptions {
  mark?: JobMark;
}

/** *Cierre de turno*: totals per payment method and the cash count, for the desk's supervisor to sign. */
export function shiftCloseLayout(s: ShiftCloseData, options: ShiftCloseLayoutOptions): Buffer {
  const t = new Ticket(options);
  copyBanner(t, s.copy);
  t.text(s.merchantName, { bold: true, align: 'center' });
  t.text(s.siteName, { align: 'center' });
  t.text('Cierre de Turno', { bold: true, big: true, align: 'center' });
  t.rule();
  t.field('Turno', s.shiftId);
  t.field('Terminal', s.terminalId);
  t.field('Cajero', s.operatorName);
  t.field('Apertura', printDateTime(s.openedAt));
  t.field('Cierre', printDateTime(s.closedAt));
  t.rule();
  let count = 0;
  let amount = 0;
  for (const total of s.totals) {
    t.field(`${paymentMethodNames[total.method].short} (${total.count})`, printMoney(total.amount));
    count += total.count;
    amount += total.amount;
  }
  t.field(`Total (${count})`, printMoney(amount), { bold: true });
  t.rule();
  t.field('Base de caja', printMoney(s.openingCash));
  t.field('Efectivo esperado', printMoney(s.expectedCash));
  t.field('Efectivo contado', printMoney(s.countedCash));
  t.field('Diferencia', printSignedMoney(s.difference), { bold: true });
  t.rule();
  if (s.receiptRange) t.field('Recibos', s.receiptRange);
  t.field('Anulados', String(s.voidedCount));
  if (s.unregisteredCount > 0) t.field('Sin registrar (visto supervisor)', String(s.unregisteredCount), { bold: true });
  if (s.conflictCount > 0) t.field('Conflictos', String(s.conflictCount), { bold: true });
  t.field('Autorizó', s.authorizedBy ?? 'Sin autorización');
  t.feed(2);
  t.signature('Firma cajero:');
  t.feed();
  t.signature('Firma supervisor:');
  copyBanner(t, s.copy);
  jobFooter(t, options.mark);
  return t.cut().bytes();
}
