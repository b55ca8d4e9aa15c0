import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDateTime } from '../../../main/domain/date-time';

describe('formatDateTime (the one date-time format on screen and paper)', () => {
  it('reads an instant in Bogotá time, day first, 24-hour clock', () => {
    expect(formatDateTime('2026-11-30T05:39:27-05:00')).toBe('30/11/2026 05:39');
    expect(formatDateTime('2026-11-30T03:05:00Z')).toBe('29/11/2026 22:05');
    expect(formatDateTime(new Date('2026-01-01T17:00:00Z'))).toBe('01/01/2026 12:00');
  });

  it('gives nothing for a missing or unreadable value', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime('ayer')).toBe('');
  });

  it('is one 16-character field for any instant: Bogotá is UTC−5 all year', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const text = formatDateTime(date.toISOString());
          expect(text).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
          const shifted = new Date(date.getTime() - 5 * 3600_000).toISOString();
          expect(text).toBe(`${shifted.slice(8, 10)}/${shifted.slice(5, 7)}/${shifted.slice(0, 4)} ${shifted.slice(11, 16)}`);
        },
      ),
    );
  });
});
