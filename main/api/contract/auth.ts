import { z } from 'zod';
import { oneField } from '../../domain/text-field';
import { defineMethod } from './define';

/**
 * Sign-in of people (afiliados, empresas) by SMS code, and of operators at cashier desks by username + PIN.
 * The session lives in the core: no token ever reaches the renderer, which learns who is signed in and how
 * long the session has left from `auth.session` / `operator.session`, and reports activity with `auth.touch`.
 *
 * Refusals (ApiError `details.reason`): requestCode/resendCode — VALIDATION (`field`, `reason`),
 * NOT_FOUND `UNKNOWN_SUBJECT`, CONFLICT `CONTACT_OUTDATED` | `SESSION_ACTIVE` | `NO_CHALLENGE`,
 * RATE_LIMITED `RESEND_TOO_SOON` | `SEND_CAP_REACHED` (`retryAfterSeconds`), FORBIDDEN `KIOSK_ONLY`,
 * UNAVAILABLE `CENTRAL_UNREACHABLE` | `OFFLINE` (the link is known to be down: refused at once, show the sede's
 * channels); verifyCode — UNAUTHENTICATED `WRONG_CODE` (`triesLeft`),
 * CONFLICT `EXPIRED` | `NO_CHALLENGE`, RATE_LIMITED `TOO_MANY_TRIES`, UNAVAILABLE `CENTRAL_UNREACHABLE`;
 * operator.signIn — UNAUTHENTICATED `BAD_CREDENTIALS` (`attemptsLeft`), RATE_LIMITED `LOCKED_OUT`
 * (`retryAfterSeconds`), FORBIDDEN `INACTIVE`, CONFLICT `OPERATOR_SIGNED_IN`, UNAVAILABLE `NO_OPERATOR_LIST`.
 *
 * requestCode answers an unknown document and a known one without a usable phone alike: NOT_FOUND
 * `SUBJECT_UNAVAILABLE` (the manual's NOTA covers both). requestCode, operator.signIn and
 * auth.authorizeSupervisor are throttled per terminal: RATE_LIMITED `TOO_MANY_ATTEMPTS` (`retryAfterSeconds`).
 * authorizeSupervisor — the refusals of operator.signIn, plus FORBIDDEN `SELF_AUTHORIZATION` (the signed-in
 * operator's own username) | `NOT_A_SUPERVISOR`, VALIDATION `NOT_A_SUPERVISOR_METHOD` (`method` is not a method
 * whose access admits a supervisor).
 */
export const audienceSchema = z.enum(['member', 'company']);

const noInput = z.object({}).strict();

const operatorUsername = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash, underscore');
const operatorPin = z.string().regex(/^\d{4,8}$/, 'PIN must be 4 to 8 digits');

/** The phone, masked as the screens show it: `****434`. */
const maskedPhone = z.string().regex(/^\*{4}\d{3}$/);

export const challengeOutput = z.object({
  audience: audienceSchema,
  maskedPhone,
  expiresInSeconds: z.number().int().nonnegative(),
  resendInSeconds: z.number().int().nonnegative(),
});

export const personSessionOutput = z.object({
  person: z
    .object({
      type: audienceSchema,
      name: z.string(),
      email: z.string(),
      maskedPhone,
    })
    .nullable(),
  /** The code challenge waiting on this screen, if any. */
  challenge: challengeOutput.nullable(),
  idle: z
    .object({
      warning: z.boolean(),
      secondsUntilWarning: z.number().int().nonnegative(),
      secondsUntilEnd: z.number().int().nonnegative(),
      endsBy: z.enum(['idle', 'max-length']),
    })
    .nullable(),
  /** How the last session ended (so Ingreso can say "su sesión terminó por inactividad"); no personal data. */
  lastEnd: z
    .object({
      reason: z.enum(['sign-out', 'idle', 'max-length', 'operator-ended']),
      secondsAgo: z.number().int().nonnegative(),
    })
    .nullable(),
});

export const operatorSessionOutput = z.object({
  operator: z
    .object({
      username: z.string(),
      displayName: z.string(),
      role: z.enum(['cashier', 'supervisor']),
    })
    .nullable(),
  locked: z.boolean(),
  secondsUntilLock: z.number().int().nonnegative().nullable(),
});

export const authMethods = {
  /** First *Ingresar*: the central API sends a code to the registered phone. */
  'auth.requestCode': defineMethod({
    input: z.object({ audience: audienceSchema, document: z.string().max(32).transform(oneField) }).strict(),
    output: challengeOutput,
    access: 'public',
  }),
  'auth.resendCode': defineMethod({ input: noInput, output: challengeOutput, access: 'public' }),
  /** Second *Ingresar*: the code opens the session. */
  'auth.verifyCode': defineMethod({
    input: z.object({ code: z.string().regex(/^\d{6}$/, 'code must be 6 digits') }).strict(),
    output: personSessionOutput,
    access: 'public',
  }),
  'auth.session': defineMethod({ input: noInput, output: personSessionOutput, access: 'public' }),
  /** Activity on the screen (throttled by the renderer): postpones the idle warning and the lock. */
  'auth.touch': defineMethod({ input: noInput, output: personSessionOutput, access: 'public' }),
  /** *Salir*: ends the person's session and any pending code challenge; harmless when nobody is signed in. */
  'auth.signOut': defineMethod({ input: noInput, output: personSessionOutput, access: 'public' }),
  /** The signed-in person as the header shows them; refused without a person session. */
  'auth.profile': defineMethod({
    input: noInput,
    output: z.object({ type: audienceSchema, name: z.string(), email: z.string() }),
    access: 'person',
  }),

  'operator.signIn': defineMethod({
    input: z.object({ username: operatorUsername, pin: operatorPin }).strict(),
    output: operatorSessionOutput,
    access: 'public',
  }),
  /**
   * *Autorización de supervisor*: a supervisor's username and PIN, typed at a cashier's desk, let the signed-in
   * cashier call `method` (a method whose access is `supervisor`) once within `expiresInSeconds`, without
   * signing the cashier out. Checked like operator.signIn (cached list, lock-out per username) and audited;
   * a newer authorisation of the same method replaces the older; the desk locking drops it.
   */
  'auth.authorizeSupervisor': defineMethod({
    input: z
      .object({
        username: operatorUsername,
        pin: operatorPin,
        method: z.string().regex(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/, 'method must be a KioskApi method name'),
      })
      .strict(),
    output: z.object({
      method: z.string(),
      supervisor: z.object({ username: z.string(), displayName: z.string() }),
      expiresInSeconds: z.number().int().positive(),
    }),
    access: 'operator',
  }),
  'operator.signOut': defineMethod({ input: noInput, output: operatorSessionOutput, access: 'public' }),
  'operator.session': defineMethod({ input: noInput, output: operatorSessionOutput, access: 'public' }),
};
