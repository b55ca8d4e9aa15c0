import { z } from 'zod';
import { defineMethod } from './define';

/** What a técnico types on the enrolment screen of a terminal that has no terminal file yet. */
export const enrolmentInput = z
  .object({
    enrolmentCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9-]{8,32}$/, 'letters, digits and dashes, 8 to 32'),
    siteId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,32}$/, 'letters, digits and dashes, up to 32'),
    terminalId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,32}$/, 'letters, digits and dashes, up to 32'),
    role: z.enum(['kiosk', 'desk']),
    // The answer carries the terminal's secret: HTTPS, except the simulator on this machine.
    centralUrl: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .max(300)
      .refine(
        (url) => url.startsWith('https:') || ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname),
        'must be https (plain http only on 127.0.0.1)',
      ),
    printer: z
      .object({
        /** `tcp://host:port`, `printer:Name` or a device path; empty: the screen's print dialog. */
        interface: z
          .string()
          .trim()
          .max(200)
          .regex(/^[^\p{Cc}]*$/u, 'no control characters'),
        type: z.enum(['epson', 'star']),
        width: z.union([z.literal(32), z.literal(42), z.literal(48)]),
      })
      .strict(),
  })
  .strict();
export type EnrolmentInput = z.infer<typeof enrolmentInput>;

export const enrolmentMethods = {
  /** Public: the screens ask it at start; true only on a terminal with no terminal file. */
  'enrolment.status': defineMethod({
    input: z.object({}).strict(),
    output: z.object({ required: z.boolean() }),
    access: 'public',
  }),
  /**
   * Public because nobody can sign in before enrolment; the one-time code checked by the central API is the
   * credential. An enrolled terminal refuses it (FORBIDDEN, reason ALREADY_ENROLLED).
   */
  'enrolment.submit': defineMethod({
    input: enrolmentInput,
    output: z.object({ terminalId: z.string(), siteId: z.string(), siteName: z.string() }),
    access: 'public',
  }),
};
