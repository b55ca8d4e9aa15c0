import type { Logger } from 'pino';
import type { z } from 'zod';
import type { obligationAnswerSchema, obligationViewSchema } from '../api/contract/data';
import { ApiError } from '../api/errors';
import { CentralError } from '../central/errors';
import type { ObligationsClient } from '../central/obligations';
import type { CentralObligation, ObligationList } from '../central/schemas';
import type { ObligationRow, ObligationsRepo, OwnerType } from '../db/obligations-repo';
import type { Clock } from '../runtime/clock';
import type { Connectivity } from '../sync/connectivity';

/** The shapes the KioskApi answers with, taken from its schemas. */
export type ObligationView = z.infer<typeof obligationViewSchema>;
export type ObligationAnswer = z.infer<typeof obligationAnswerSchema>;

export interface ObligationsServiceOptions {
  repo: ObligationsRepo;
  client: ObligationsClient;
  connectivity: Connectivity;
  clock: Clock;
  logger: Logger;
  /** When the local copy last caught up with the central API (null: it never did). */
  lastCaughtUpAt: () => string | null;
  /** A person is waiting: live lookups get one short try before the local copy answers. */
  liveTimeoutMs?: number;
}

/** A row of the local copy as every screen shows an obligation (lookups, quotes at the kiosk and at the desk). */
export function fromRow(row: Omit<ObligationRow, 'central_version' | 'updated_at'>): ObligationView {
  return {
    id: row.id,
    kind: row.kind,
    document: row.document,
    concept: row.concept,
    studentName: row.student_name,
    validityYear: row.validity_year,
    debt: row.debt,
    paid: row.paid,
    balance: row.balance,
    installment: row.installment,
  };
}

function fromCentral(o: CentralObligation): ObligationView {
  return {
    id: o.id,
    kind: o.kind,
    document: o.document,
    concept: o.concept,
    studentName: o.studentName,
    validityYear: o.validityYear,
    debt: o.debt,
    paid: o.paid,
    balance: o.balance,
    installment: o.installment,
  };
}

/**
 * The obligations of a member (cédula), a company (NIT) or a student: live from the central API while the
 * link works, from the local copy (with its age) when it does not. The caller validates the identifier.
 */
export function createObligationsService(options: ObligationsServiceOptions) {
  const { repo, client, connectivity, clock, logger } = options;
  const liveTimeoutMs = options.liveTimeoutMs ?? 2_500;

  function local(ownerType: OwnerType, ownerId: string): ObligationAnswer {
    const asOf = options.lastCaughtUpAt();
    if (!asOf) {
      throw new ApiError('UNAVAILABLE', 'central API unreachable and no local copy of the obligations yet', { reason: 'NO_LOCAL_COPY' });
    }
    const rows = repo.ofOwner(ownerType, ownerId);
    const ageSeconds = Math.max(0, Math.round((clock.now().getTime() - Date.parse(asOf)) / 1000));
    return { source: 'local', asOf, ageSeconds, obligations: rows.map(fromRow) };
  }

  async function lookup(
    ownerType: OwnerType,
    ownerId: string,
    live: (opts: { timeoutMs: number; attempts: number }) => Promise<ObligationList>,
  ): Promise<ObligationAnswer> {
    if (connectivity.state() !== 'offline') {
      try {
        const answer = await live({ timeoutMs: liveTimeoutMs, attempts: 1 });
        return { source: 'live', asOf: clock.now().toISOString(), ageSeconds: 0, obligations: answer.obligations.map(fromCentral) };
      } catch (error) {
        if (error instanceof CentralError && error.kind === 'rejected' && error.status === 400) {
          throw new ApiError('VALIDATION', 'the central API refused the identifier', { reason: error.code });
        }
        logger.info(
          { ownerType, kind: error instanceof CentralError ? error.kind : 'internal' },
          'live obligations lookup failed, answering from the local copy',
        );
      }
    }
    return local(ownerType, ownerId);
  }

  return {
    listForMember(cedula: string): Promise<ObligationAnswer> {
      return lookup('member', cedula, (opts) => client.ofMember(cedula, opts));
    },
    listForCompany(nit: string): Promise<ObligationAnswer> {
      return lookup('company', nit, (opts) => client.ofCompany(nit, opts));
    },
    listForStudent(studentId: string): Promise<ObligationAnswer> {
      return lookup('student', studentId, (opts) => client.enrollmentSlips(studentId, opts));
    },
    /** The local copy only, whatever the link (for screens that must not wait, and for benchmarks). */
    localOnly(ownerType: OwnerType, ownerId: string): ObligationAnswer {
      return local(ownerType, ownerId);
    },
  };
}
export type ObligationsService = ReturnType<typeof createObligationsService>;
