import { createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

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

/**
 * The cached copy of a central hash, peppered with the terminal's secret (main/secrets):
 * `pscrypt$<pepperId>$N$r$p$saltB64$macB64`, where mac = HMAC-SHA256(pepper, scrypt(PIN, salt)). The database
 * alone holds no value an offline guess can be compared with: each guess needs the pepper, which lives outside
 * the database. `pepperId` (8 hex of HMAC(pepper, "pepper-id")) tells a cache made under another pepper (the
 * key file was lost or the database was moved to another machine) from a wrong PIN, without revealing it.
 */
const PEPPERED = 'pscrypt';

export function pepperId(pepper: Buffer): string {
  return createHmac('sha256', pepper).update('pepper-id').digest('hex').slice(0, 8);
}

function mac(pepper: Buffer, key: Buffer): Buffer {
  return createHmac('sha256', pepper).update(key).digest();
}

/** The central API's `scrypt$…` hash, peppered for the cache; undefined when the central hash is unusable. */
export function pepperPinHash(centralHash: string, pepper: Buffer): string | undefined {
  const parsed = parsePinHash(centralHash);
  if (!parsed) return undefined;
  const { N, r, p, salt, hash } = parsed;
  return `${PEPPERED}$${pepperId(pepper)}$${N}$${r}$${p}$${salt.toString('base64')}$${mac(pepper, hash).toString('base64')}$${hash.length}`;
}

/** What a cached hash is: peppered with this pepper, with another one, the unpeppered legacy form, or junk. */
export function cachedHashKind(stored: string, pepper: Buffer): 'peppered' | 'foreign' | 'legacy' | 'unusable' {
  if (stored.startsWith(`${PEPPERED}$`)) return stored.split('$')[1] === pepperId(pepper) ? 'peppered' : 'foreign';
  return parsePinHash(stored) ? 'legacy' : 'unusable';
}

/**
 * Checks a PIN against a cached, peppered hash. False for a wrong PIN, another pepper's hash, an unpeppered or
 * unusable one alike; never throws for any of them.
 */
export async function verifyPepperedPin(pin: string, stored: string, pepper: Buffer): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 8 || parts[0] !== PEPPERED || parts[1] !== pepperId(pepper)) return false;
  const keyLength = Number(parts[7]);
  if (!Number.isInteger(keyLength) || keyLength < 16 || keyLength > 64) return false;
  // Re-use the central format's bounds on N, r, p and the salt: a forged row must not cost gigabytes either.
  const parsed = parsePinHash(['scrypt', ...parts.slice(2, 6), Buffer.alloc(keyLength).toString('base64')].join('$'));
  const expected = Buffer.from(parts[6] ?? '', 'base64');
  if (!parsed || expected.length !== 32) return false;
  const key = await derive(pin, parsed.salt, keyLength, parsed);
  return timingSafeEqual(mac(pepper, key), expected);
}
