import iconv from 'iconv-lite';
import { formatCop, type Pesos } from '../domain/money';
import { printableField } from './field-text';

/** The two code pages that hold every Spanish letter and sign (á é í ó ú ü ñ Ñ ¿ ¡); they differ only at 0xD5. */
export type SpanishCharacterSet = 'PC858_EURO' | 'PC850_MULTILINGUAL';
const encodingOf: Record<SpanishCharacterSet, string> = { PC858_EURO: 'cp858', PC850_MULTILINGUAL: 'cp850' };

/** Typography a person or a database may use that no DOS code page holds: printed as its plain cousin. */
const replacements: Record<string, string> = {
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u2022': '*',
};

const printableCache = new Map<string, boolean>();

function printable(char: string, set: SpanishCharacterSet): boolean {
  const key = `${set}:${char}`;
  let known = printableCache.get(key);
  if (known === undefined) {
    const encoding = encodingOf[set];
    const bytes = iconv.encode(char, encoding);
    known = bytes.length === 1 && iconv.decode(bytes, encoding) === char;
    printableCache.set(key, known);
  }
  return known;
}

/**
 * Makes text safe for the printer's code page, as one field: control sequences removed whole and line breaks,
 * tabs and marks made single spaces (`printableField`), composed (NFC) so `n + ~` is one `ñ`, typographic
 * quotes and dashes made plain, and anything the code page cannot hold printed as `?` — the printer library
 * would otherwise switch code pages mid-line behind our back. Nothing in a value can start a line of its own.
 */
export function toPrintable(text: string, set: SpanishCharacterSet): string {
  let out = '';
  for (const char of printableField(text)) {
    const replaced = replacements[char];
    if (replaced !== undefined) {
      out += replaced;
    } else if (char <= '~' || printable(char, set)) {
      out += char;
    } else {
      out += '?';
    }
  }
  return out;
}

/**
 * Breaks one field into lines of at most `width` characters, at spaces where it can, inside long words where
 * not. A line break inside the text is a space like any other: a value never decides where a line starts.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    let rest = word;
    while (rest.length > 0) {
      const room = line.length === 0 ? width : width - line.length - 1;
      if (rest.length <= room) {
        line = line.length === 0 ? rest : `${line} ${rest}`;
        rest = '';
      } else if (line.length > 0) {
        lines.push(line);
        line = '';
      } else {
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
    }
  }
  lines.push(line);
  return lines;
}

/** `$ 175.277`: the product's one money format, with a plain space (the printer has no no-break space). */
export function printMoney(amount: Pesos): string {
  return formatCop(amount).replace(/[\u00a0\u202f]/g, ' ');
}

/** A signed difference, e.g. `-$ 2.000` or `$ 0`. */
export function printSignedMoney(amount: number): string {
  return amount < 0 ? `-${printMoney(-amount)}` : printMoney(amount);
}

/** `2020-04-25 11:03:33` in the terminal's time (Colombia, UTC−5 all year), from any ISO instant. */
export function printDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an instant: ${iso.slice(0, 40)}`);
  const shifted = new Date(date.getTime() - 5 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}
