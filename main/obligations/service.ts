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
/** A live answer with whom the central API names (the member's, company's or student's name, null when none). */
export type NamedAnswer = ObligationAnswer & { ownerName: string | null };

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

  function liveCall(ownerType: OwnerType, ownerId: string, opts: { timeoutMs: number; attempts: number }): Promise<ObligationList> {
    switch (ownerType) {
      case 'member':
        return client.ofMember(ownerId, opts);
      case 'company':
        return client.ofCompany(ownerId, opts);
      case 'student':
        return client.enrollmentSlips(ownerId, opts);
    }
  }

  /** The central API's answer now, with whom it names; a refused identifier is VALIDATION, anything else is thrown as is. */
  async function live(ownerType: OwnerType, ownerId: string): Promise<NamedAnswer> {
    try {
      const list = await liveCall(ownerType, ownerId, { timeoutMs: liveTimeoutMs, attempts: 1 });
      return {
        source: 'live',
        asOf: clock.now().toISOString(),
        ageSeconds: 0,
        obligations: list.obligations.map(fromCentral),
        ownerName: list.ownerName ?? null,
      };
    } catch (error) {
      if (error instanceof CentralError && error.kind === 'rejected' && error.status === 400) {
        throw new ApiError('VALIDATION', 'the central API refused the identifier', { reason: error.code });
      }
      logger.info({ ownerType, kind: error instanceof CentralError ? error.kind : 'internal' }, 'live obligations lookup failed');
      throw error;
    }
  }

  /** Live while the link works, else (or when the live call fails) the local copy; `ownerName` only from a live answer. */
  async function liveOrLocal(ownerType: OwnerType, ownerId: string): Promise<ObligationAnswer & { ownerName?: string | null }> {
    if (connectivity.state() !== 'offline') {
      try {
        return await live(ownerType, ownerId);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        logger.info({ ownerType }, 'answering from the local copy');
      }
    }
    return local(ownerType, ownerId);
  }

  async function plain(ownerType: OwnerType, ownerId: string): Promise<ObligationAnswer> {
    const { source, asOf, ageSeconds, obligations } = await liveOrLocal(ownerType, ownerId);
    return { source, asOf, ageSeconds, obligations };
  }

  return {
    listForMember(cedula: string): Promise<ObligationAnswer> {
      return plain('member', cedula);
    },
    listForCompany(nit: string): Promise<ObligationAnswer> {
      return plain('company', nit);
    },
    listForStudent(studentId: string): Promise<ObligationAnswer> {
      return plain('student', studentId);
    },
    /** Live, else the local copy, in one call; `ownerName` is present when the answer is live. */
    liveOrLocal,
    /**
     * The central API only (the desk's refresh after its local answer): UNAVAILABLE `OFFLINE` when the link is
     * known down or the call fails, so the screen keeps what it shows; VALIDATION when the identifier is refused.
     */
    async liveOnly(ownerType: OwnerType, ownerId: string): Promise<NamedAnswer> {
      if (connectivity.state() === 'offline' && connectivity.status().lastFailureAt !== null) {
        throw new ApiError('UNAVAILABLE', 'central API unreachable', { reason: 'OFFLINE' });
      }
      try {
        return await live(ownerType, ownerId);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        throw new ApiError('UNAVAILABLE', 'central API did not answer the lookup', { reason: 'OFFLINE' });
      }
    },
    /** The local copy only, whatever the link (for screens that must not wait, and for benchmarks). */
    localOnly(ownerType: OwnerType, ownerId: string): ObligationAnswer {
      return local(ownerType, ownerId);
    },
  };
}
export type ObligationsService = ReturnType<typeof createObligationsService>;
