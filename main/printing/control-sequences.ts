/**
 * Removing printer and terminal control sequences from data, whole. Dropping only the control bytes (what the
 * code page filter did) leaves a sequence's parameter bytes behind as letters: ESC p 0 25 250 (open the cash
 * drawer) inside a concept printed `CRÉDITOp POR LIBRANZAS`, GS V 0 (cut) printed `LI-V38`. So each sequence
 * is recognised by its introducer and command and removed with all of its parameters:
 *
 * - ESC/POS and Star line mode: `ESC`, `GS`, `FS` and `DLE` commands, with their fixed parameter counts, and
 *   the variable ones (`GS ( x pL pH …`, `GS k`, `GS v 0`, `ESC *`, `ESC GS y D`, `ESC D … NUL`) by their
 *   declared lengths. An unknown command loses its introducer and command byte.
 * - ANSI/VT: CSI (`ESC [` or `0x9B` … final byte), and the string sequences OSC, DCS, SOS, PM, APC (`ESC ]`,
 *   `ESC P`, `ESC X`, `ESC ^`, `ESC _` or their C1 forms) up to BEL or ST.
 *
 * Lone control characters are left for `oneField` (main/domain/text-field.ts), which turns them into spaces.
 */
const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const BEL = 0x07;
const ST = 0x9c;

const code = (char: string) => char.charCodeAt(0);

/** Fixed parameter counts after `ESC x`. */
const escParams: Record<string, number> = {
  '@': 0,
  '2': 0,
  '<': 0,
  i: 0,
  m: 0,
  '=': 1,
  '3': 1,
  ' ': 1,
  '!': 1,
  '-': 1,
  E: 1,
  G: 1,
  M: 1,
  R: 1,
  t: 1,
  a: 1,
  d: 1,
  e: 1,
  J: 1,
  K: 1,
  V: 1,
  U: 1,
  r: 1,
  '{': 1,
  '%': 1,
  S: 0,
  T: 1,
  W: 8,
  L: 0,
  $: 2,
  '\\': 2,
  B: 2,
  p: 3,
  c: 2,
  '4': 0,
  '5': 0,
  F: 0,
  g: 0,
  l: 1,
  Q: 1,
  I: 1,
  N: 1,
  O: 0,
  A: 1,
  C: 1,
  u: 1,
  v: 0,
  h: 1,
  x: 1,
  '7': 1,
  z: 1,
  '\x0c': 1,
  '\x07': 5,
  '\x19': 1,
  '\x1e': 0,
  '\x06': 1,
};
/** Fixed parameter counts after `GS x`. */
const gsParams: Record<string, number> = {
  '!': 1,
  B: 1,
  H: 1,
  f: 1,
  h: 1,
  w: 1,
  L: 2,
  W: 2,
  a: 1,
  r: 1,
  I: 1,
  b: 1,
  '/': 1,
  ':': 0,
  '^': 3,
  P: 2,
  $: 2,
  '\\': 2,
  c: 0,
  g: 2,
  j: 1,
  z: 1,
  Q: 2,
  T: 1,
  '#': 1,
  E: 1,
};
/** Fixed parameter counts after `FS x`. */
const fsParams: Record<string, number> = { p: 2, '.': 0, '&': 0, C: 1, '!': 1, '-': 1, S: 2, W: 1, g: 1, r: 1 };
/** Fixed parameter counts after `DLE x`. */
const dleParams: Record<number, number> = { 0x04: 1, 0x05: 1, 0x14: 3 };

/** A little-endian 16-bit length at `at`, or 0 where the text ends. */
function length16(text: string, at: number): number {
  return (text.charCodeAt(at) & 0xff) + 256 * (text.charCodeAt(at + 1) & 0xff) || 0;
}

/** Index just past a string sequence (OSC, DCS, …) that starts its payload at `from`. */
function endOfString(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BEL || c === ST) return i + 1;
    if (c === ESC && text[i + 1] === '\\') return i + 2;
  }
  return text.length;
}

