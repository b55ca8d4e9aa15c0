import iconv from 'iconv-lite';

/**
 * Reads the bytes a thermal printer receives back into what it would print: text lines in the selected code
 * page, QR payloads, cuts. Knows the Epson ESC/POS and Star line-mode commands our layouts use (and skips the
 * common others by their length). The virtual printer shows jobs with it; the tests assert on its output.
 */
export type DecoderDialect = 'epson' | 'star' | 'auto';

export interface DecodedLine {
  text: string;
  bold: boolean;
  big: boolean;
  align: 'left' | 'center' | 'right';
  /** Set on the line where a QR code is printed (its text is empty). */
  qr?: string;
}

export interface DecodedTicket {
  dialect: 'epson' | 'star';
  /** Printed lines, trailing spaces removed; a feed of n lines adds n empty lines. */
  lines: DecodedLine[];
  text: string[];
  qrCodes: string[];
  cuts: number;
  /** The last thing that moves paper is a cut: the ticket came out whole. */
  endsWithCut: boolean;
  /** Code pages selected, in order (`cp858`, `cp850`, `cp437`). */
  codePages: string[];
  /** Bytes the decoder did not understand (offset of each ESC/GS sequence it had to guess past). */
  unknown: number[];
  /** Real-time status requests (DLE EOT n) found in the stream. */
  statusRequests: number[];
  /** Cash drawer pulses (ESC p) found in the stream. */
  drawerKicks: number;
}

const epsonCodePages: Record<number, string> = { 0: 'cp437', 2: 'cp850', 19: 'cp858' };
const starCodePages: Record<number, string> = { 0: 'cp437', 1: 'cp437', 3: 'cp437', 4: 'cp858' };

function detect(bytes: Uint8Array): 'epson' | 'star' {
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0x1b && bytes[i + 1] === 0x1d && (bytes[i + 2] === 0x74 || bytes[i + 2] === 0x61 || bytes[i + 2] === 0x79))
      return 'star';
  }
  return 'epson';
}

