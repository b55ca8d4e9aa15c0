/**
 * A value from outside shown or printed as one field: whatever a database, a gateway or a person typed, it
 * reads as one run of words on one line. Line and paragraph breaks, tabs and every other separator, C0 and C1
 * control characters, bidirectional marks and invisible format characters become single spaces (so a
 * `NAME\nTotal $ 1` can never pass for a line of the layout, and a right-to-left override can never reorder
 * what follows); runs of spaces collapse, the ends are trimmed, and the text is composed (NFC) so `n + ~`
 * is one `ñ`. Pure: used by the screens' texts and, after its own removal of control sequences, by printing.
 * The zero-width joiners (U+200C, U+200D) stay: they join letters and emoji, they cannot move or break a line.
 */
const breaking = /[\p{Cc}\p{Zs}\p{Zl}\p{Zp}\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]+/gu;

export function oneField(text: string): string {
  return text.normalize('NFC').replace(breaking, ' ').trim();
}
