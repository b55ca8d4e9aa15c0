import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { memoryLogger } from '../../support/logs';

/** A 1..3-digit head and groups of three, as es-CO writes thousands: 1045678901 → 1.045.678.901. */
function thousands(digits: string, separator: string): string {
  const head = digits.length % 3 || 3;
  const groups = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join(separator);
}

interface Identifier {
  kind: string;
  /** As written in the log call. */
  written: string;
  /** What must not survive in any form: the digits run, or the e-mail decoded. */
  secret: string;
}

const cedula = fc
  .stringMatching(/^[1-9]\d{4,9}$/)
  .chain((digits) =>
    fc.constantFrom<Identifier>(
      { kind: 'cedula', written: digits, secret: digits },
      { kind: 'cedula dotted', written: thousands(digits, '.'), secret: digits },
      { kind: 'cedula spaced', written: thousands(digits, ' '), secret: digits },
      { kind: 'cedula with type', written: `CC ${thousands(digits, '.')}`, secret: digits },
    ),
  );

const phone = fc.stringMatching(/^3\d{9}$/).chain((digits) => {
  const [a, b, c] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
  return fc.constantFrom<Identifier>(
    { kind: 'phone', written: digits, secret: digits },
    { kind: 'phone spaced', written: `${a} ${b} ${c}`, secret: digits },
    { kind: 'phone dashed', written: `${a}-${b}-${c}`, secret: digits },
    { kind: 'phone +57', written: `+57 ${a} ${b} ${c}`, secret: digits },
    { kind: 'phone +57 dashed', written: `+57-${a}-${b}-${c}`, secret: digits },
    { kind: 'phone parenthesised', written: `(${a}) ${b} ${c}`, secret: digits },
    { kind: 'phone +57 glued', written: `+57${digits}`, secret: digits },
  );
});

const nit = fc
  .stringMatching(/^[89]\d{8}$/)
  .chain((digits) =>
    fc
      .integer({ min: 0, max: 9 })
      .chain((dv) =>
        fc.constantFrom<Identifier>(
          { kind: 'nit', written: `${digits}-${dv}`, secret: digits },
          { kind: 'nit dotted', written: `${thousands(digits, '.')}-${dv}`, secret: digits },
          { kind: 'nit glued', written: `${digits}${dv}`, secret: digits },
        ),
      ),
  );

const localPart = fc.stringMatching(/^[a-z][a-z0-9._+-]{0,14}[a-z0-9]$/);
const domain = fc.constantFrom('hotmail.com', 'cajacopi.com.co', 'correo.gov.co', 'ejemplo.org');
const accented = fc.constantFrom('josé.peña', 'núñez', 'maría_ángel', 'ñandú', '用户', 'müller');
const email = fc.oneof(
  fc.tuple(localPart, domain).map(([l, d]): Identifier => ({ kind: 'email', written: `${l}@${d}`, secret: `${l}@${d}` })),
  fc
    .tuple(localPart, domain)
    .map(([l, d]): Identifier => ({ kind: 'email url-encoded', written: encodeURIComponent(`${l}@${d}`), secret: `${l}@${d}` })),
  fc.tuple(accented, domain).map(([l, d]): Identifier => ({ kind: 'email non-ascii', written: `${l}@${d}`, secret: `${l}@${d}` })),
  fc
    .tuple(accented, domain)
    .map(([l, d]): Identifier => ({ kind: 'email non-ascii encoded', written: encodeURIComponent(`${l}@${d}`), secret: `${l}@${d}` })),
  fc
    .tuple(localPart, fc.constantFrom('correo.co', 'ñandú.com.co', '例子.广告'))
    .map(([l, d]): Identifier => ({ kind: 'email idn', written: `${l}@${d}`, secret: `${l}@${d}` })),
);

const identifier = fc.oneof(cedula, phone, nit, email);

