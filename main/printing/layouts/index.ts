import type { PrintDocument } from '../documents';
import type { TicketOptions } from '../ticket';
import type { JobMark } from './common';
import { voucherLayout } from './voucher';
import { receiptLayout } from './receipt';
import { shiftCloseLayout } from './shift-close';
import { testPageLayout } from './test-page';

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
      return receiptLayout(doc, options);
    case 'shiftClose':
      return shiftCloseLayout(doc, options);
    case 'testPage':
      return testPageLayout(doc, options);
  }
}

export { voucherLayout, receiptLayout, shiftCloseLayout, testPageLayout };
export type { JobMark };
