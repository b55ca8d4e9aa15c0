import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { printDateTime, printMoney, toPrintable, wrap } from '../../../main/printing/text';
import { deriveQrKey, verifyVoucherQr, voucherQrPayload } from '../../../main/printing/qr';
import { parseInterface } from '../../../main/printing/transport';
import { backoffMs } from '../../../main/printing/worker';

describe('wrap', () => {
  it('never exceeds the width and keeps every word in order (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom(10, 32, 42, 48), (raw, width) => {
        const text = raw.replace(/\n/g, ' ');
        const lines = wrap(text, width);
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      }),
    );
  });
  it('breaks at spaces where it can', () => {
    expect(wrap('Venta No Presencial. Pagaré incondicionalmente', 20)).toEqual(['Venta No Presencial.', 'Pagaré', 'incondicionalmente']);
  });
});

describe('toPrintable', () => {
  it('keeps Spanish, composes decomposed letters, and leaves only what CP858 holds (property)', () => {
    expect(toPrintable('n\u0303 A\u0301 ¿¡', 'PC858_EURO')).toBe('ñ Á ¿¡');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const out = toPrintable(text, 'PC858_EURO');
        expect(iconv.decode(iconv.encode(out, 'cp858'), 'cp858')).toBe(out);
        expect(toPrintable(out, 'PC858_EURO')).toBe(out);
      }),
      { numRuns: 60 },
    );
    // The first encodings of every binary character warm iconv's cache: slow on a shared 2-core machine.
  }, 30_000);
});

describe('money and time on paper', () => {
  it('prints pesos with the product formatter and a plain space', () => {
    expect(printMoney(1_752_770)).toBe('$ 1.752.770');
    expect(printMoney(0)).toBe('$ 0');
  });
  it('prints any instant in Bogotá time', () => {
    expect(printDateTime('2020-04-25T16:03:33Z')).toBe('2020-04-25 11:03:33');
    expect(printDateTime('2020-04-25T11:03:33-05:00')).toBe('2020-04-25 11:03:33');
    expect(() => printDateTime('ayer')).toThrow(RangeError);
  });
});

describe('voucher QR check value', () => {
  const key = deriveQrKey('demo-terminal-secret', 'KIOSK-01');
  const keys = (terminal: string) => (terminal === 'KIOSK-01' ? key : undefined);

  it('verifies what it signed and nothing altered (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z0-9-]{1,30}$/),
        fc.option(fc.stringMatching(/^\d{1,12}$/), { nil: null }),
        fc.integer({ min: 1, max: 99_999_999 }),
        fc.integer({ min: 0, max: 4 }),
        (reference, cus, amount, field) => {
          const payload = voucherQrPayload({ terminalId: 'KIOSK-01', reference, cus, amount, dateTime: '2024-03-08T14:20:00-05:00' }, key);
          expect(verifyVoucherQr(payload, keys)).toEqual({ terminalId: 'KIOSK-01', reference, cus, amount, when: '20240308142000' });
          const parts = payload.split('|');
          const index = [2, 3, 4, 5, 6][field] ?? 4;
          parts[index] = index === 4 ? String(amount + 1) : index === 5 ? '20240308142001' : `${parts[index]}X`;
          expect(verifyVoucherQr(parts.join('|'), keys)).toBeNull();
        },
      ),
    );
  });
  it("does not verify with another terminal's key", () => {
    const payload = voucherQrPayload(
      { terminalId: 'KIOSK-01', reference: 'R1', cus: null, amount: 10, dateTime: '2024-03-08T14:20:00-05:00' },
      key,
    );
    expect(verifyVoucherQr(payload, () => deriveQrKey('demo-terminal-secret', 'KIOSK-02'))).toBeNull();
    expect(verifyVoucherQr('hola', keys)).toBeNull();
  });
});

describe('printer interface and back-off', () => {
  it('reads the three kinds of interface', () => {
    expect(parseInterface('')).toEqual({ kind: 'none' });
    expect(parseInterface('tcp://192.0.2.10:9100')).toEqual({ kind: 'tcp', host: '192.0.2.10', port: 9100 });
    expect(parseInterface('tcp://impresora-caja')).toEqual({ kind: 'tcp', host: 'impresora-caja', port: 9100 });
    expect(parseInterface('printer:EPSON TM-T20III')).toEqual({ kind: 'driver', name: 'EPSON TM-T20III' });
    expect(parseInterface('/dev/usb/lp0')).toEqual({ kind: 'device', path: '/dev/usb/lp0' });
    expect(() => parseInterface('tcp://host:99999')).toThrow(RangeError);
    expect(() => parseInterface('tcp:host')).toThrow(RangeError);
  });
  it('doubles the wait up to its cap', () => {
    const policy = { baseMs: 1000, capMs: 30_000, windowMs: 900_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => backoffMs(n, policy))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });
});
