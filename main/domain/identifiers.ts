/** Weights of the DIAN check digit, applied from the rightmost digit of the NIT leftwards. */
const NIT_WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71] as const;

export class IdentifierError extends Error {
  override name = 'IdentifierError';
  constructor(
    readonly kind: 'cedula' | 'nit' | 'studentId',
    readonly reason: 'format' | 'length' | 'checkDigit',
    message: string,
  ) {
    super(message);
  }
}

export function nitCheckDigit(base: string): number {
  if (!/^\d{1,15}$/.test(base)) throw new IdentifierError('nit', 'format', 'NIT base must be 1 to 15 digits');
  let sum = 0;
  for (let i = 0; i < base.length; i++) {
    const digit = Number(base[base.length - 1 - i]);
    sum += digit * (NIT_WEIGHTS[i] ?? 0);
  }
  const r = sum % 11;
  return r === 0 || r === 1 ? r : 11 - r;
}

export interface Nit {
  base: string;
  checkDigit: number;
}

/**
 * Accepts `900123456-8`, `9001234568` (check digit attached) or `900123456` (without it) once dots and spaces
 * are gone. A NIT typed without its check digit is 9 digits; with it, 10.
 */
export function parseNit(text: string): Nit {
  const cleaned = text.replace(/[\s.]/g, '');
  const dashed = /^(\d{6,15})-(\d)$/.exec(cleaned);
  let base: string;
  let given: number | undefined;
  if (dashed) {
    base = dashed[1] ?? '';
    given = Number(dashed[2]);
  } else if (/^\d{10}$/.test(cleaned)) {
    base = cleaned.slice(0, 9);
    given = Number(cleaned.slice(9));
  } else if (/^\d{6,9}$/.test(cleaned)) {
    base = cleaned;
  } else {
    throw new IdentifierError('nit', 'format', 'NIT must be digits, optionally followed by a dash and its check digit');
  }
  const checkDigit = nitCheckDigit(base);
  if (given !== undefined && given !== checkDigit) {
    throw new IdentifierError('nit', 'checkDigit', 'NIT check digit does not match');
  }
  return { base, checkDigit };
}

export function formatNit(nit: Nit): string {
  return `${nit.base}-${nit.checkDigit}`;
}

export interface CedulaRules {
  minLength: number;
  maxLength: number;
}
export const DEFAULT_CEDULA_RULES: CedulaRules = { minLength: 5, maxLength: 10 };

/** A cédula is digits only; its length is configurable because no public source settles it. */
export function parseCedula(text: string, rules: CedulaRules = DEFAULT_CEDULA_RULES): string {
  const cleaned = text.replace(/[\s.]/g, '');
  if (!/^\d+$/.test(cleaned)) throw new IdentifierError('cedula', 'format', 'cedula must be digits only');
  if (cleaned.length < rules.minLength || cleaned.length > rules.maxLength) {
    throw new IdentifierError('cedula', 'length', `cedula must be ${rules.minLength} to ${rules.maxLength} digits`);
  }
  if (/^0+$/.test(cleaned)) throw new IdentifierError('cedula', 'format', 'cedula cannot be all zeros');
  return cleaned;
}

/** A student is identified by a TI or registro civil number: digits, 4 to 12 of them. */
export function parseStudentId(text: string): string {
  const cleaned = text.replace(/[\s.]/g, '');
  if (!/^\d+$/.test(cleaned)) throw new IdentifierError('studentId', 'format', 'student id must be digits only');
  if (cleaned.length < 4 || cleaned.length > 12) {
    throw new IdentifierError('studentId', 'length', 'student id must be 4 to 12 digits');
  }
  return cleaned;
}

/** Keeps the last `visible` characters: `****434`. Used for phones on screen and for any id in logs. */
export function maskTail(value: string, visible = 3): string {
  const tail = value.slice(-visible);
  return `****${tail}`;
}

/** Why a NIT as typed was refused, as `details.reason` of a VALIDATION refusal (the screens word it in Spanish). */
export type NitRefusal = 'NIT_CHECK_DIGIT' | 'NIT_FORMAT';
