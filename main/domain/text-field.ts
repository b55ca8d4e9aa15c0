/**
 * A value from outside, made one field: what is shown on a screen line, printed on paper or sent on as a
 * name must not carry a line break, a tab, a control byte, a bidirectional override or the leftovers of a
 * terminal/printer control sequence (a payer name `JOSÉ\nTotal $ 1` would otherwise forge a second line).
 *
 * Rules, in order:
 * 1. Unpaired UTF-16 surrogates become U+FFFD (they cannot be encoded for a gateway or a printer); then NFC.
 * 2. Control sequences go whole: CSI (`ESC [ … final`, or C1 `U+009B … final`) and a two-byte `ESC`/`FS`/`GS`
 *    command with its intermediate bytes — not only their first byte, which would leave `p`, `[31m` as text.
 *    (ESC/POS parameters that are plain digits cannot be told from data; the printing layer owns its bytes.)
 * 3. Every other C0/C1 control, line/paragraph separator, space separator (no-break, em, ideographic …),
 *    zero-width space, soft hyphen, byte-order mark, invisible format character (U+2060–206F, interlinear
 *    annotations) and bidi mark/embedding/override/isolate becomes a space.
 * 4. Spaces collapsed to one, trimmed. The result is stable: `oneField(oneField(x)) === oneField(x)`.
 *
 * Joiners (U+200C/U+200D) stay: scripts and emoji sequences need them, and they print nothing by themselves.
 */
const CONTROL_SEQUENCE =
  // eslint-disable-next-line no-control-regex -- finding control sequences is what this expression is for
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|[\u001b\u001c\u001d][\u0020-\u002f]*[\u0030-\u007e]?/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NOT_IN_A_FIELD = /[\p{Cc}\p{Zs}\p{Zl}\p{Zp}\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]+/gu;

export function oneField(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\ufffd')
    .normalize('NFC')
    .replace(CONTROL_SEQUENCE, ' ')
    .replace(NOT_IN_A_FIELD, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** True when the text is already one field (what `oneField` would leave unchanged). */
export function isOneField(text: string): boolean {
  return oneField(text) === text;
}
