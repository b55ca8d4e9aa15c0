import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { personLookupInput } from '../../../main/api/contract/desk';
import { cedulaSchema, studentIdSchema } from '../../../main/domain/identifiers-schema';
import { ApiCallError } from '../../../renderer/api';
import { deskErrorText } from '../../../renderer/stores/desk/errors';
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
          expect(result.input.by).toBe(by);
          const parsed = personLookupInput.safeParse(result.input);
          // A NIT is the core's to judge: accepted, or refused with a reason the screen words in Spanish.
          if (by === 'nit' && !parsed.success) {
            const reasons = parsed.error.issues.map((i) => (i as { params?: { reason?: string } }).params?.reason);
            expect(reasons.some((r) => r === 'NIT_CHECK_DIGIT' || r === 'NIT_FORMAT')).toBe(true);
          } else expect(parsed.success).toBe(true);
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

  it('sends a NIT as typed (digits, dash, dots, spaces) for the core to judge, and refuses other text in Spanish', () => {
    const typed = fc.stringMatching(/^[\d .-]{0,24}$/).map((v) => v.trim());
    fc.assert(
      fc.property(typed, (text) => {
        const result = lookupInput('nit', text);
        if (/\d/.test(text)) expect(result).toEqual({ input: { by: 'nit', value: text } });
        else expect(result).toEqual({ error: invalid.company });
      }),
    );
    expect(lookupInput('nit', '900123456-8x')).toEqual({ error: invalid.company });
  });

  it("words the core's NIT refusals in Spanish", () => {
    const refusal = (reason: string) =>
      new ApiCallError({ code: 'VALIDATION', message: 'invalid input for desk.lookup', details: { reason } });
    expect(deskErrorText(refusal('NIT_CHECK_DIGIT'))).toBe(invalid.companyCheckDigit);
    expect(deskErrorText(refusal('NIT_FORMAT'))).toBe(invalid.company);
  });
});
