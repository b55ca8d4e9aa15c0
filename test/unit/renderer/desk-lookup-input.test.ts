import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { personLookupInput } from '../../../main/api/contract/desk';
import { nitCheckDigit } from '../../../main/domain/identifiers';
import { cedulaSchema, studentIdSchema } from '../../../main/domain/identifiers-schema';
import { lookupInput, type LookupBy } from '../../../renderer/stores/desk/lookup-input';
import { deskTexts } from '../../../renderer/stores/desk/texts';

const kinds: LookupBy[] = ['cedula', 'nit', 'student'];
const invalid = deskTexts.lookup.invalid;
const spanishReasons = new Set<string>([invalid.member, invalid.company, invalid.companyCheckDigit, invalid.student]);

/** What a cashier may type around the digits: dots and spaces as thousands separators. */
function decorate(digits: string, seps: boolean[]): string {
  return [...digits]
    .map((d, i) => (seps[i] ? `${d}.` : d))
    .join('')
    .replace(/\.$/, '');
}

describe("Buscar's identification parser (lookupInput)", () => {
  it('answers anything typed either with an input the contract accepts or with one of its Spanish reasons', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.string({ maxLength: 24 }), (by, text) => {
        const result = lookupInput(by, text);
        if ('error' in result) expect(spanishReasons.has(result.error)).toBe(true);
        else {
          expect(personLookupInput.safeParse(result.input).success).toBe(true);
          expect(result.input.by).toBe(by);
        }
      }),
    );
  });

  it('sends every cédula and student id the contract allows unchanged, whatever dots the cashier typed', () => {
    const cedula = fc.stringMatching(/^\d{5,10}$/).filter((v) => !/^0+$/.test(v) && cedulaSchema.safeParse(v).success);
    fc.assert(
      fc.property(cedula, fc.array(fc.boolean(), { maxLength: 10 }), (value, seps) => {
        expect(lookupInput('cedula', decorate(value, seps))).toEqual({ input: { by: 'cedula', value } });
      }),
    );
    const student = fc.stringMatching(/^\d{4,12}$/).filter((v) => studentIdSchema.safeParse(v).success);
    fc.assert(
      fc.property(student, (value) => {
        expect(lookupInput('student', ` ${value} `)).toEqual({ input: { by: 'student', value } });
      }),
    );
  });

  it('completes a NIT typed without its check digit and keeps one typed with it, dashed or attached', () => {
    const base = fc.stringMatching(/^[1-9]\d{8}$/);
    fc.assert(
      fc.property(base, (digits) => {
        const expected = { input: { by: 'nit', value: `${digits}-${nitCheckDigit(digits)}` } };
        expect(lookupInput('nit', digits)).toEqual(expected);
        expect(lookupInput('nit', `${digits}-${nitCheckDigit(digits)}`)).toEqual(expected);
        expect(lookupInput('nit', `${digits}${nitCheckDigit(digits)}`)).toEqual(expected);
      }),
    );
  });

  it('names the check digit when it does not match the NIT', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{8}$/), fc.integer({ min: 1, max: 10 }), (digits, shift) => {
        const wrong = (nitCheckDigit(digits) + shift) % 11;
        fc.pre(wrong <= 9);
        expect(lookupInput('nit', `${digits}-${wrong}`)).toEqual({ error: invalid.companyCheckDigit });
      }),
    );
    expect(lookupInput('nit', '900123456-1')).toEqual({ error: invalid.companyCheckDigit });
  });
});
