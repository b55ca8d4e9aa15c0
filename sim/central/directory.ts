import type { FastifyInstance } from 'fastify';
import { createHash, scrypt } from 'node:crypto';
import type { CentralOperator, ContactChannels } from '../../main/central/schemas';
import type { SimContext } from '../server';
import { terminalOf } from './obligations';

/** The demo operators of the cashier desks; the README lists them. PINs exist only here, in the simulator. */
export const demoOperators = [
  { username: 'cajero1', displayName: 'CAJERO UNO', role: 'cashier', pin: '1234', active: true },
  { username: 'cajero2', displayName: 'CAJERO DOS', role: 'cashier', pin: '5678', active: true },
  { username: 'supervisor1', displayName: 'SUPERVISOR SEDE', role: 'supervisor', pin: '9999', active: true },
  { username: 'cajero9', displayName: 'CAJERO RETIRADO', role: 'cashier', pin: '0000', active: false },
] as const;

export const PIN_SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32 } as const;

/** `scrypt$N$r$p$saltB64$hashB64` with a salt derived from the username, so the demo data is deterministic. */
export async function pinHash(username: string, pin: string): Promise<string> {
  const salt = createHash('sha256').update(`pes-demo-salt:${username}`).digest().subarray(0, 16);
  const { N, r, p, keyLength } = PIN_SCRYPT;
  const hash = await new Promise<Buffer>((resolve, reject) =>
    scrypt(pin, salt, keyLength, { N, r, p }, (error, key) => (error ? reject(error) : resolve(key))),
  );
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** The sede and jardín channels the manual's notes name; they match the terminal's default configuration. */
export const demoContacts: ContactChannels = {
  site: { name: 'Sede Barranquilla Centro', phones: ['(605) 3185930'], advisorEmail: 'kathien.castro@cajacopi.com', portfolioEmail: 'cartera@cajacopi.com' },
  kindergarten: { phones: ['3491109', '3714674', '317 647 5902'] },
  customerService: { phone: '(605) 3185930', email: 'servicioalcliente@cajacopi.com' },
};

/** `GET /v1/operators` and `GET /v1/terminals/{id}/contacts`. */
export function registerDirectoryRoutes(server: FastifyInstance, context: SimContext): void {
  let operators: Promise<CentralOperator[]> | undefined;
  const guard = { preHandler: context.auth.requireTerminal };

  server.get('/v1/operators', guard, async () => {
    operators ??= Promise.all(
      demoOperators.map(async (o) => ({ username: o.username, displayName: o.displayName, role: o.role, pinHash: await pinHash(o.username, o.pin), active: o.active })),
    );
    return operators;
  });

  server.get<{ Params: { terminalId: string } }>('/v1/terminals/:terminalId/contacts', guard, async (request, reply) => {
    if (terminalOf(request) !== request.params.terminalId) return reply.code(403).send({ error: 'TERMINAL_MISMATCH' });
    return demoContacts;
  });
}
