import { z } from 'zod';
import { cedulaSchema, nitSchema, studentIdSchema } from '../../domain/identifiers-schema';
import { defineMethod } from './define';

const iso = z.string();

export const obligationViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['credit', 'enrollmentSlip']),
  document: z.string(),
  concept: z.string(),
  studentName: z.string().nullable(),
  validityYear: z.number().int().nullable(),
  debt: z.number().int().nonnegative(),
  paid: z.number().int().nonnegative(),
  balance: z.number().int().nonnegative(),
  installment: z.number().int().nonnegative(),
});

/** Every obligations answer says where it came from and how old it is. */
export const obligationAnswerSchema = z.object({
  source: z.enum(['live', 'local']),
  asOf: iso,
  ageSeconds: z.number().int().nonnegative(),
  obligations: z.array(obligationViewSchema),
});

export const syncStatusOutput = z.object({
  /** never: no full sync has completed yet; failing: the last attempt failed after the last success. */
  state: z.enum(['never', 'idle', 'running', 'failing']),
  mode: z.enum(['full', 'delta']),
  lastSuccessAt: iso.nullable(),
  lastAttemptAt: iso.nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: iso.nullable(),
  /** Obligations in the local copy. */
  rows: z.number().int().nonnegative(),
  changesApplied: z.number().int().nonnegative(),
  fullSyncs: z.number().int().nonnegative(),
  /** Seconds since the copy last caught up with the central API. */
  lagSeconds: z.number().int().nonnegative().nullable(),
  lastRun: z.object({ at: iso, pages: z.number().int(), changes: z.number().int(), ms: z.number().int() }).nullable(),
});

export const connectivityStatusOutput = z.object({
  state: z.enum(['online', 'degraded', 'offline']),
  since: iso.nullable(),
  lastSuccessAt: iso.nullable(),
  lastFailureAt: iso.nullable(),
  lastFailureKind: z.string().nullable(),
  recentCalls: z.number().int().nonnegative(),
  recentFailures: z.number().int().nonnegative(),
});

export const outboxStatusOutput = z.object({
  backlog: z.number().int().nonnegative(),
  sent: z.number().int().nonnegative(),
  rejectedCount: z.number().int().nonnegative(),
  oldestPendingAgeSeconds: z.number().int().nonnegative().nullable(),
  head: z.object({ kind: z.string(), attempts: z.number().int(), nextAttemptAt: iso, lastError: z.string().nullable() }).nullable(),
  rejected: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      idempotencyKey: z.string(),
      code: z.string(),
      reason: z.string(),
      createdAt: iso,
      rejectedAt: iso.nullable(),
    }),
  ),
});

const none = z.object({}).strict();

/**
 * The terminal's data: its synced copy of the obligations, the link to the central API and the outbox.
 * `obligations.ofMember` / `ofCompany` need a signed-in person and answer only for that person: the input
 * must be the session's subject (FORBIDDEN otherwise). The status lines (sync, link, outbox) are public: the
 * status screen is reachable from every screen and they hold no personal data.
 */
export const dataMethods = {
  'sync.status': defineMethod({ input: none, output: syncStatusOutput, access: 'public' }),
  'connectivity.status': defineMethod({ input: none, output: connectivityStatusOutput, access: 'public' }),
  'outbox.status': defineMethod({ input: none, output: outboxStatusOutput, access: 'public' }),
  /** JARDÍN: a student's enrollment slips (names and debts), for a signed-in person at a kiosk or an operator at a desk. */
  'obligations.ofStudent': defineMethod({
    input: z.object({ studentId: studentIdSchema }).strict(),
    output: obligationAnswerSchema,
    access: ['person', 'operator'],
  }),
  /** The signed-in afiliado's or empresa's own obligations (CRÉDITOS): the session says whose. */
  'obligations.mine': defineMethod({ input: none, output: obligationAnswerSchema, access: 'person' }),
  'obligations.ofMember': defineMethod({
    input: z.object({ cedula: cedulaSchema }).strict(),
    output: obligationAnswerSchema,
    access: 'person',
  }),
  'obligations.ofCompany': defineMethod({
    input: z.object({ nit: nitSchema }).strict(),
    output: obligationAnswerSchema,
    access: 'person',
  }),
};