export function decodeEscPos(input: Uint8Array, dialect: DecoderDialect = 'auto'): DecodedTicket {
  const bytes = Buffer.from(input);
  const kind = dialect === 'auto' ? detect(bytes) : dialect;
  const out: DecodedTicket = {
    dialect: kind,
    lines: [],
    text: [],
    qrCodes: [],
    cuts: 0,
    endsWithCut: false,
    codePages: [],
    unknown: [],
    statusRequests: [],
    drawerKicks: 0,
  };
  let codePage = 'cp437';
  let bold = false;
  let big = false;
  let align: DecodedLine['align'] = 'left';
  let pending: number[] = [];
  let lineBold = false;
  let lineBig = false;
  let qrData = '';
  let lastMove = 'none' as 'text' | 'cut' | 'none';

  const flushText = () => {
    if (pending.length > 0) {
      const decoded = iconv.decode(Buffer.from(pending), codePage);
      pending = [];
      return decoded;
    }
    return '';
  };
  let current = '';
  const addChars = () => {
    current += flushText();
  };
  const endLine = () => {
    addChars();
    out.lines.push({ text: current.replace(/\s+$/, ''), bold: lineBold, big: lineBig, align });
    current = '';
    lineBold = false;
    lineBig = false;
    lastMove = 'text';
  };
  const feed = (n: number) => {
    if (current.length > 0 || pending.length > 0) endLine();
    for (let k = 0; k < n; k++) endLine();
  };
  const cut = () => {
    if (current.length > 0 || pending.length > 0) endLine();
    out.cuts += 1;
    lastMove = 'cut';
  };
  const setCodePage = (table: Record<number, string>, n: number, at: number) => {
    addChars();
    const page = table[n];
    if (page) {
      codePage = page;
      out.codePages.push(page);
    } else {
      out.unknown.push(at);
    }
  };
  const reset = () => {
    addChars();
    bold = false;
    big = false;
    align = 'left';
    codePage = 'cp437';
  };
  const setBold = (on: boolean) => {
    addChars();
    bold = on;
  };
  const setBig = (on: boolean) => {
    addChars();
    big = on;
  };
  const byteAt = (k: number) => bytes[k] ?? 0;
  const printQr = () => {
    if (current.length > 0 || pending.length > 0) endLine();
    out.qrCodes.push(qrData);
    out.lines.push({ text: '', bold: false, big: false, align, qr: qrData });
    lastMove = 'text';
  };

  let i = 0;
  while (i < bytes.length) {
    const b = byteAt(i);
    if (b === 0x0a) {
      endLine();
      i += 1;
    } else if (b === 0x0d) {
      i += 1;
    } else if (b === 0x09) {
      pending.push(0x20);
      i += 1;
    } else if (b === 0x0b && kind === 'star') {
      feed(1);
      i += 1;
    } else if (b === 0x10 && byteAt(i + 1) === 0x04) {
      out.statusRequests.push(byteAt(i + 2));
      i += 3;
    } else if (b === 0x1b && kind === 'star' && byteAt(i + 1) === 0x1d) {
      const c = byteAt(i + 2);
      if (c === 0x74) {
        setCodePage(starCodePages, byteAt(i + 3), i);
        i += 4;
      } else if (c === 0x61) {
        addChars();
        align = (['left', 'center', 'right'] as const)[byteAt(i + 3)] ?? 'left';
        i += 4;
      } else if (c === 0x79 && byteAt(i + 3) === 0x53) {
        i += 6; // QR model, correction, cell size
      } else if (c === 0x79 && byteAt(i + 3) === 0x44) {
        const n = byteAt(i + 6) + byteAt(i + 7) * 256;
        qrData = bytes.subarray(i + 8, i + 8 + n).toString('latin1');
        i += 8 + n;
      } else if (c === 0x79 && byteAt(i + 3) === 0x50) {
        printQr();
        i += 4;
      } else {
        out.unknown.push(i);
        i += 3;
      }
    } else if (b === 0x1b) {
      const c = byteAt(i + 1);
      if (c === 0x40) {
        reset();
        i += 2;
      } else if (c === 0x74 && kind === 'epson') {
        setCodePage(epsonCodePages, byteAt(i + 2), i);
        i += 3;
      } else if (c === 0x45 && kind === 'epson') {
        setBold(byteAt(i + 2) !== 0);
        i += 3;
      } else if (c === 0x45) {
        setBold(true);
        i += 2;
      } else if (c === 0x46 && kind === 'star') {
        setBold(false);
        i += 2;
      } else if (c === 0x61) {
        addChars();
        align = (['left', 'center', 'right'] as const)[byteAt(i + 2) % 48] ?? 'left';
        i += 3;
      } else if (c === 0x21) {
        setBig((byteAt(i + 2) & 0x10) !== 0);
        i += 3;
      } else if (c === 0x69 && kind === 'star') {
        setBig(byteAt(i + 2) !== 0);
        i += 4;
      } else if (c === 0x64 && kind === 'star') {
        if (i + 2 < bytes.length) cut(); // a command cut off by a dropped connection does nothing
        i += 3;
      } else if (c === 0x64) {
        feed(byteAt(i + 2));
        i += 3;
      } else if (c === 0x4a) {
        i += 3; // feed n dots: no new text line
      } else if (c === 0x70) {
        out.drawerKicks++;
        i += 5; // cash drawer pulse
      } else if (c === 0x2d || c === 0x33 || c === 0x4d || c === 0x7b || c === 0x20 || c === 0x52) {
        addChars();
        i += 3;
      } else if (c === 0x32 || c === 0x34 || c === 0x35) {
        i += 2;
      } else {
        out.unknown.push(i);
        i += 2;
      }
    } else if (b === 0x1d) {
      const c = byteAt(i + 1);
      if (c === 0x56) {
        if (i + 2 < bytes.length) cut();
        i += byteAt(i + 2) >= 0x41 ? 4 : 3;
      } else if (c === 0x28 && byteAt(i + 2) === 0x6b) {
        const length = byteAt(i + 3) + byteAt(i + 4) * 256;
        const fn = byteAt(i + 6);
        if (fn === 0x50) qrData = bytes.subarray(i + 8, i + 5 + length).toString('latin1');
        if (fn === 0x51) printQr();
        i += 5 + length;
      } else if (c === 0x21) {
        setBig((byteAt(i + 2) & 0x0f) !== 0);
        i += 3;
      } else if (c === 0x42 || c === 0x48 || c === 0x66 || c === 0x77 || c === 0x68 || c === 0x72) {
        i += 3;
      } else if (c === 0x6b) {
        const m = byteAt(i + 2);
        if (m >= 65) i += 4 + byteAt(i + 3);
        else {
          let k = i + 3;
          while (k < bytes.length && bytes[k] !== 0) k++;
          i = k + 1;
        }
      } else {
        out.unknown.push(i);
        i += 2;
      }
    } else if (b < 0x20) {
      i += 1;
    } else {
      pending.push(b);
      // A line is bold (or big) when any printed character of it is.
      if (bold && b !== 0x20) lineBold = true;
      if (big && b !== 0x20) lineBig = true;
      i += 1;
    }
  }
  addChars();
  if (current.length > 0) endLine();
  out.endsWithCut = lastMove === 'cut';
  out.text = out.lines.map((line) => line.text);
  return out;
}
