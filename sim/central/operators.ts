import type { FastifyInstance } from 'fastify';
import { randomBytes, scrypt } from 'node:crypto';
import type { SimContext } from '../context';

/**
 * The central API's operator list for cashier desks: PINs travel and rest only as scrypt hashes
 * (`scrypt$N$r$p$saltB64$hashB64`). Demo: cajero1 / 1234 (cashier), supervisor1 / 9999 (supervisor),
 * cajero2 / 5678 (inactive: cannot sign in).
 */
export interface SimOperator {
  username: string;
  displayName: string;
  role: 'cashier' | 'supervisor';
  pin: string;
  active: boolean;
}

export const demoOperators: SimOperator[] = [
  { username: 'cajero1', displayName: 'Carmen Cajera', role: 'cashier', pin: '1234', active: true },
  { username: 'supervisor1', displayName: 'Samuel Supervisor', role: 'supervisor', pin: '9999', active: true },
  { username: 'cajero2', displayName: 'Ramiro Retirado', role: 'cashier', pin: '5678', active: false },
];

const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32 };

export function hashPin(pin: string, salt: Buffer = randomBytes(16)): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p }, (error, key) => {
      if (error) reject(error);
      else resolve(`scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`);
    });
  });
}

let hashed: Promise<Array<Omit<SimOperator, 'pin'> & { pinHash: string }>> | undefined;

function operatorList() {
  hashed ??= Promise.all(demoOperators.map(async ({ pin, ...operator }) => ({ ...operator, pinHash: await hashPin(pin) })));
  return hashed;
}

export function registerOperators(server: FastifyInstance, context: SimContext): void {
  server.get('/v1/operators', { preHandler: context.auth.requireTerminal }, async () => operatorList());
}
