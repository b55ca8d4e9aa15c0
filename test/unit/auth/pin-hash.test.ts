import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashPin, parsePinHash, verifyPin } from '../../../main/auth/pin-hash';
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

  it('reads the central API\'s format, as the simulator writes it', async () => {
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
});
