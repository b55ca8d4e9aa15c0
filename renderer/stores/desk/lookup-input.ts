import type { ApiInput } from '../../../main/api/contract';
// The renderer uses main/domain's pure rules so each exists once. A NIT goes to `desk.lookup` as typed: the core
// (the contract's `nitAnySpellingSchema`) takes it with or without its check digit and refuses a wrong one.
import { parseCedula, parseStudentId } from '../../../main/domain/identifiers';
import { deskTexts } from './texts';

export type LookupBy = 'cedula' | 'nit' | 'student';

/** What a NIT may be typed with: digits, a dash, dots and spaces (the core decides whether it is one). */
const NIT_AS_TYPED = /^[\d\s.-]{1,24}$/;

/**
 * What the cashier typed in Buscar, as `desk.lookup` wants it, or the Spanish reason it is not one. Dots and
 * spaces a cashier types are ignored in a cédula or a student id; a NIT is the core's to judge.
 */
export function lookupInput(by: LookupBy, text: string): { input: ApiInput<'desk.lookup'> } | { error: string } {
  const invalid = deskTexts.lookup.invalid;
  try {
    switch (by) {
      case 'cedula':
        return { input: { by, value: parseCedula(text) } };
      case 'nit': {
        const typed = text.trim();
        return NIT_AS_TYPED.test(typed) && /\d/.test(typed) ? { input: { by, value: typed } } : { error: invalid.company };
      }
      case 'student':
        return { input: { by, value: parseStudentId(text) } };
    }
  } catch {
    return { error: by === 'cedula' ? invalid.member : invalid.student };
  }
}
