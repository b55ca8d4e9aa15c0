import { oneField } from '../domain/text-field';
import { withoutControlSequences } from './control-sequences';

/**
 * How a value from outside becomes a field of a print document. Whatever the central API or the gateway sent
 * (their contracts allow any text, up to 120 characters or with no bound at all), the document takes it:
 * control sequences removed whole, one field (no line breaks, tabs or marks), and, when longer than the
 * document keeps, cut with a visible `…`. A document is never refused for how a value reads — an approved
 * payment must be recorded whatever its voucher looks like.
 */
export const TRUNCATION_MARK = '…';

/**
 * Already one field: printable ASCII and Latin-1 letters (all composed), single spaces, none at the ends. Most
 * values and every label are; checking costs far less than normalising (a voucher has ~40 of them).
 */
function alreadyOneField(text: string): boolean {
  let previous = 0x20;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const printable = (c >= 0x20 && c <= 0x7e) || (c >= 0xa1 && c <= 0xff && c !== 0xad);
    if (!printable || (c === 0x20 && previous === 0x20)) return false;
    previous = c;
  }
  return previous !== 0x20 || text.length === 0;
}

/** The value as one printable field: control sequences removed whole, then `oneField`. */
export function printableField(text: string): string {
  return alreadyOneField(text) ? text : oneField(withoutControlSequences(text));
}

/**
 * At most `max` UTF-16 units (what zod's `max` counts), cut between code points so an emoji is never split,
 * with `…` as the last character when anything was cut.
 */
export function truncateField(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - TRUNCATION_MARK.length) break;
    out += char;
  }
  return `${out.trimEnd()}${TRUNCATION_MARK}`;
}

/** `printableField`, then `truncateField`. */
export function fitField(text: string, max: number): string {
  return truncateField(printableField(text), max);
}
