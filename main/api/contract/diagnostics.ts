import { z } from 'zod';
import { defineMethod } from './define';

export const diagnosticsMethods = {
  /**
   * Writes a diagnostic bundle (the log files and the terminal's status, nothing personal) into a folder the
   * técnico names, e.g. a USB stick's mount point. Operators only (supervisor once that access level exists).
   */
  'diagnostics.export': defineMethod({
    input: z
      .object({
        folder: z
          .string()
          .trim()
          .min(1)
          .max(260)
          .regex(/^[^\p{Cc}]*$/u, 'no control characters'),
      })
      .strict(),
    output: z.object({ folder: z.string(), files: z.array(z.string()), bytes: z.number().int().nonnegative() }),
    access: 'operator',
  }),
};
