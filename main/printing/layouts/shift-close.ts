import type { ShiftCloseData } from '../voucher-data';
import { Ticket, type TicketOptions } from '../ticket';
import { printDateTime, printMoney, printSignedMoney } from '../text';
import { copyBanner, jobFooter, type JobMark } from './common';

export interface ShiftCloseLayoutOptions extends TicketOptions {
  mark?: JobMark;
}

const methodNames: Record<ShiftCloseData['totals'][number]['method'], string> = { cash: 'Efectivo', card: 'Datáfono', pse: 'PSE' };

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
    t.field(`${methodNames[total.method]} (${total.count})`, printMoney(total.amount));
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
  t.text('Firma cajero: ____________________', { align: 'left' });
  t.feed();
  t.text('Firma supervisor: ________________', { align: 'left' });
  copyBanner(t, s.copy);
  jobFooter(t, options.mark);
  return t.cut().bytes();
}
