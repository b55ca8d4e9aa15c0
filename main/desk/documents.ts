import type { Config } from '../config/schema';
import type { ObligationRow } from '../db/payments-repo';
import { toBogotaIso } from '../runtime/clock';
import {
  receiptDataSchema,
  shiftCloseDataSchema,
  voidSlipDataSchema,
  type ReceiptData,
  type ShiftCloseData,
  type VoidSlipData,
} from '../printing/documents';
import type { CashFacts, CardFacts } from './method-facts';

/** What the desk's papers say about the terminal: merchant and site from the configuration. */
export type DeskPaperConfig = Pick<Config, 'merchant' | 'site' | 'terminal'>;

/**
 * The desk's documents as the printing schemas define them. Each builder parses its result, so a value that
 * cannot go on paper throws here — inside `recordApproval`'s or the close's guarded step, where it becomes a
 * printing problem and never stops the money from being recorded.
 */
export function receiptDocument(input: {
  config: DeskPaperConfig;
  receiptNumber: string;
  at: Date;
  operatorName: string;
  shiftId: string;
  obligation: ObligationRow;
  amount: number;
  facts: CashFacts | CardFacts;
}): ReceiptData {
  const { config, facts, obligation } = input;
  const cash = facts.method === 'cash' ? facts : null;
  const card = facts.method === 'card' ? facts : null;
  return receiptDataSchema.parse({
    kind: 'receipt',
    method: facts.method,
    merchantName: config.merchant.name,
    merchantNit: config.merchant.nit,
    siteName: config.site.name,
    terminalId: config.terminal.id,
    receiptNumber: input.receiptNumber,
    dateTime: toBogotaIso(input.at),
    operatorName: input.operatorName,
    shiftId: input.shiftId,
    reference: input.receiptNumber,
    concept: obligation.concept || 'PAGO',
    obligationDocument: obligation.document || '-',
    payerName: null,
    payerIdMasked: `****${obligation.owner_id.replace(/\D/g, '').slice(-4)}`,
    amount: input.amount,
    cashReceived: cash?.received ?? null,
    change: cash?.change ?? null,
    cardAuthorizationCode: card?.authorizationCode ?? null,
    cardReference: card?.terminalReference ?? null,
    cardLast4: card?.last4 ?? null,
    openDrawer: cash !== null,
    copy: false,
  });
}

export function voidSlipDocument(
  input: Omit<VoidSlipData, 'kind' | 'merchantName' | 'siteName' | 'terminalId' | 'copy'> & { config: DeskPaperConfig },
): VoidSlipData {
  const { config, ...rest } = input;
  return voidSlipDataSchema.parse({
    ...rest,
    kind: 'voidSlip',
    merchantName: config.merchant.name,
    siteName: config.site.name,
    terminalId: config.terminal.id,
    copy: false,
  });
}

export function shiftCloseDocument(
  input: Omit<ShiftCloseData, 'kind' | 'merchantName' | 'siteName' | 'terminalId' | 'copy'> & { config: DeskPaperConfig },
): ShiftCloseData {
  const { config, ...rest } = input;
  return shiftCloseDataSchema.parse({
    ...rest,
    kind: 'shiftClose',
    merchantName: config.merchant.name,
    siteName: config.site.name,
    terminalId: config.terminal.id,
    copy: false,
  });
}

/** An ISO instant in Bogotá time, as the documents want it. */
export const bogota = (iso: string): string => toBogotaIso(new Date(iso));
