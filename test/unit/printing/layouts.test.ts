import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../main/printing/layouts';
import { LEGAL_TEXT } from '../../../main/printing/layouts/voucher';
import { SPANISH_SAMPLE } from '../../../main/printing/layouts/test-page';
import { deriveQrKey, verifyVoucherQr } from '../../../main/printing/qr';
import { printDocumentSchema, receiptDataSchema, shiftCloseDataSchema, voucherDataSchema } from '../../../main/printing/documents';
import { decodeEscPos } from '../../support/escpos-decoder';
import { cardReceipt, cashReceipt, seedVoucher, shiftClose } from '../../support/printing/fixtures';

const qrKey = deriveQrKey('demo-terminal-secret', 'KIOSK-01');
const widths = [32, 42, 48] as const;
const types = ['epson', 'star'] as const;
const sets = ['PC858_EURO', 'PC850_MULTILINGUAL'] as const;

function print(
  doc: unknown,
  type: (typeof types)[number],
  width: (typeof widths)[number],
  characterSet: (typeof sets)[number] = 'PC858_EURO',
  mark?: { jobId: string; resend: number },
) {
  const bytes = renderDocument(printDocumentSchema.parse(doc), { type, width, characterSet, terminalId: 'KIOSK-01', qrKey, mark });
  return { bytes, ticket: decodeEscPos(bytes) };
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

describe('voucher layout: every field of the seed, read back from the printer bytes', () => {
  for (const type of types) {
    for (const width of widths) {
      for (const characterSet of sets) {
        it(`${type}, ${width} columns, ${characterSet}`, () => {
          const { ticket } = print(seedVoucher(), type, width, characterSet, { jobId: '3f2a9c1b-0d4e-4a5b-9c8d-123456789abc', resend: 0 });
          const lines = ticket.text;
          expect(ticket.dialect).toBe(type);
          expect(ticket.unknown).toEqual([]);
          for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);

          expect(lines).toContain(
            'Resultado de la Transacción - Voucher'.length <= width
              ? 'Resultado de la Transacción - Voucher'
              : 'Resultado de la Transacción -',
          );
          expect(lines.join(' ')).toContain('Transacción procesada por CREDIBANCO');
          expect(valueOf(lines, 'Comercio')).toBe('1- CAJA DE COMPENSACIÓN FAMILIAR CAJACOPI ATLÁNTICO');
          expect(valueOf(lines, 'NIT')).toBe('890102044-1');
          expect(valueOf(lines, 'Código Único')).toBe('1706');
          expect(valueOf(lines, 'Terminal')).toBe('000');
          expect(valueOf(lines, '# Transacción')).toBe('83');
          expect(valueOf(lines, 'Fecha y Hora')).toBe('2020-04-25 11:03:33');
          expect(valueOf(lines, 'Moneda')).toBe('COP');
          expect(valueOf(lines, 'Total')).toBe('$ 175.277');
          expect(valueOf(lines, 'IVA')).toBe('$ 0');
          expect(valueOf(lines, 'Base devolución IVA')).toBe('$ 0');
          expect(valueOf(lines, 'Número de Cuotas')).toBe('001');
          expect(valueOf(lines, 'Código de Error')).toBe('2300');
          expect(valueOf(lines, 'Resultado de la Autorización')).toBe('01');
          expect(valueOf(lines, 'Descripción Respuesta')).toBe('Aprobada');
          expect(valueOf(lines, 'IP Usuario')).toBe('190.25.14.7');
          expect(valueOf(lines, 'Medio de pago')).toBe('PSE');
          expect(valueOf(lines, 'Banco')).toBe('BANCO DE BOGOTÁ');
          expect(valueOf(lines, 'CUS')).toBe('2519876');
          expect(valueOf(lines, 'Referencia')).toBe('PES-BAQ01-000083');
          expect(valueOf(lines, 'Concepto')).toBe('CRÉDITO POR LIBRANZAS');
          expect(valueOf(lines, 'Documento')).toBe('LI- 38');
          expect(valueOf(lines, 'Identificación')).toBe('****8901');
          expect(lines.join(' ').replace(/\s+/g, ' ')).toContain(LEGAL_TEXT);
          expect(lines.some((line) => line.includes('COPIA'))).toBe(false);
          expect(lines).toContain('Impresión 3F2A9C1B0D4E');

          // The total is printed bold; the QR verifies the payment; the paper is cut at the end.
          expect(ticket.lines.find((line) => line.text.startsWith('Total'))?.bold).toBe(true);
          expect(ticket.qrCodes).toHaveLength(1);
          const qr = verifyVoucherQr(ticket.qrCodes[0] ?? '', (terminal) => (terminal === 'KIOSK-01' ? qrKey : undefined));
          expect(qr).toEqual({
            terminalId: 'KIOSK-01',
            reference: 'PES-BAQ01-000083',
            cus: '2519876',
            amount: 175_277,
            when: '20200425110333',
          });
          expect(ticket.cuts).toBe(1);
          expect(ticket.endsWithCut).toBe(true);
          // Star has no CP850: its CP858 holds the same Spanish letters.
          expect(ticket.codePages).toEqual([characterSet === 'PC850_MULTILINGUAL' && type === 'epson' ? 'cp850' : 'cp858']);
        });
      }
    }
  }

  it("prints the seed's empty IP Usuario as an empty value, and no bank or CUS for a card voucher", () => {
    const { ticket } = print(seedVoucher({ userIp: '', method: 'card', cus: null, bankName: null }), 'epson', 48);
    expect(ticket.text).toContain('IP Usuario');
    expect(ticket.text.some((line) => line.startsWith('CUS'))).toBe(false);
    expect(ticket.text.some((line) => line.startsWith('Banco'))).toBe(false);
    expect(verifyVoucherQr(ticket.qrCodes[0] ?? '', () => qrKey)?.cus).toBeNull();
  });

  it('marks a reprint COPIA at the top and at the bottom, and a resend with its number', () => {
    const { ticket } = print(seedVoucher({ copy: true }), 'epson', 32, 'PC858_EURO', {
      jobId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      resend: 2,
    });
    const copies = ticket.lines.filter((line) => line.text === '*** COPIA ***');
    expect(copies).toHaveLength(2);
    expect(copies.every((line) => line.bold && line.big && line.align === 'center')).toBe(true);
    expect(ticket.text.join(' ')).toContain('REENVIO 2');
  });

  it("prints á é í ó ú ñ Ñ ¿ ¡ as the code page's own bytes (CP858: ñ = 0xA4, ¿ = 0xA8, ¡ = 0xAD)", () => {
    const { bytes, ticket } = print(seedVoucher({ concept: '¿AÑO? ¡ÚNICO! áéíóú ñ' }), 'epson', 48);
    expect(ticket.text).toContain(
      'Concepto        ¿AÑO? ¡ÚNICO! áéíóú ñ'.replace(/ {8}/, ' '.repeat(48 - 'Concepto'.length - '¿AÑO? ¡ÚNICO! áéíóú ñ'.length)),
    );
    expect(bytes.includes(Buffer.from([0xa8, 0x41, 0xa5, 0x4f, 0x3f]))).toBe(true); // ¿AÑO?
    expect(bytes.includes(Buffer.from([0xad]))).toBe(true);
    expect(bytes.includes(Buffer.from([0xa0, 0x82, 0xa1, 0xa2, 0xa3]))).toBe(true); // áéíóú
    // No UTF-8 leaked through: Ã (0xC3) would be the first byte of UTF-8 á.
    expect(bytes.includes(Buffer.from('á', 'utf8'))).toBe(false);
  });

  it('prints characters outside the code page as plain cousins or ?, never switching code pages', () => {
    const { ticket } = print(seedVoucher({ concept: 'CRÉDITO “ESPECIAL” – CUOTA … ✓' }), 'epson', 48);
    expect(valueOf(ticket.text, 'Concepto')).toBe('CRÉDITO "ESPECIAL" - CUOTA ... ?');
    expect(ticket.codePages).toEqual(['cp858']);
  });
});

