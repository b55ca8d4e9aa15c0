import type { PrintDocument } from '../voucher-data';
import type { TicketOptions } from '../ticket';
import type { JobMark } from './common';
import { voucherLayout } from './voucher';
import { receiptLayout } from './receipt';
import { shiftCloseLayout } from './shift-close';
import { testPageLayout } from './test-page';
import { voidSlipLayout } from './void-slip';
import { DRAWER_KICK } from './drawer-kick';

export interface RenderOptions extends TicketOptions {
  terminalId: string;
  qrKey: Buffer;
  mark?: JobMark;
}

/** A pure function from a document to the bytes the printer receives. */
export function renderDocument(doc: PrintDocument, options: RenderOptions): Buffer {
  switch (doc.kind) {
    case 'voucher':
      return voucherLayout(doc, options);
    case 'receipt':
      // The drawer opens as the cash receipt starts printing; a COPIA never opens it.
      return doc.openDrawer && !doc.copy ? Buffer.concat([DRAWER_KICK, receiptLayout(doc, options)]) : receiptLayout(doc, options);
    case 'shiftClose':
      return shiftCloseLayout(doc, options);
    case 'testPage':
      return testPageLayout(doc, options);
    case 'voidSlip':
      return voidSlipLayout(doc, options);
  }
}

export { voucherLayout, receiptLayout, shiftCloseLayout, testPageLayout, voidSlipLayout };
export type { JobMark };
