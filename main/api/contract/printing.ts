import { z } from 'zod';
import { defineMethod } from './define';

const failureReason = z.enum([
  'unreachable',
  'timeout',
  'interrupted',
  'paper-out',
  'driver-missing',
  'not-configured',
  'invalid-document',
  'expired',
]);

export const printJobStatusSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(['queued', 'printing', 'printed', 'failed']),
  copy: z.boolean(),
  attempts: z.number().int(),
  /** Why the last attempt failed; set while the job waits for a retry and once it failed for good. */
  lastError: failureReason.nullable(),
  createdAt: z.string(),
  printedAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});

export const printerStatusSchema = z.object({
  /** False: no thermal printer here; vouchers print through the screen's print dialog. */
  configured: z.boolean(),
  interface: z.string(),
  /** Null when nothing is configured or nothing was tried yet. */
  reachable: z.boolean().nullable(),
  paper: z.enum(['ok', 'near-end', 'out', 'unknown']),
  checkedAt: z.string().nullable(),
  lastJob: printJobStatusSchema.nullable(),
  lastPrintedAt: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  lastFailure: failureReason.nullable(),
  queued: z.number().int(),
  retrying: z.number().int(),
  failedLast24h: z.number().int(),
});

const jobId = z.object({ jobId: z.string() });

export const printingMethods = {
  /** The status screen's printer line. Public: it says nothing about any person. */
  'printing.status': defineMethod({ input: z.object({}).strict(), output: printerStatusSchema, access: 'public' }),
  /** *Imprimir prueba*: a supervisor (or técnico signed in as one) at the status screen. */
  'printing.test': defineMethod({ input: z.object({}).strict(), output: jobId, access: 'supervisor' }),
  /**
   * *Imprimir* / *Reimprimir* a voucher: the signed-in person who paid, their own vouchers only (anyone else's
   * voucher id answers NOT_FOUND, so its existence is not revealed). A voucher never printed is sent again as
   * the original; a voucher already printed comes out as COPIA. The desk reprints through
   * `printing.terminalReprint`.
   */
  'printing.reprint': defineMethod({
    input: z.object({ voucherId: z.string().min(1).max(64) }).strict(),
    output: z.object({ jobId: z.string(), copy: z.boolean() }),
    access: 'person',
  }),
  /**
   * *Reimprimir* of any voucher of this terminal, from the desk's Historial del terminal: a signed-in
   * supervisor (a cashier gets FORBIDDEN with reason SUPERVISOR_REQUIRED unless a supervisor authorised this
   * call). Same rules as printing.reprint.
   */
  'printing.terminalReprint': defineMethod({
    input: z.object({ voucherId: z.string().min(1).max(64) }).strict(),
    output: z.object({ jobId: z.string(), copy: z.boolean() }),
    access: 'supervisor',
  }),
  /**
   * Follows one job from the screen that asked for it: an operator any job of the terminal; a person only the
   * jobs of their own vouchers (any other job id answers NOT_FOUND).
   */
  'printing.jobStatus': defineMethod({
    input: z.object({ jobId: z.string().min(1).max(64) }).strict(),
    output: printJobStatusSchema,
    access: ['person', 'operator'],
  }),
};
