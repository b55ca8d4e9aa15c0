/**
 * How money and time read on screen (time: the pure rule of main/domain/date-time.ts). One peso formatter for
 * every screen, with the same options as
 * main/domain/money.ts (`$ 1.752.770`: a no-break space after `$`, no decimals); the renderer does not import
 * main/ code, so the options are repeated here and nowhere else.
 */
const copFormatter = new Intl.NumberFormat('es-CO', {
  style: 'currency',
  currency: 'COP',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

export function formatCop(pesos: number): string {
  return copFormatter.format(pesos);
}

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
