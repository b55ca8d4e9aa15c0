import { z } from 'zod';
import type { Logger } from 'pino';
import { createCentralHttp } from './http';

export const enrolmentAnswerSchema = z.object({
  terminalId: z.string().regex(/^[A-Za-z0-9-]{1,32}$/),
  siteId: z.string().min(1).max(32),
  siteName: z.string().min(1).max(80),
  terminalSecret: z.string().min(32).max(200),
});
export type EnrolmentAnswer = z.infer<typeof enrolmentAnswerSchema>;

export interface EnrolmentRequest {
  enrolmentCode: string;
  siteId: string;
  terminalId: string;
  role: 'kiosk' | 'desk';
}

/**
 * `POST /v1/terminal/enrolments`: the one call a terminal makes before it has a secret, so it carries no token.
 * Not retried: a code is spent by its first valid use, and a lost answer means asking the central systems for
 * a new code rather than guessing whether the first one took.
 */
export async function enrolAtCentral(
  options: { baseUrl: string; timeoutMs: number; logger: Logger },
  request: EnrolmentRequest,
): Promise<EnrolmentAnswer> {
  const http = createCentralHttp({
    baseUrl: options.baseUrl,
    terminalId: request.terminalId,
    terminalSecret: '',
    timeoutMs: options.timeoutMs,
    logger: options.logger,
  });
  return http.send({
    method: 'POST',
    path: 'v1/terminal/enrolments',
    body: request,
    schema: enrolmentAnswerSchema,
    idempotent: false,
    authenticated: false,
  });
}
