/**
 * Why a print attempt failed. Transient reasons are retried with back-off; permanent ones end the job as
 * `failed`. `partial` says whether any byte may have reached the printer (so a resend is marked as one).
 */
export type PrintFailureReason =
  'unreachable' | 'timeout' | 'interrupted' | 'paper-out' | 'driver-missing' | 'not-configured' | 'invalid-document' | 'expired';

const permanent = new Set<PrintFailureReason>(['driver-missing', 'not-configured', 'invalid-document', 'expired']);

export class PrintError extends Error {
  override name = 'PrintError';
  constructor(
    readonly reason: PrintFailureReason,
    message: string,
    readonly partial = false,
  ) {
    super(message);
  }

  get transient(): boolean {
    return !permanent.has(this.reason);
  }
}

/** `reason: message`, as stored in `print_jobs.last_error` (English; no personal data ever reaches it). */
export function describeFailure(error: PrintError): string {
  return `${error.reason}: ${error.message}`.slice(0, 300);
}

/** The reason part of a stored `last_error`. */
export function reasonOf(lastError: string | null): PrintFailureReason | null {
  if (!lastError) return null;
  const reason = lastError.split(':', 1)[0] as PrintFailureReason;
  return ['unreachable', 'timeout', 'interrupted', 'paper-out', 'driver-missing', 'not-configured', 'invalid-document', 'expired'].includes(
    reason,
  )
    ? reason
    : null;
}
