import type { ApiOutput } from '../../main/api/contract';
import { formatDateTime } from '../format';

type PrinterStatus = ApiOutput<'printing.status'>;
type JobStatus = ApiOutput<'printing.jobStatus'>;
export type FailureReason = NonNullable<JobStatus['lastError']>;

/** Every Spanish text about printing, in one place. */
export const printingTexts = {
  printing: 'Imprimiendo…',
  printed: 'Comprobante impreso',
  /** The voucher's own print, queued when the payment was approved: said, so nobody presses Imprimir for it. */
  autoPrinting: 'Su comprobante se está imprimiendo. Retírelo de la impresora.',
  autoPrinted: 'Su comprobante se imprimió. Retírelo de la impresora.',
  copy: 'Imprimir copia',
  printerDown:
    'Su pago está registrado y seguro. La impresora no está disponible en este momento; puede reimprimir el comprobante más tarde desde Historial.',
  screenPrint: 'Esta terminal no tiene impresora térmica: se abrió la impresión en pantalla.',
  testSent: 'Prueba enviada a la impresora…',
  testPrinted: 'Prueba impresa. Revise el papel: las tildes, la ñ y los signos ¿ ¡ deben verse bien.',
  testNeedsOperator: 'Para imprimir una prueba, un supervisor o técnico debe ingresar.',
  notConfigured: 'No hay impresora térmica configurada; los comprobantes se imprimen desde la pantalla.',
} as const;

export const failureTexts: Record<FailureReason, string> = {
  unreachable: 'La impresora no responde (apagada o desconectada).',
  timeout: 'La impresora tardó demasiado en responder.',
  interrupted: 'La conexión con la impresora se cortó durante la impresión.',
  'paper-out': 'La impresora no tiene papel.',
  'driver-missing': 'Falta el controlador de la impresora en este equipo.',
  'not-configured': 'No hay impresora térmica configurada.',
  'invalid-document': 'El comprobante no se pudo armar para imprimir; el pago sí quedó registrado.',
  expired: 'Se dejó de intentar la impresión; puede reimprimir desde Historial.',
};

const kindTexts: Record<string, string> = { voucher: 'Comprobante', receipt: 'Recibo', shiftClose: 'Cierre de turno', testPage: 'Prueba' };
const stateTexts: Record<JobStatus['state'], string> = {
  queued: 'en cola',
  printing: 'imprimiendo',
  printed: 'impreso',
  failed: 'fallido',
};

export function localTime(iso: string | null): string {
  return formatDateTime(iso);
}

/** The printer in a word for the public: no address, no error codes. */
export function publicPrinterLine(status: PrinterStatus): string {
  if (!status.configured) return 'Sin impresora térmica: los comprobantes se imprimen desde la pantalla';
  if (status.reachable === false) return 'No disponible en este momento';
  if (status.paper === 'out') return 'Sin papel';
  return 'Lista';
}

export function printerLine(status: PrinterStatus): string {
  if (!status.configured) return printingTexts.notConfigured;
  const paper = status.paper === 'out' ? ' · sin papel' : status.paper === 'near-end' ? ' · papel por agotarse' : '';
  const reach = status.reachable === null ? 'sin verificar' : status.reachable ? 'Conectada' : 'No disponible';
  return `${reach}${paper} (${status.interface})`;
}

export function lastJobLine(status: PrinterStatus): string {
  const job = status.lastJob;
  if (!job) return 'Ninguno todavía';
  const copy = job.copy ? ' (COPIA)' : '';
  const when = localTime(job.printedAt ?? job.createdAt);
  const why = job.lastError ? ` — ${failureTexts[job.lastError]}` : '';
  return `${kindTexts[job.kind] ?? job.kind}${copy}: ${stateTexts[job.state]}, ${when}${why}`;
}

export function failuresLine(status: PrinterStatus): string {
  const parts = [
    `${status.consecutiveFailures} intentos fallidos seguidos`,
    `${status.queued} en cola`,
    `${status.failedLast24h} fallidos en 24 h`,
  ];
  const last = status.lastFailure && status.consecutiveFailures > 0 ? ` — ${failureTexts[status.lastFailure]}` : '';
  return `${parts.join(' · ')}${last}`;
}
