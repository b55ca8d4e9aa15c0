/**
 * When a new version may be installed. Installing restarts the app, so it must never happen under a person
 * (their session and whatever they were paying would vanish) or an operator at the desk, nor while a payment is
 * open (created, at the bank, pending): the restart itself is safe for the money (the payment is in SQLite and
 * is asked again at start), but a person watching the screen would see it die. Pure, so it is tested here.
 */
export interface TerminalActivity {
  personSignedIn: boolean;
  operatorSignedIn: boolean;
  /** PSE payments not yet approved, rejected or failed (`payments.unresolved`). */
  openPayments: number;
}

export type InstallDecision = { install: true } | { install: false; reason: 'PERSON_SIGNED_IN' | 'OPERATOR_SIGNED_IN' | 'PAYMENT_OPEN' };

export function mayInstallUpdate(activity: TerminalActivity): InstallDecision {
  if (activity.personSignedIn) return { install: false, reason: 'PERSON_SIGNED_IN' };
  if (activity.operatorSignedIn) return { install: false, reason: 'OPERATOR_SIGNED_IN' };
  if (activity.openPayments > 0) return { install: false, reason: 'PAYMENT_OPEN' };
  return { install: true };
}

/** The next moment at the quiet hour (machine's local time), strictly after `now`. */
export function nextQuietCheck(now: Date, quietHour: number): Date {
  const next = new Date(now);
  next.setHours(quietHour, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next;
}

/** While the terminal is busy at the quiet hour, the downloaded version waits; asked again this often. */
export const INSTALL_RETRY_MS = 5 * 60_000;
