import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../main/printing/layouts';
import { deriveQrKey, verifyVoucherQr } from '../../../main/printing/qr';
import { printableField } from '../../../main/printing/field-text';
import { withoutControlSequences } from '../../../main/printing/control-sequences';
import { printDocumentSchema } from '../../../main/printing/documents';
import { oneField } from '../../../main/domain/text-field';
import { decodeEscPos } from '../../support/escpos-decoder';
import { cashReceipt, seedVoucher, shiftClose } from '../../support/printing/fixtures';
import { separator } from '../../fixtures/hostile-text';

/**
 * What the printer receives: every value is one field (a newline in data never prints a line of its own),
 * control sequences are removed whole (no parameter byte survives as a letter, on paper or in the QR), the
 * identification is `****8901`, the test page names the code page its bytes select, and the shift close keeps
 * each signature label on its line. Everything is read back from the bytes by the ESC/POS decoder.
 */
const qrKey = deriveQrKey('demo-terminal-secret', 'KIOSK-01');
const widths = [32, 42, 48] as const;
const types = ['epson', 'star'] as const;

function paper(
  doc: unknown,
  type: (typeof types)[number],
  width: (typeof widths)[number],
  characterSet: 'PC858_EURO' | 'PC850_MULTILINGUAL' = 'PC858_EURO',
) {
  return decodeEscPos(renderDocument(printDocumentSchema.parse(doc), { type, width, characterSet, terminalId: 'KIOSK-01', qrKey }));
}

/** The value printed for a label: on the label's line (right-aligned) or on the indented lines below it. */
function valueOf(lines: string[], label: string): string {
  const index = lines.findIndex((line) => line === label || line.startsWith(`${label} `));
  if (index < 0) throw new Error(`label "${label}" not printed:\n${lines.join('\n')}`);
  const line = lines[index] ?? '';
  if (line !== label) return line.slice(label.length).trim();
  const rest: string[] = [];
  for (const next of lines.slice(index + 1)) {
    if (!next.startsWith('  ')) break;
    rest.push(next.trim());
  }
  return rest.join(' ');
}

describe('a value prints as one field', () => {
  for (const type of types) {
    for (const width of widths) {
      it(`a payer name or a concept with a line break cannot forge a line (${type}, ${width} columns)`, () => {
        const receipt = paper(cashReceipt({ payerName: 'JOSÉ PEÑA\nTotal pagado $ 1' }), type, width).text;
        expect(receipt.filter((line) => line.startsWith('Total pagado'))).toHaveLength(1);
        expect(valueOf(receipt, 'Total pagado')).toBe('$ 482.213');
        expect(valueOf(receipt, 'Nombre')).toBe('JOSÉ PEÑA Total pagado $ 1');

        const voucher = paper(seedVoucher({ concept: 'LIBRANZA\nTotal $ 1', obligationDocument: 'LI-\t38\r\nIVA $ 0' }), type, width).text;
        expect(voucher.filter((line) => /^Total\b/.test(line))).toHaveLength(1);
        expect(valueOf(voucher, 'Total')).toBe('$ 175.277');
        expect(valueOf(voucher, 'Concepto')).toBe('LIBRANZA Total $ 1');
        expect(voucher.filter((line) => line.startsWith('IVA'))).toHaveLength(1);
        expect(valueOf(voucher, 'Documento')).toBe('LI- 38 IVA $ 0');
        for (const line of [...receipt, ...voucher]) expect(line.length).toBeLessThanOrEqual(width);
      });
    }
  }

  it('wraps a long value under its own label, indented, within the width', () => {
    const concept = 'CRÉDITO POR LIBRANZAS '.repeat(3).trim();
    const lines = paper(seedVoucher({ concept }), 'epson', 32).text;
    const at = lines.indexOf('Concepto');
    expect(at).toBeGreaterThanOrEqual(0);
    const below = lines.slice(at + 1, at + 4);
    expect(below.every((line) => line.startsWith('  ') && line.length <= 32)).toBe(true);
    expect(valueOf(lines, 'Concepto')).toBe(concept);
  });
});

/** Real printer and terminal commands, written out here byte by byte, with any parameter bytes (letters too). */
const byte = fc.integer({ min: 0, max: 255 });
const bytes = (n: number) => fc.array(byte, { minLength: n, maxLength: n });
const controlSequence = fc.oneof(
  bytes(3).map((p) => [0x1b, 0x70, ...p]), // ESC p m t1 t2: open the cash drawer
  fc.constantFrom(0, 1, 48, 49).map((m) => [0x1d, 0x56, m]), // GS V m: cut
  fc.tuple(fc.constantFrom(65, 66), byte).map(([m, n]) => [0x1d, 0x56, m, n]), // GS V m n: feed and cut
  fc.tuple(fc.constantFrom(0x21, 0x45, 0x61, 0x74, 0x64, 0x2d), byte).map(([c, n]) => [0x1b, c, n]), // ESC ! E a t d -
  byte.map((n) => [0x1d, 0x21, n]), // GS ! n: character size
  fc.constant([0x1b, 0x40]), // ESC @: reset
  bytes(3).map((p) => [0x1d, 0x28, 0x6b, 3, 0, ...p]), // GS ( k pL pH …: a QR function
  byte.map((n) => [0x10, 0x04, n]), // DLE EOT n: status request
  fc.stringMatching(/^[0-9;]{0,6}[A-Za-z]$/).map((s) => [0x1b, 0x5b, ...Buffer.from(s)]), // CSI: ESC [ … final
  fc.stringMatching(/^[0-9;]{0,6}m$/).map((s) => [0x9b, ...Buffer.from(s)]), // CSI, C1 form
  fc.stringMatching(/^[0-9];[A-Za-z ]{0,12}$/).map((s) => [0x1b, 0x5d, ...Buffer.from(s), 0x07]), // OSC … BEL
  fc.stringMatching(/^8;;[a-z:/.]{0,12}$/).map((s) => [0x1b, 0x5d, ...Buffer.from(s), 0x1b, 0x5c]), // OSC … ST
);
const asText = (codes: readonly number[]) => String.fromCharCode(...codes);
/** Clean data: what a field may hold without any control character. */
const word = fc.stringMatching(/^[A-Za-z0-9ÁÉÍÓÚÑáéíóúñ-]{1,12}$/);
const digits = fc.stringMatching(/^[0-9]{3,12}$/);

