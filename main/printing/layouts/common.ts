import type { Ticket } from '../ticket';

/** What every layout may print at its foot: which print job this paper is, and whether it is a resend. */
export interface JobMark {
  jobId: string;
  /**
   * Attempts before this one that may have put paper out (the connection broke mid-job, or the app died while
   * sending). A resend says so, so a person holding two papers knows the half-printed one is void.
   */
  resend: number;
}

export const COPY_BANNER = '*** COPIA ***';
export const RESEND_PREFIX = 'REENVIO';

/** The short form of a job id printed on paper (and read back by the virtual printer and the tests). */
export function shortJobId(jobId: string): string {
  return jobId.replace(/-/g, '').slice(0, 12).toUpperCase();
}

export function copyBanner(ticket: Ticket, copy: boolean): void {
  if (copy) ticket.text(COPY_BANNER, { bold: true, big: true, align: 'center' });
}

/** `Impresión 3F2A9C1B0D4E` and, for a resend, `REENVIO 1 - anula copia incompleta`. */
export function jobFooter(ticket: Ticket, mark: JobMark | undefined): void {
  if (!mark) return;
  ticket.align('center');
  ticket.text(`Impresión ${shortJobId(mark.jobId)}`);
  if (mark.resend > 0) ticket.text(`${RESEND_PREFIX} ${mark.resend} - anula copia incompleta`, { bold: true });
}
