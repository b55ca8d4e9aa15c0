import { z } from 'zod';
import { formatNit, IdentifierError, parseNit, type NitRefusal } from './identifiers';

/**
 * The identifiers as the contract and the central API carry them (already parsed: `identifiers.ts` reads what a
 * person types). Apart from `identifiers.ts` so that the renderer, which imports that one, does not ship zod.
 */
export const cedulaSchema = z.string().regex(/^\d{5,10}$/, 'cedula must be 5 to 10 digits');
export const nitSchema = z.string().regex(/^\d{6,15}-\d$/, 'NIT must be written base-checkDigit');
export const studentIdSchema = z.string().regex(/^\d{4,12}$/, 'student id must be 4 to 12 digits');

/**
 * A NIT as a person or a cashier types it — with or without its check digit, with a dash, dots or spaces —
 * checked by `parseNit` and handed on as `base-checkDigit`. A wrong check digit is a VALIDATION refusal with
 * reason `NIT_CHECK_DIGIT` (never a lookup of another company); anything else that is not a NIT, `NIT_FORMAT`.
 */
export const nitAnySpellingSchema = z
  .string()
  .max(24)
  .transform((text, ctx) => {
    try {
      return formatNit(parseNit(text));
    } catch (error) {
      const reason: NitRefusal = error instanceof IdentifierError && error.reason === 'checkDigit' ? 'NIT_CHECK_DIGIT' : 'NIT_FORMAT';
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'not a NIT', params: { reason } });
      return z.NEVER;
    }
  });
