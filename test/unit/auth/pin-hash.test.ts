import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { cachedHashKind, hashPin, parsePinHash, pepperPinHash, verifyPepperedPin, verifyPin } from '../../../main/auth/pin-hash';
import { hashPin as simHashPin } from '../../../sim/central/operators';

const cheap = { N: 1024, r: 8, p: 1 };

describe('operator PIN hashes (scrypt)', () => {
  it('verifies the right PIN and refuses any other', async () => {
    const hash = await hashPin('1234', cheap);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPin('1234', hash)).toBe(true);
    expect(await verifyPin('1235', hash)).toBe(false);
    expect(await verifyPin('', hash)).toBe(false);
  });

  it("reads the central API's format, as the simulator writes it", async () => {
    const hash = await simHashPin('9999');
    expect(await verifyPin('9999', hash)).toBe(true);
    expect(await verifyPin('9998', hash)).toBe(false);
  });

  it('never stores or compares the PIN itself: two hashes of one PIN differ by their salt', async () => {
    const [a, b] = [await hashPin('1234', cheap), await hashPin('1234', cheap)];
    expect(a).not.toBe(b);
    expect(a).not.toContain('1234');
  });

  it('refuses hashes whose parameters would cost too much or that are malformed, without throwing', async () => {
    const good = await hashPin('1234', cheap);
    const [, , , , salt, key] = good.split('$');
    for (const bad of [
      `scrypt$${2 ** 24}$8$1$${salt}$${key}`,
      `scrypt$1000$8$1$${salt}$${key}`,
      `scrypt$1024$64$1$${salt}$${key}`,
      `scrypt$1024$8$99$${salt}$${key}`,
      `bcrypt$1024$8$1$${salt}$${key}`,
      `scrypt$1024$8$1$$${key}`,
      `scrypt$1024$8$1$${salt}$!!`,
      'plain-1234',
    ]) {
      expect(parsePinHash(bad)).toBeUndefined();
      expect(await verifyPin('1234', bad)).toBe(false);
    }
  });

  it('never throws on arbitrary stored text (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.stringMatching(/^\d{4,8}$/), async (text, pin) => {
        expect(typeof (await verifyPin(pin, text))).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });

  it('a peppered cache entry verifies only with its pepper, and holds nothing of the central hash', async () => {
    const central = await hashPin('1234', cheap);
    const pepper = randomBytes(32);
    const cached = pepperPinHash(central, pepper) ?? '';
    expect(cached).toMatch(/^pscrypt\$[0-9a-f]{8}\$1024\$8\$1\$/);
    expect(cached).not.toContain(central.split('$')[5]);
    expect(await verifyPepperedPin('1234', cached, pepper)).toBe(true);
    expect(await verifyPepperedPin('1235', cached, pepper)).toBe(false);
    expect(await verifyPepperedPin('1234', cached, randomBytes(32))).toBe(false);
    // Neither form is accepted as the other.
    expect(await verifyPin('1234', cached)).toBe(false);
    expect(await verifyPepperedPin('1234', central, pepper)).toBe(false);
    expect([
      cachedHashKind(cached, pepper),
      cachedHashKind(cached, randomBytes(32)),
      cachedHashKind(central, pepper),
      cachedHashKind('x', pepper),
    ]).toEqual(['peppered', 'foreign', 'legacy', 'unusable']);
    expect(pepperPinHash('plain-1234', pepper)).toBeUndefined();
  });

  it('never throws on arbitrary peppered-looking text (property)', async () => {
    const pepper = randomBytes(32);
    const good = pepperPinHash(await hashPin('1234', cheap), pepper) ?? '';
    const parts = good.split('$');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 7 }), fc.string({ maxLength: 40 }), async (index, junk) => {
        const forged = parts.map((part, i) => (i === index ? junk : part)).join('$');
        expect(typeof (await verifyPepperedPin('1234', forged, pepper))).toBe('boolean');
      }),
      { numRuns: 100 },
    );
  });
});
