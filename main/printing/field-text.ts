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

/** The value as one printable field: control sequences removed whole, then `oneField`. */
export function printableField(text: string): string {
  return oneField(withoutControlSequences(text));
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
