import type { CentralHttp } from './http';
import { createDirectoryClient } from './directory';
import { createObligationsClient } from './obligations';
import { createPaymentsClient } from './payments';

/** The central API as the core uses it: one client per resource over the one HTTP door. */
export function createCentralClient(http: CentralHttp, terminalId: string) {
  return {
    obligations: createObligationsClient(http, terminalId),
    payments: createPaymentsClient(http),
    directory: createDirectoryClient(http, terminalId),
  };
}
export type CentralClient = ReturnType<typeof createCentralClient>;
