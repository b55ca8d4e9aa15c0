import type { FastifyInstance } from 'fastify';
import type { ContactChannels } from '../../main/central/schemas';
import type { SimContext } from '../context';
import { terminalOf } from './obligations';

/** The sede and jardín channels the manual's notes name; they match the terminal's default configuration. */
export const demoContacts: ContactChannels = {
  site: {
    name: 'Sede Barranquilla Centro',
    phones: ['(605) 3185930'],
    advisorEmail: 'kathien.castro@cajacopi.com',
    portfolioEmail: 'cartera@cajacopi.com',
  },
  kindergarten: { phones: ['3491109', '3714674', '317 647 5902'] },
  customerService: { phone: '(605) 3185930', email: 'servicioalcliente@cajacopi.com' },
};

/**
 * `GET /v1/terminals/{id}/contacts` (the operator list, `GET /v1/operators`, lives in ./operators.ts), and
 * `PUT /sim/admin/contacts` to change what it answers (taken as sent, so a test can make it answer badly).
 */
export function registerDirectoryRoutes(server: FastifyInstance, context: SimContext): { reset(): void } {
  let contacts: unknown = demoContacts;
  server.get<{ Params: { terminalId: string } }>(
    '/v1/terminals/:terminalId/contacts',
    { preHandler: context.auth.requireTerminal },
    async (request, reply) => {
      if (terminalOf(request) !== request.params.terminalId) return reply.code(403).send({ error: 'TERMINAL_MISMATCH' });
      return contacts;
    },
  );
  server.put('/sim/admin/contacts', async (request) => {
    contacts = request.body;
    return contacts;
  });
  return {
    reset() {
      contacts = demoContacts;
    },
  };
}
