import { z } from 'zod';
import type { CentralHttp } from './http';

/**
 * The central API's sign-in codes (see openapi.yaml, `/v1/sign-in/...`). None of these calls is idempotent —
 * each sends an SMS or spends a try — so none is ever retried; refusals come back as CentralError `rejected`
 * with the central code (`WRONG_CODE`, `EXPIRED`, …) and its facts (`triesLeft`, `retryAfterSeconds`).
 */
export const challengeAnswerSchema = z.object({
  challengeId: z.string().min(1).max(128),
  phoneTail: z.string().regex(/^\d{3}$/),
  expiresInSeconds: z.number().int().positive().max(3600),
  resendAfterSeconds: z.number().int().nonnegative().max(3600),
});
export type ChallengeAnswer = z.infer<typeof challengeAnswerSchema>;

export const signedInSubjectSchema = z.object({
  type: z.enum(['member', 'company']),
  id: z.string().min(1).max(32),
  name: z.string().min(1).max(200),
  email: z.string().max(200),
  phoneTail: z.string().regex(/^\d{3}$/),
  /** The full phone the code went to (only in the verify answer): the PSE payer's Celular prefill, kept in memory. */
  phone: z
    .string()
    .regex(/^\d{10}$/)
    .optional(),
});
export type SignedInSubject = z.infer<typeof signedInSubjectSchema>;

const verifyAnswerSchema = z.object({ subject: signedInSubjectSchema });

export type SignInAudience = 'member' | 'company';

export function createSignInClient(http: CentralHttp) {
  return {
    /** `document` is the cédula's digits, or the NIT written `base-dv`. */
    requestChallenge(audience: SignInAudience, document: string): Promise<ChallengeAnswer> {
      return http.send({
        method: 'POST',
        path: 'v1/sign-in/challenges',
        body: { audience, document },
        schema: challengeAnswerSchema,
        idempotent: false,
      });
    },
    resend(challengeId: string): Promise<ChallengeAnswer> {
      return http.send({
        method: 'POST',
        path: `v1/sign-in/challenges/${encodeURIComponent(challengeId)}/resend`,
        body: {},
        schema: challengeAnswerSchema,
        idempotent: false,
      });
    },
    async verify(challengeId: string, code: string): Promise<SignedInSubject> {
      const answer = await http.send({
        method: 'POST',
        path: `v1/sign-in/challenges/${encodeURIComponent(challengeId)}/verify`,
        body: { code },
        schema: verifyAnswerSchema,
        idempotent: false,
      });
      return answer.subject;
    },
  };
}
export type SignInClient = ReturnType<typeof createSignInClient>;
