import type { CentralHttp } from './http';
import { contactChannelsSchema, operatorListSchema, type CentralOperator, type ContactChannels } from './schemas';

/** Who may work the cashier desks, and the sede's and jardín's contact channels. */
export function createDirectoryClient(http: CentralHttp, terminalId: string) {
  return {
    /** Every operator with their role and PIN hash (`scrypt$N$r$p$saltB64$hashB64`); inactive ones included. */
    operators(options: { signal?: AbortSignal } = {}): Promise<CentralOperator[]> {
      return http.send({ method: 'GET', path: 'v1/operators', schema: operatorListSchema, idempotent: true, ...options });
    },
    contacts(options: { signal?: AbortSignal } = {}): Promise<ContactChannels> {
      return http.send({
        method: 'GET',
        path: `v1/terminals/${encodeURIComponent(terminalId)}/contacts`,
        schema: contactChannelsSchema,
        idempotent: true,
        ...options,
      });
    },
  };
}
export type DirectoryClient = ReturnType<typeof createDirectoryClient>;
