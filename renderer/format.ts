/**
 * How money and time read on screen: the core's own formatters (the pure rules of main/domain/money.ts and
 * date-time.ts), so a peso reads the same on screen as on paper (`$ 1.752.770`) and a date too.
 */
export { formatCop } from '../main/domain/money';

/** The one date-time format of the screens and the paper (Bogotá time, `30/11/2026 05:39`). */
export { formatDateTime } from '../main/domain/date-time';

/**
 * The digits typed for *Otro Valor* as pesos: `null` when nothing was typed. Only digits count (the keypad
 * writes nothing else; a pasted `1.000.000` or `$ 50.000` reads as its digits).
 */
export function pesosFromDigits(text: string): number | null {
  const digits = text.replace(/\D/g, '');
  if (digits === '') return null;
  return Number(digits);
}

/** `123456` → `123.456` while typing (grouping only, no currency sign). */
export function groupDigits(text: string): string {
  const digits = text.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
