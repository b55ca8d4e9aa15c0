import type { VoidSlipData } from '../documents';
import { Ticket, type TicketOptions } from '../ticket';
import { printDateTime, printMoney } from '../text';
import { copyBanner, jobFooter, type JobMark } from './common';
import { paymentMethodNames } from '../../domain/payment-record';

export interface VoidSlipLayoutOptions extends TicketOptions {
  mark?: JobMark;
}

/** *ANULADO*: the receipt it cancels, the amount given back, who voided it and why. */
export function voidSlipLayout(v: VoidSlipData, options: VoidSlipLayoutOptions): Buffer {
  const t = new Ticket(options);
  copyBanner(t, v.copy);
  t.text(v.merchantName, { bold: true, align: 'center' });
  t.text(v.siteName, { align: 'center' });
  t.text('ANULADO', { bold: true, big: true, align: 'center' });
  t.rule();
  t.field('Recibo anulado', v.receiptNumber);
  t.field('Medio de pago', paymentMethodNames[v.method].full);
  t.field('Valor anulado', printMoney(v.amount), { bold: true });
  t.field('Fecha del pago', printDateTime(v.paidAt));
  t.field('Fecha anulación', printDateTime(v.voidedAt));
  t.field('Terminal', v.terminalId);
  t.field('Turno', v.shiftId);
  t.field('Cajero', v.operatorName);
  t.field('Autorizó', v.supervisorName);
  t.field('Motivo', v.reason);
  copyBanner(t, v.copy);
  jobFooter(t, options.mark);
  return t.cut().bytes();
}
