import { z } from 'zod';
import { defineMethod } from './define';

const failureReason = z.enum(['unreachable', 'timeout', 'interrupted', 'paper-out', 'driver-missing', 'not-configured', 'invalid-document', 'expired']);

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
  /** *Imprimir prueba*: a supervisor or técnico at the status screen. */
  'printing.test': defineMethod({ input: z.object({}).strict(), output: jobId, access: 'operator' }),
  /**
   * *Imprimir* / *Reimprimir* a voucher: the signed-in person who paid (from the voucher screen or Historial);
   * a desk operator acting for the person is let through by the session guard too. A voucher never printed
   * is sent again as the original; a voucher already printed comes out as COPIA.
   */
  'printing.reprint': defineMethod({
    input: z.object({ voucherId: z.string().min(1).max(64) }).strict(),
    output: z.object({ jobId: z.string(), copy: z.boolean() }),
    access: 'person',
  }),
  /**
   * *Reimprimir* of any voucher of this terminal, from the desk's Historial del terminal: a signed-in
   * supervisor only (a cashier gets FORBIDDEN with reason SUPERVISOR_REQUIRED). Same rules as printing.reprint.
   */
  'printing.terminalReprint': defineMethod({
    input: z.object({ voucherId: z.string().min(1).max(64) }).strict(),
    output: z.object({ jobId: z.string(), copy: z.boolean() }),
    access: 'operator',
  }),
  /** Follows one job from the screen that asked for it. Job ids are random; a job's status holds no personal data. */
  'printing.jobStatus': defineMethod({
    input: z.object({ jobId: z.string().min(1).max(64) }).strict(),
    output: printJobStatusSchema,
    access: 'public',
  }),
};
