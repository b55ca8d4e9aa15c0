import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** The one enrolment code the simulator knows at start, for the demo and the README (site BAQ-01). */
export const DEMO_ENROLMENT_CODE = 'PES-DEMO-0001';
const CODE_TTL_MS = 24 * 3600 * 1000;
const SITE_NAMES: Record<string, string> = { 'BAQ-01': 'Sede Barranquilla Centro', 'SMR-02': 'Sede Santa Marta' };

const enrolRequest = z
  .object({
    enrolmentCode: z.string().regex(/^[A-Z0-9-]{8,32}$/),
    siteId: z.string().min(1).max(32),
    terminalId: z.string().regex(/^[A-Za-z0-9-]{1,32}$/),
    role: z.enum(['kiosk', 'desk']),
  })
  .strict();

/**
 * `POST /v1/terminal/enrolments` (see main/central/openapi.yaml): one-time codes per site, spent on first valid
 * use; each enrolment issues a fresh secret, which from then on is the only one the terminal id's token
 * exchange accepts. `POST /sim/admin/enrolment-codes {siteId}` issues a new code (what Cajacopi's back office
 * would do for a técnico).
 */
export function createEnrolmentSim(options: { now: () => number }) {
  const codes = new Map<string, { siteId: string; expiresAt: number }>();
  const secrets = new Map<string, string>();

  function reset(): void {
    codes.clear();
    secrets.clear();
    codes.set(DEMO_ENROLMENT_CODE, { siteId: 'BAQ-01', expiresAt: Number.POSITIVE_INFINITY });
  }
  reset();

  function register(server: FastifyInstance): void {
    server.post('/v1/terminal/enrolments', async (request, reply) => {
      const body = enrolRequest.safeParse(request.body);
      if (!body.success)
        return reply.code(400).send({ error: 'INVALID_REQUEST', message: 'enrolmentCode, siteId, terminalId and role required' });
      const code = codes.get(body.data.enrolmentCode);
      if (!code || code.siteId !== body.data.siteId || code.expiresAt <= options.now()) {
        return reply.code(422).send({ error: 'ENROLMENT_CODE_INVALID' });
      }
      codes.delete(body.data.enrolmentCode);
      const terminalSecret = randomBytes(32).toString('base64url');
      secrets.set(body.data.terminalId, terminalSecret);
      const siteName = SITE_NAMES[body.data.siteId] ?? `Sede ${body.data.siteId}`;
      return reply.code(201).send({ terminalId: body.data.terminalId, siteId: body.data.siteId, siteName, terminalSecret });
    });
    server.post('/sim/admin/enrolment-codes', async (request, reply) => {
      const body = z.object({ siteId: z.string().min(1).max(32) }).safeParse(request.body);
      if (!body.success) return reply.code(400).send({ error: 'INVALID_REQUEST' });
      const code = `PES-${randomBytes(6).toString('hex').toUpperCase()}`;
      codes.set(code, { siteId: body.data.siteId, expiresAt: options.now() + CODE_TTL_MS });
      return reply.code(201).send({ code, siteId: body.data.siteId });
    });
  }

  return {
    register,
    reset,
    /** The secret an enrolment issued for this terminal id, if any (it replaces the demo secret). */
    secretFor: (terminalId: string): string | undefined => secrets.get(terminalId),
  };
}
