import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../main/printing/layouts';
import { voucherDataSchema } from '../../../main/printing/documents';
import { decodeEscPos } from '../../support/escpos-decoder';
import { seedVoucher } from '../../support/printing/fixtures';
import { TEST_QR_KEY } from '../../support/printing/rig';

describe('the ESC/POS decoder on cut-off jobs (what a dropped connection leaves)', () => {
  for (const type of ['epson', 'star'] as const) {
    it(`${type}: only the whole job counts as complete; every prefix decodes without error`, () => {
      const bytes = renderDocument(voucherDataSchema.parse(seedVoucher()), {
        type,
        width: 42,
        characterSet: 'PC858_EURO',
        terminalId: 'KIOSK-01',
        qrKey: TEST_QR_KEY,
      });
      const whole = decodeEscPos(bytes);
      expect(whole.endsWithCut).toBe(true);
      // The cut is followed by the printer reset (ESC @) only: any shorter prefix has no cut.
      for (let end = 0; end < bytes.length - 2; end++) {
        const part = decodeEscPos(bytes.subarray(0, end));
        expect(part.endsWithCut).toBe(false);
        expect(part.cuts).toBe(0);
      }
      expect(whole.lines.find((line) => line.qr)?.align).toBe('center');
    });
  }

  it('reads a status request and text in another code page', () => {
    const decoded = decodeEscPos(Buffer.from([0x10, 0x04, 0x04, 0x1b, 0x40, 0x1b, 0x74, 0x02, 0xa4, 0x0a, 0x1d, 0x56, 0x00]), 'epson');
    expect(decoded).toMatchObject({ statusRequests: [4], codePages: ['cp850'], text: ['ñ'], cuts: 1, endsWithCut: true });
  });
});
