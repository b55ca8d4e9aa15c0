import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CentralObligation } from '../../main/central/schemas';
import { demoCompanies, demoMembers } from '../demo-data';

type OwnerType = CentralObligation['ownerType'];

const FIRST = ['LUIS', 'MARÍA', 'JOSÉ', 'ANA', 'CARLOS', 'LUZ', 'JORGE', 'ROSA', 'ANDRÉS', 'SOFÍA'];
const LAST = ['PÉREZ', 'GÓMEZ', 'DÍAZ', 'MUÑOZ', 'ROJAS', 'CASTRO', 'ORTIZ', 'SUÁREZ', 'VARGAS', 'NÚÑEZ'];

/** A made-up name from the digits of a synthetic id (never the id itself: a screen shows only its last four). */
function madeUp(digits: string, company: boolean): string {
  const n = Number(digits.slice(-6));
  const last = `${LAST[Math.floor(n / 10) % 10] ?? ''} ${LAST[Math.floor(n / 100) % 10] ?? ''}`;
  return company ? `COMERCIALIZADORA ${last} S.A.S.` : `${FIRST[n % 10] ?? ''} ${last}`;
}

const overrideBody = z
  .object({ ownerType: z.enum(['member', 'company', 'student']), ownerId: z.string().min(1).max(20), name: z.string().max(120).nullable() })
  .strict();

/**
 * Whom a live obligations list names (`ownerName` of the central API's ObligationList): the demo people by their
 * names, synthetic owners by a made-up one, a student by the name on their slips. `PUT /sim/admin/owner-names`
 * makes it answer any text the contract allows for one owner (a test sends control characters on purpose).
 */
export function registerOwnerNames(server: FastifyInstance): {
  nameOf(type: OwnerType, id: string, slips: CentralObligation[]): string | null;
  reset(): void;
} {
  const overrides = new Map<string, string | null>();
  server.put('/sim/admin/owner-names', async (request, reply) => {
    const body = overrideBody.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'INVALID_REQUEST' });
    overrides.set(`${body.data.ownerType}:${body.data.ownerId}`, body.data.name);
    return body.data;
  });
  return {
    nameOf(type, id, obligations) {
      const key = `${type}:${id}`;
      if (overrides.has(key)) return overrides.get(key) ?? null;
      if (type === 'student') return obligations.find((o) => o.studentName)?.studentName ?? null;
      if (type === 'member') return demoMembers.find((m) => m.cedula === id)?.fullName ?? (/^20\d{8}$/.test(id) ? madeUp(id, false) : null);
      return demoCompanies.find((c) => c.nit === id)?.legalName ?? (/^8\d{8}-\d$/.test(id) ? madeUp(id.slice(0, 9), true) : null);
    },
    reset() {
      overrides.clear();
    },
  };
}