/** Index just past a CSI whose parameters start at `from`: parameters, intermediates, then one final byte. */
function endOfCsi(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) >= 0x20 && text.charCodeAt(i) <= 0x3f) i++;
  return Math.min(text.length, i + 1);
}

function endOfEsc(text: string, at: number): number {
  const command = text[at + 1];
  if (command === undefined) return at + 1;
  if (command === '[') return endOfCsi(text, at + 2);
  if (command === ']' || command === 'P' || command === 'X' || command === '^' || command === '_') return endOfString(text, at + 2);
  if (command === '*') {
    const m = text.charCodeAt(at + 2);
    return at + 5 + length16(text, at + 3) * (m === 32 || m === 33 ? 3 : 1);
  }
  if (command === 'D') {
    const nul = text.indexOf('\0', at + 2);
    return nul < 0 ? text.length : nul + 1;
  }
  if (command === '(') return at + 5 + length16(text, at + 3);
  if (code(command) === GS) {
    // Star line mode: ESC GS x …; the QR data command carries its own length.
    const sub = text[at + 2];
    if (sub === 'y' && text[at + 3] === 'D') return at + 7 + length16(text, at + 5);
    if (sub === 'y') return at + 5;
    return at + 4;
  }
  return at + 2 + (escParams[command] ?? 0);
}

function endOfGs(text: string, at: number): number {
  const command = text[at + 1];
  if (command === undefined) return at + 1;
  if (command === 'V') {
    const m = text.charCodeAt(at + 2);
    return at + (m === 65 || m === 66 || m === 97 || m === 98 || m === 103 || m === 104 ? 4 : 3);
  }
  if (command === '(' || command === '8') return at + 5 + length16(text, at + 3);
  if (command === 'k') {
    const m = text.charCodeAt(at + 2);
    if (m <= 6) {
      const nul = text.indexOf('\0', at + 3);
      return nul < 0 ? text.length : nul + 1;
    }
    return at + 4 + (text.charCodeAt(at + 3) & 0xff);
  }
  if (command === 'v') return at + 8 + length16(text, at + 4) * length16(text, at + 6);
  if (command === '*') return at + 4 + (text.charCodeAt(at + 2) & 0xff) * (text.charCodeAt(at + 3) & 0xff) * 8;
  return at + 2 + (gsParams[command] ?? 0);
}

function endOfFs(text: string, at: number): number {
  const command = text[at + 1];
  if (command === undefined) return at + 1;
  if (command === '(') return at + 5 + length16(text, at + 3);
  if (command === 'q') return text.length;
  return at + 2 + (fsParams[command] ?? 0);
}

/** Where the sequence that starts at `at` ends, or `at` when no sequence starts there. */
function endOfSequence(text: string, at: number): number {
  const c = text.charCodeAt(at);
  switch (c) {
    case ESC:
      return endOfEsc(text, at);
    case GS:
      return endOfGs(text, at);
    case FS:
      return endOfFs(text, at);
    case DLE:
      return at + 2 + (dleParams[text.charCodeAt(at + 1)] ?? 0);
    case 0x9b:
      return endOfCsi(text, at + 1);
    case 0x90:
    case 0x98:
    case 0x9d:
    case 0x9e:
    case 0x9f:
      return endOfString(text, at + 1);
    default:
      return at;
  }
}

const introducers = new Set([DLE, ESC, FS, GS, 0x90, 0x98, 0x9b, 0x9d, 0x9e, 0x9f]);

function hasIntroducer(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (introducers.has(text.charCodeAt(i))) return true;
  return false;
}

/** The text without any printer or terminal control sequence (each removed whole, parameters included). */
export function withoutControlSequences(text: string): string {
  if (!hasIntroducer(text)) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const end = endOfSequence(text, i);
    if (end > i) {
      i = Math.min(end, text.length);
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}
