import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatNit,
  IdentifierError,
  maskTail,
  nitCheckDigit,
  parseCedula,
  parseNit,
  parseStudentId,
} from '../../../main/domain/identifiers';

describe('NIT', () => {
  it('computes the DIAN check digit of the published examples', () => {
    expect(nitCheckDigit('800197268')).toBe(4);
    expect(nitCheckDigit('890903938')).toBe(8);
    expect(nitCheckDigit('890102044')).toBe(1);
    expect(nitCheckDigit('900123456')).toBe(8);
  });

  it('accepts the NIT with the dash, with the digit attached, or without it', () => {
    for (const typed of ['900123456-8', '9001234568', '900123456', '900.123.456-8', ' 900123456 - 8'.replace(/ - /, '-')]) {
      expect(formatNit(parseNit(typed)), typed).toBe('900123456-8');
    }
  });

  it('refuses a wrong check digit and anything that is not a NIT', () => {
    expect(() => parseNit('900123456-7')).toThrow(expect.objectContaining({ reason: 'checkDigit' }));
    for (const bad of ['', 'abc', '12-3', '900123456-', '900123456-88']) {
      expect(() => parseNit(bad), bad).toThrow(IdentifierError);
    }
  });

  it('round-trips any base through format and parse, and detects every single wrong digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{8}$/), fc.integer({ min: 0, max: 9 }), (base, wrong) => {
        const nit = { base, checkDigit: nitCheckDigit(base) };
        expect(parseNit(formatNit(nit))).toEqual(nit);
        if (wrong !== nit.checkDigit) expect(() => parseNit(`${base}-${wrong}`)).toThrow(IdentifierError);
      }),
    );
  });
});

describe('cédula and student id', () => {
  it('accepts 5 to 10 digits by default and strips dots and spaces', () => {
    expect(parseCedula('1.045.678.901')).toBe('1045678901');
    expect(parseCedula('12345')).toBe('12345');
    expect(() => parseCedula('1234')).toThrow(expect.objectContaining({ reason: 'length' }));
    expect(() => parseCedula('12345678901')).toThrow(expect.objectContaining({ reason: 'length' }));
    expect(() => parseCedula('12a45')).toThrow(expect.objectContaining({ reason: 'format' }));
    expect(() => parseCedula('00000')).toThrow(IdentifierError);
  });

  it('follows the configured length', () => {
    expect(parseCedula('123', { minLength: 3, maxLength: 12 })).toBe('123');
  });

  it('parses arbitrary text into digits or a typed error, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        for (const parse of [parseCedula, parseStudentId]) {
          try {
            expect(parse(text)).toMatch(/^\d+$/);
          } catch (error) {
            expect(error).toBeInstanceOf(IdentifierError);
          }
        }
      }),
    );
  });

  it('masks all but the tail', () => {
    expect(maskTail('3004567434')).toBe('****434');
  });
});
