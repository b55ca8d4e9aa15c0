import { BreakLine, CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import iconv from 'iconv-lite';
import { toPrintable, wrap, type SpanishCharacterSet } from './text';

export type PrinterKind = 'epson' | 'star';
export type TicketWidth = 32 | 42 | 48;

export interface TicketOptions {
  type: PrinterKind;
  /** Characters per line: 48 (80 mm, font A), 42 (80 mm, some models), 32 (58 mm). */
  width: TicketWidth;
  characterSet: SpanishCharacterSet;
}

type Align = 'left' | 'center' | 'right';

/**
 * A paper ticket being composed: node-thermal-printer produces the ESC/POS (or Star) commands, this class only
 * decides what goes on each line, so every line fits the paper and every character is in the code page.
 * The printer object never gets an interface: building bytes and sending them are separate jobs.
 */
export class Ticket {
  private readonly printer: ThermalPrinter;
  private current: Align = 'left';

  constructor(readonly options: TicketOptions) {
    this.printer = new ThermalPrinter({
      type: options.type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
      interface: '',
      width: options.width,
      removeSpecialCharacters: false,
      breakLine: BreakLine.NONE,
    });
    // Reset first (a previous, half-printed job may have left bold or double height on), then the code page.
    this.printer.add(Buffer.from([0x1b, 0x40])); // ESC @, the same on Epson and Star
    // Star printers have no CP850: their CP858 (n = 4) is CP850 with € in place of ı, the same for Spanish.
    this.printer.setCharacterSet(CharacterSet[options.type === 'star' ? 'PC858_EURO' : options.characterSet]);
  }

  get width(): number {
    return this.options.width;
  }

  /** The code page the bytes select: Star printers always get CP858 (see the constructor). */
  get characterSet(): SpanishCharacterSet {
    return this.options.type === 'star' ? 'PC858_EURO' : this.options.characterSet;
  }

  private clean(text: string): string {
    return toPrintable(text, this.characterSet);
  }

  /**
   * Text already made printable, encoded in one go: the library's own `print` encodes (and copies its whole
   * buffer) once per character, which made a voucher cost half a millisecond.
   */
  private emit(text: string): void {
    if (text.length > 0) this.printer.add(iconv.encode(text, this.characterSet === 'PC858_EURO' ? 'cp858' : 'cp850'));
  }

  align(align: Align): this {
    if (align !== this.current) {
      if (align === 'center') this.printer.alignCenter();
      else if (align === 'right') this.printer.alignRight();
      else this.printer.alignLeft();
      this.current = align;
    }
    return this;
  }

  /** Text wrapped to the paper's width; `big` is double height (same width, so the same wrapping). */
  text(text: string, style: { bold?: boolean; big?: boolean; align?: Align } = {}): this {
    if (style.align) this.align(style.align);
    if (style.big) this.printer.setTextDoubleHeight();
    if (style.bold) this.printer.bold(true);
    for (const line of wrap(this.clean(text), this.width)) this.emit(`${line}\n`);
    if (style.bold) this.printer.bold(false);
    if (style.big) this.printer.setTextNormal();
    return this;
  }

  /**
   * One field of a voucher: `Label           value` on one line when both fit, otherwise the label on its
   * own line and the value below it, indented, wrapped.
   */
  field(label: string, value: string, style: { bold?: boolean } = {}): this {
    this.align('left');
    const l = this.clean(label);
    const v = this.clean(value);
    if (l.length + 1 + v.length <= this.width) {
      this.printer.bold(true);
      this.emit(l);
      this.printer.bold(false);
      if (style.bold) this.printer.bold(true);
      this.emit(' '.repeat(this.width - l.length - v.length) + v);
      if (style.bold) this.printer.bold(false);
      this.emit('\n');
      return this;
    }
    this.text(l, { bold: true });
    if (style.bold) this.printer.bold(true);
    for (const line of wrap(v, this.width - 2)) this.emit(`  ${line}\n`);
    if (style.bold) this.printer.bold(false);
    return this;
  }

  /** `Firma cajero: ______`: a label and the line to sign on, always together on one line of the paper. */
  signature(label: string): this {
    this.align('left');
    const l = this.clean(label);
    this.emit(`${l} ${'_'.repeat(Math.max(0, this.width - l.length - 1))}\n`);
    return this;
  }

  rule(char = '-'): this {
    this.align('left');
    this.emit(`${this.clean(char).repeat(this.width)}\n`);
    return this;
  }

  feed(lines = 1): this {
    for (let i = 0; i < lines; i++) this.printer.newLine();
    return this;
  }

  /** A QR code (model 2, correction M), centred. The payload must be ASCII. */
  qr(payload: string): this {
    if (!/^[\x20-\x7e]+$/.test(payload)) throw new RangeError('QR payload must be printable ASCII');
    const cellSize = this.width <= 32 ? 5 : 6;
    this.align('center');
    if (this.options.type === 'epson') {
      this.printer.printQR(payload, { model: 2, cellSize, correction: 'M' });
      this.printer.newLine();
    } else {
      // node-thermal-printer 4.6 leaves out Star's `ESC GS y D 1 0` before the data: written out here.
      const data = Buffer.from(payload, 'ascii');
      this.printer.add(
        Buffer.concat([
          Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x30, 0x02]),
          Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x31, 0x01]),
          Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x32, cellSize]),
          Buffer.from([0x1b, 0x1d, 0x79, 0x44, 0x31, 0x00, data.length % 256, Math.floor(data.length / 256)]),
          data,
          Buffer.from([0x1b, 0x1d, 0x79, 0x50, 0x0a]),
        ]),
      );
    }
    return this;
  }

  /** Feed past the cutter and cut; the printer is reset after it. */
  cut(): this {
    this.printer.cut();
    return this;
  }

  bytes(): Buffer {
    return Buffer.from(this.printer.getBuffer());
  }
}
