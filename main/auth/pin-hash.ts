import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Operator PINs exist only as scrypt hashes, written `scrypt$N$r$p$saltB64$hashB64` (the central API's
 * format). Parameters come from the hash itself, so they are bounded before use: a hostile or corrupt entry
 * must not make a sign-in allocate gigabytes or run for minutes.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const defaultScryptParams: ScryptParams = { N: 16384, r: 8, p: 1 };

interface ParsedHash extends ScryptParams {
  salt: Buffer;
  hash: Buffer;
}

const MAX_MEMORY = 256 * 1024 * 1024;

function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;
}

export function parsePinHash(text: string): ParsedHash | undefined {
  const parts = text.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : NaN)) as [number, number, number];
  if (!isPowerOfTwo(N) || N < 1024 || N > 1 << 20) return undefined;
  if (!Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16) return undefined;
  if (128 * N * r * p > MAX_MEMORY / 2) return undefined;
  const base64 = /^[A-Za-z0-9+/]+={0,2}$/;
  if (!base64.test(parts[4] ?? '') || !base64.test(parts[5] ?? '')) return undefined;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const hash = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8 || salt.length > 64 || hash.length < 16 || hash.length > 64) return undefined;
  return { N, r, p, salt, hash };
}

function derive(pin: string, salt: Buffer, keyLength: number, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, keyLength, { ...params, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPin(pin: string, params: ScryptParams = defaultScryptParams, salt: Buffer = randomBytes(16)): Promise<string> {
  const key = await derive(pin, salt, 32, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** False for a wrong PIN and for an unusable hash alike; never throws for either. */
export async function verifyPin(pin: string, pinHash: string): Promise<boolean> {
  const parsed = parsePinHash(pinHash);
  if (!parsed) return false;
  const key = await derive(pin, parsed.salt, parsed.hash.length, parsed);
  return timingSafeEqual(key, parsed.hash);
}

const decoySalt = randomBytes(16);

/** The same work as a real check, for names that match no operator, so timing does not tell names apart. */
export async function decoyVerify(pin: string): Promise<false> {
  await derive(pin, decoySalt, 32, defaultScryptParams);
  return false;
}
