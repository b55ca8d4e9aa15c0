import { createHmac, timingSafeEqual } from 'node:crypto';
import { printDateTime } from './text';
import { printableField } from './field-text';

/**
 * The voucher's QR code lets a sede verify a payment from the paper alone:
 *
 *   PES1|<terminal>|<reference>|<CUS or empty>|<amount in pesos>|<yyyymmddhhmmss, Bogotá>|<check>
 *
 * `check` is the first 12 hex digits (upper case) of HMAC-SHA256 over everything before it, keyed by a key
 * derived from the terminal's secret (which the central system also holds, so it can verify any terminal's
 * vouchers). A forged or altered voucher does not verify; a typo in a reference read aloud does not either.
 */
export const QR_VERSION = 'PES1';
const CHECK_LENGTH = 12;

export interface QrFields {
  terminalId: string;
  reference: string;
  cus: string | null;
  amount: number;
  dateTime: string;
}

/** The key for a terminal's QR check values, derived so the terminal secret itself never signs paper. */
export function deriveQrKey(terminalSecret: string, terminalId: string): Buffer {
  return createHmac('sha256', terminalSecret).update(`voucher-qr:${terminalId}`).digest();
}

/**
 * A field as the paper prints it (`printableField`: control sequences removed whole, one line), in ASCII: a
 * letter with an accent loses it, and `|` (the separator) or anything else outside ASCII becomes `?` — so the
 * QR says what the paper says, and stays parseable whatever comes.
 */
function clean(value: string): string {
  return printableField(value)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|\|/gu, '?');
}

function check(body: string, key: Buffer): string {
  return createHmac('sha256', key).update(body).digest('hex').slice(0, CHECK_LENGTH).toUpperCase();
}

export function voucherQrPayload(fields: QrFields, key: Buffer): string {
  const when = printDateTime(fields.dateTime).replace(/[-: ]/g, '');
  const body = [QR_VERSION, clean(fields.terminalId), clean(fields.reference), clean(fields.cus ?? ''), String(fields.amount), when].join(
    '|',
  );
  return `${body}|${check(body, key)}`;
}

export interface VerifiedQr {
  terminalId: string;
  reference: string;
  cus: string | null;
  amount: number;
  /** `yyyymmddhhmmss` in Bogotá time, as printed. */
  when: string;
}

/** Reads a scanned payload back; null when it is not ours or its check value does not match. */
export function verifyVoucherQr(payload: string, keyFor: (terminalId: string) => Buffer | undefined): VerifiedQr | null {
  const parts = payload.split('|');
  if (parts.length !== 7 || parts[0] !== QR_VERSION) return null;
  const [, terminalId = '', reference = '', cus = '', amount = '', when = '', given = ''] = parts;
  if (!/^\d+$/.test(amount) || !/^\d{14}$/.test(when) || given.length !== CHECK_LENGTH) return null;
  const key = keyFor(terminalId);
  if (!key) return null;
  const expected = check(parts.slice(0, 6).join('|'), key);
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(given.toUpperCase()))) return null;
  return { terminalId, reference, cus: cus === '' ? null : cus, amount: Number(amount), when };
}
