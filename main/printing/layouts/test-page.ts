import type { TestPageData } from '../documents';
import { Ticket, type TicketOptions } from '../ticket';
import { printDateTime } from '../text';
import { jobFooter, type JobMark } from './common';

export interface TestPageLayoutOptions extends TicketOptions {
  mark?: JobMark;
}

/** Every Spanish letter and sign the vouchers use: a technician sees at once whether the code page is right. */
export const SPANISH_SAMPLE = 'áéíóú ÁÉÍÓÚ ñÑ üÜ ¿? ¡!';

export function testPageLayout(d: TestPageData, options: TestPageLayoutOptions): Buffer {
  const t = new Ticket(options);
  t.text('PRUEBA DE IMPRESIÓN', { bold: true, big: true, align: 'center' });
  t.rule('=');
  t.field('Sede', d.siteName);
  t.field('Terminal', d.terminalId);
  t.field('Fecha y Hora', printDateTime(d.printedAt));
  t.field('Impresora', d.interfaceLabel || 'sin configurar');
  t.field('Ancho', `${options.width} columnas`);
  // What the bytes select, not what was configured: a Star printer is always sent CP858.
  t.field('Juego de caracteres', t.characterSet);
  t.rule();
  t.text(SPANISH_SAMPLE, { align: 'center' });
  t.text('1234567890'.repeat(Math.ceil(options.width / 10)).slice(0, options.width), { align: 'left' });
  t.rule('=');
  t.text('Si lee bien este texto, la impresora está lista.', { align: 'center' });
  jobFooter(t, options.mark);
  return t.cut().bytes();
}
