import { z } from 'zod';

/**
 * The identifiers as the contract and the central API carry them (already parsed: `identifiers.ts` reads what a
 * person types). Apart from `identifiers.ts` so that the renderer, which imports that one, does not ship zod.
 */
export const cedulaSchema = z.string().regex(/^\d{5,10}$/, 'cedula must be 5 to 10 digits');
export const nitSchema = z.string().regex(/^\d{6,15}-\d$/, 'NIT must be written base-checkDigit');
export const studentIdSchema = z.string().regex(/^\d{4,12}$/, 'student id must be 4 to 12 digits');
