import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { ApiError } from '../api/errors';
import type { ApiOutput } from '../api/contract';
import type { EnrolmentInput } from '../api/contract/enrolment';
import { enrolAtCentral } from '../central/enrolment';
import { CentralError } from '../central/errors';
import { TERMINAL_SECRET, type WritableSecretStore } from '../security/secret-store';

/**
 * First start of an installed terminal: the técnico's screen sends site, terminal, printer and the central API's
 * address with a one-time code; the central API checks the code and hands out the terminal's secret. The secret
 * is sealed in the secret store first, then the terminal file is written (atomically, private to the app's
 * user) — the file's existence is what "enrolled" means, so a crash in between leaves a terminal that asks to
 * be enrolled again, never one with a file and no secret.
 */
export function createEnrolmentService(deps: { terminalFile: string; secrets: WritableSecretStore; logger: Logger; timeoutMs?: number }) {
  async function askCentral(input: EnrolmentInput) {
    try {
      return await enrolAtCentral(
        { baseUrl: input.centralUrl, timeoutMs: deps.timeoutMs ?? 10_000, logger: deps.logger },
        { enrolmentCode: input.enrolmentCode, siteId: input.siteId, terminalId: input.terminalId, role: input.role },
      );
    } catch (error) {
      if (!(error instanceof CentralError)) throw error;
      deps.logger.warn({ kind: error.kind, code: error.code, status: error.status }, 'enrolment refused or failed');
      if (error.code === 'ENROLMENT_CODE_INVALID')
        throw new ApiError('FORBIDDEN', 'enrolment code refused', { reason: 'ENROLMENT_CODE_INVALID' });
      if (error.transient) throw new ApiError('UNAVAILABLE', 'central API unreachable', { reason: 'CENTRAL_UNREACHABLE' });
      throw new ApiError('UNAVAILABLE', 'central API refused the enrolment', { reason: 'CENTRAL_REFUSED' });
    }
  }

  return {
    async submit(input: EnrolmentInput): Promise<ApiOutput<'enrolment.submit'>> {
      const answer = await askCentral(input);
      deps.secrets.put(TERMINAL_SECRET, Buffer.from(answer.terminalSecret, 'utf8'));
      const terminalFile = {
        site: { id: answer.siteId, name: answer.siteName },
        terminal: { id: answer.terminalId, role: input.role },
        central: { baseUrl: input.centralUrl },
        printer: input.printer,
      };
      const folder = dirname(deps.terminalFile);
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      chmodSync(folder, 0o700);
      const partial = `${deps.terminalFile}.partial`;
      writeFileSync(partial, `${JSON.stringify(terminalFile, null, 2)}\n`, { mode: 0o600 });
      renameSync(partial, deps.terminalFile);
      deps.logger.info({ site: answer.siteId, terminal: answer.terminalId, role: input.role }, 'terminal enrolled');
      return { terminalId: answer.terminalId, siteId: answer.siteId, siteName: answer.siteName };
    },
  };
}
export type EnrolmentService = ReturnType<typeof createEnrolmentService>;