describe('cashier receipt, shift-close report and test page', () => {
  for (const type of types) {
    for (const width of widths) {
      it(`cash and datáfono receipts on ${type}, ${width} columns`, () => {
        const cash = print(cashReceipt(), type, width).ticket;
        expect(cash.text.join('\n')).toContain('Recibo de Pago');
        expect(valueOf(cash.text, 'Medio de pago')).toBe('Efectivo');
        expect(valueOf(cash.text, 'Total pagado')).toBe('$ 482.213');
        expect(valueOf(cash.text, 'Recibido')).toBe('$ 500.000');
        expect(valueOf(cash.text, 'Cambio')).toBe('$ 17.787');
        expect(valueOf(cash.text, 'Cajero')).toBe('María Peña');
        expect(valueOf(cash.text, 'Nombre')).toBe('JOSÉ NÚÑEZ');
        expect(valueOf(cash.text, 'Concepto')).toBe('VOLANTES DE MATRÍCULA');
        expect(valueOf(cash.text, 'Identificación')).toBe('****7654');
        expect(cash.endsWithCut).toBe(true);
        for (const line of cash.text) expect(line.length).toBeLessThanOrEqual(width);

        const card = print(cardReceipt(), type, width).ticket;
        expect(valueOf(card.text, 'Medio de pago')).toBe('Tarjeta (datáfono)');
        expect(valueOf(card.text, 'Autorización')).toBe('054321');
        expect(valueOf(card.text, 'Tarjeta')).toBe('**** 4242');
        expect(valueOf(card.text, 'Ref. datáfono')).toBe('DF-99812');
        expect(card.text.some((line) => line.startsWith('Cambio'))).toBe(false);
        expect(card.endsWithCut).toBe(true);
      });

      it(`shift-close report on ${type}, ${width} columns`, () => {
        const { ticket } = print(shiftClose(), type, width);
        expect(ticket.text.join('\n')).toContain('Cierre de Turno');
        expect(valueOf(ticket.text, 'Efectivo (12)')).toBe('$ 3.450.000');
        expect(valueOf(ticket.text, 'Datáfono (5)')).toBe('$ 1.200.500');
        expect(valueOf(ticket.text, 'PSE (2)')).toBe('$ 350.554');
        expect(valueOf(ticket.text, 'Total (19)')).toBe('$ 5.001.054');
        expect(valueOf(ticket.text, 'Diferencia')).toBe('-$ 2.000');
        expect(valueOf(ticket.text, 'Autorizó')).toBe('Óscar Ibáñez');
        expect(ticket.endsWithCut).toBe(true);
        for (const line of ticket.text) expect(line.length).toBeLessThanOrEqual(width);
      });
    }
  }

  it('the test page shows every Spanish sign and a ruler as wide as the paper', () => {
    const { ticket } = print(
      {
        kind: 'testPage',
        siteName: 'Sede Barranquilla Centro',
        terminalId: 'KIOSK-01',
        printedAt: '2024-03-08T19:00:00Z',
        interfaceLabel: 'tcp://127.0.0.1:9100',
      },
      'epson',
      42,
    );
    expect(ticket.text).toContain('PRUEBA DE IMPRESIÓN');
    expect(ticket.text).toContain(SPANISH_SAMPLE);
    expect(ticket.text).toContain('123456789012345678901234567890123456789012');
    expect(valueOf(ticket.text, 'Fecha y Hora')).toBe('2024-03-08 14:00:00');
    expect(ticket.endsWithCut).toBe(true);
  });
});

describe('document schemas refuse what must not reach paper', () => {
  it('refuses an unmasked identification', () => {
    expect(voucherDataSchema.safeParse(seedVoucher({ payerIdMasked: '1045678901' })).success).toBe(false);
    expect(voucherDataSchema.safeParse(seedVoucher({ payerIdMasked: '****78901' })).success).toBe(false);
  });
  it('refuses a cash receipt whose change does not add up, and a card receipt without authorization', () => {
    expect(receiptDataSchema.safeParse(cashReceipt({ change: 1 })).success).toBe(false);
    expect(receiptDataSchema.safeParse(cardReceipt({ cardAuthorizationCode: null })).success).toBe(false);
  });
  it('refuses a shift close whose difference is not counted − expected', () => {
    expect(shiftCloseDataSchema.safeParse(shiftClose({ difference: 2_000 })).success).toBe(false);
  });
  it('refuses a non-positive total and a date without offset', () => {
    expect(voucherDataSchema.safeParse(seedVoucher({ total: 0 })).success).toBe(false);
    expect(voucherDataSchema.safeParse(seedVoucher({ dateTime: '2020-04-25 11:03:33' })).success).toBe(false);
  });
});