describe('control sequences are removed whole', () => {
  it("the issue's cases: no parameter byte is left as a letter", () => {
    expect(printableField('CRÉDITO\x1bp\x00\x19\xfa POR LIBRANZAS')).toBe('CRÉDITO POR LIBRANZAS');
    expect(printableField('LI-\x1dV\x0038')).toBe('LI-38');
    expect(printableField('20458\x1bp\x00\x19\x1971236')).toBe('2045871236');
  });

  it('anywhere in a value, whatever their parameters (property)', () => {
    fc.assert(
      fc.property(word, controlSequence, word, (before, sequence, after) => {
        expect(printableField(`${before}${asText(sequence)}${after}`)).toBe(`${before}${after}`);
        expect(printableField(`${before} ${asText(sequence)} ${after}`)).toBe(`${before} ${after}`);
      }),
      { numRuns: 400 },
    );
  });

  it('on paper and in the QR: the CUS prints and scans as the same text (property)', () => {
    fc.assert(
      fc.property(word, controlSequence, word, digits, controlSequence, digits, (a, s1, b, c, s2, d) => {
        const ticket = paper(seedVoucher({ concept: `${a}${asText(s1)}${b}`, cus: `${c}${asText(s2)}${d}` }), 'epson', 48);
        expect(valueOf(ticket.text, 'Concepto')).toBe(`${a}${b}`);
        expect(valueOf(ticket.text, 'CUS')).toBe(`${c}${d}`);
        const qr = verifyVoucherQr(ticket.qrCodes[0] ?? '', () => qrKey);
        expect(qr?.cus).toBe(valueOf(ticket.text, 'CUS'));
        expect(ticket.cuts).toBe(1);
      }),
      { numRuns: 60 },
    );
  });

  it('takes its shortcut only for text that is already one field (property)', () => {
    const near = fc.constantFrom(' ', 'a', 'É', 'ñ', '\u00a0', '\u00ad', '\t', '\x1b', 'p', '\u0303');
    for (const unit of ['binary', near] as const) {
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
          expect(printableField(text)).toBe(oneField(withoutControlSequences(text)));
        }),
        { numRuns: 300 },
      );
    }
  }, 20_000);

  it('one field for the screens: breaks, tabs, controls and bidi marks are single spaces (property)', () => {
    fc.assert(
      fc.property(word, fc.array(separator, { minLength: 1, maxLength: 4 }), word, (a, between, b) => {
        expect(oneField(`${between.join('')}${a}${between.join('')}${b}${between.join('')}`)).toBe(`${a} ${b}`);
      }),
      { numRuns: 200 },
    );
    expect(oneField('n\u0303')).toBe('ñ');
  });
});

describe('the identification on paper', () => {
  it('shows four digits, ****8901, on the voucher and the receipt', () => {
    for (const width of widths) {
      expect(valueOf(paper(seedVoucher(), 'epson', width).text, 'Identificación')).toBe('****8901');
      expect(valueOf(paper(cashReceipt({ payerIdMasked: '****8901' }), 'star', width).text, 'Identificación')).toBe('****8901');
    }
  });
});

describe('the test page names the code page its bytes select', () => {
  const testPage = {
    kind: 'testPage',
    siteName: 'Sede Barranquilla Centro',
    terminalId: 'KIOSK-01',
    printedAt: '2024-03-08T19:00:00Z',
    interfaceLabel: 'tcp://127.0.0.1:9100',
  };
  const names: Record<string, string> = { cp858: 'PC858_EURO', cp850: 'PC850_MULTILINGUAL' };
  for (const type of types) {
    for (const characterSet of ['PC858_EURO', 'PC850_MULTILINGUAL'] as const) {
      it(`${type} configured ${characterSet}`, () => {
        const ticket = paper(testPage, type, 42, characterSet);
        expect(ticket.codePages).toHaveLength(1);
        const selected = ticket.codePages[0] ?? '';
        expect(valueOf(ticket.text, 'Juego de caracteres')).toBe(names[selected]);
        if (type === 'star') expect(selected).toBe('cp858');
      });
    }
  }
});

describe('the shift close keeps each signature label on its line', () => {
  for (const width of widths) {
    it(`${width} columns`, () => {
      const lines = paper(shiftClose(), 'epson', width).text;
      for (const label of ['Firma cajero:', 'Firma supervisor:']) {
        const line = lines.find((l) => l.startsWith(label));
        expect(line, label).toMatch(new RegExp(`^${label} _{8,}$`));
        expect(line?.length).toBe(width);
      }
    });
  }
});
