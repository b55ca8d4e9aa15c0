import type { ApiInput } from '../../../main/api/contract';
// The renderer uses main/domain's pure rules so the NIT check digit exists once; `desk.lookup` takes a NIT only
// with its check digit (base-dv).
import { formatNit, IdentifierError, parseCedula, parseNit, parseStudentId } from '../../../main/domain/identifiers';
import { deskTexts } from './texts';

export type LookupBy = 'cedula' | 'nit' | 'student';

/**
 * What the cashier typed in Buscar, as `desk.lookup` wants it (a NIT always with its check digit, computed when
 * typed without it), or the Spanish reason it is not one. Dots and spaces a cashier types are ignored.
 */
export function lookupInput(by: LookupBy, text: string): { input: ApiInput<'desk.lookup'> } | { error: string } {
  const invalid = deskTexts.lookup.invalid;
  try {
    switch (by) {
      case 'cedula':
        return { input: { by, value: parseCedula(text) } };
      case 'nit':
        return { input: { by, value: formatNit(parseNit(text)) } };
      case 'student':
        return { input: { by, value: parseStudentId(text) } };
    }
  } catch (err) {
    if (err instanceof IdentifierError && err.reason === 'checkDigit') return { error: invalid.companyCheckDigit };
    return { error: by === 'cedula' ? invalid.member : by === 'nit' ? invalid.company : invalid.student };
  }
}