/** Every way a line can carry a value: a field, the message, pino's format arguments. */
type Channel = (log: ReturnType<typeof memoryLogger>['logger'], probe: string, id: Identifier) => void;
const channels: Record<string, Channel> = {
  field: (log, probe, id) => log.info({ probe, detail: `payer ${id.written} asked` }, 'lookup'),
  nested: (log, probe, id) => log.warn({ probe, request: { query: [id.written] } }, 'lookup'),
  message: (log, probe, id) => log.info(`${probe} lookup for ${id.written} failed`),
  'format %s': (log, probe, id) => log.info({ probe }, 'lookup for %s failed', id.written),
  'format %d': (log, probe, id) => {
    if (/^\d+$/.test(id.written)) log.info(`${probe} lookup for %d failed`, Number(id.written));
    else log.info(`${probe} lookup for %s failed`, id.written);
  },
  'format %j': (log, probe, id) => log.info(`${probe} answer %j`, { holder: id.written }),
  'format %o': (log, probe, id) => log.info(`${probe} answer %o`, { holder: id.written }),
  'format split': (log, probe, id) => {
    const cut = [Math.floor(id.written.length / 3), Math.floor((2 * id.written.length) / 3)];
    log.info(`${probe} id %s%s%s`, id.written.slice(0, cut[0]), id.written.slice(cut[0], cut[1]), id.written.slice(cut[1]));
  },
  error: (log, probe, id) => log.error({ probe, err: new Error(`lookup failed for ${id.written}`) }, 'lookup'),
};

describe('logs never hold personal data', () => {
  it('masks personal fields by name and personal values by pattern, at any depth', async () => {
    const { logger, lines } = memoryLogger();
    logger.info(
      {
        cedula: '1045678901',
        studentName: 'LUCIA PEÑA',
        request: { phone: '3004567434', email: 'ing_demo@hotmail.com', otp: '123456', nested: { token: 'abc.def.ghi' } },
        note: 'payer 1045678901 wrote from ing_demo@hotmail.com with Bearer eyJhbGciOi.secret',
      },
      'sign-in for 1045678901 (ing_demo@hotmail.com)',
    );
    logger.error(new Error('lookup failed for cedula 1045678901'));
    const text = lines().join('\n');
    expect(lines()).toHaveLength(2);
    for (const secret of ['1045678901', '3004567434', 'ing_demo@hotmail.com', '123456', 'abc.def.ghi', 'eyJhbGciOi', 'LUCIA']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('sign-in for');
    expect(text).toContain('lookup failed for cedula');
  });

  it('masks the SMS code a person typed, and keeps the error code of a refusal readable', () => {
    const { logger, lines } = memoryLogger();
    logger.info({ method: 'auth.verifyCode', code: 'WRONG_CODE', ms: 3 }, 'call refused');
    logger.info({ method: 'auth.verifyCode', input: { code: '482913' }, smsCode: '482913', verificationCode: 482913 }, 'verify');
    logger.warn({ err: { code: 'ECONNREFUSED' } }, 'central down');
    const [refused, verify, down] = lines();
    expect(refused).toContain('"code":"WRONG_CODE"');
    expect(verify).toBeDefined();
    expect(verify).not.toContain('482913');
    expect(verify).toContain('"input":{"code":"***13"}');
    expect(down).toContain('"code":"ECONNREFUSED"');
  });

  it('keeps what is not personal: dates, times, loopback addresses, short numbers', () => {
    const { logger, lines } = memoryLogger();
    logger.info(
      { next: '2026-11-30T12:00:00.000Z', at: '2026-11-30 07:00:00' },
      'listening on http://127.0.0.1:5170 after %d ms, %s rows',
      812,
      '4000',
    );
    const [line] = lines();
    expect(line).toBeDefined();
    for (const kept of ['2026-11-30T12:00:00.000Z', '2026-11-30 07:00:00', 'http://127.0.0.1:5170', 'after 812 ms, 4000 rows'])
      expect(line).toContain(kept);
  });

  it('no identifier survives, in any of its formats, through any channel (property)', () => {
    const { logger, lines } = memoryLogger();
    let probes = 0;
    fc.assert(
      fc.property(identifier, fc.constantFrom(...Object.keys(channels)), (id, channel) => {
        const probe = `probe${++probes}x`;
        const before = lines().length;
        channels[channel]?.(logger, probe, id);
        const written = lines().slice(before);
        // The line must exist before its absence of data means anything.
        expect(written, `${channel} wrote no line`).toHaveLength(1);
        const line = written[0] ?? '';
        expect(line).toContain(probe);
        const decoded = decodeURIComponent(line.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
        expect(decoded, `${id.kind} via ${channel}: ${line}`).not.toContain(id.secret);
        expect(line, `${id.kind} via ${channel}`).not.toContain(id.written);
        expect(decoded.replace(/[\s.()+-]/g, ''), `${id.kind} via ${channel}: ${line}`).not.toContain(id.secret.replace(/[\s.()+-]/g, ''));
      }),
      { numRuns: 400 },
    );
    expect(probes).toBeGreaterThanOrEqual(400);
  });
});
