import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOneField, oneField } from '../../../main/domain/text-field';
import { hostileText, separator } from '../../fixtures/hostile-text';

/** What may never be left in a field: controls, separators other than the plain space, bidi and invisible marks. */
const FORBIDDEN = /[\p{Cc}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200b\u200e\u200f\u202a-\u202f\u205f\u2066-\u2069\u3000\u061c\ufeff]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('oneField', () => {
  it('leaves no control, separator, bidi mark or lone surrogate; spaces single; trimmed; NFC; stable', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const field = oneField(text);
        expect(field).not.toMatch(FORBIDDEN);
        expect(field).not.toMatch(LONE_SURROGATE);
        expect(field).not.toMatch(/ {2}/);
        expect(field).toBe(field.trim());
        expect(field).toBe(field.normalize('NFC'));
        expect(oneField(field)).toBe(field);
        expect(isOneField(field)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every word of text that is already clean, in order', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9ÁÉÍÓÚÑáéíóúñü.,$@'-]{1,12}$/);
    const separators = fc.array(separator, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(word, separators), { minLength: 1, maxLength: 8 }), separators, (pairs, lead) => {
        const text = lead + pairs.map(([w, s]) => w + s).join('');
        expect(oneField(text)).toBe(pairs.map(([w]) => w).join(' '));
      }),
    );
  });

  it('turns a forged second line into one line, and drops control sequences whole', () => {
    expect(oneField('JOSÉ PEÑA\nTotal pagado $ 1')).toBe('JOSÉ PEÑA Total pagado $ 1');
    expect(oneField('\u202eANAJ\t\tPEREZ\r\n')).toBe('ANAJ PEREZ');
    expect(oneField('CRÉDITO\u001b[31m POR\u001bp LIBRANZAS')).toBe('CRÉDITO POR LIBRANZAS');
    expect(oneField('Jose\u0301')).toBe('José');
  });
});
