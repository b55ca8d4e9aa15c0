import { z } from 'zod';
import type { CentralHttp } from '../central/http';

export const operatorSchema = z.object({
  username: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/),
  displayName: z.string().min(1).max(120),
  role: z.enum(['cashier', 'supervisor']),
  pinHash: z.string().min(1).max(512),
  active: z.boolean(),
});
export type Operator = z.infer<typeof operatorSchema>;

/** Where the operator list comes from: the central API (issue 3 owns its client), a fixture in tests. */
export interface OperatorSource {
  fetchOperators(): Promise<Operator[]>;
}

/** `GET /v1/operators` of the central API; idempotent, so retried on transient failures. */
export function centralOperatorSource(http: CentralHttp): OperatorSource {
  return {
    fetchOperators: () => http.send({ method: 'GET', path: 'v1/operators', schema: z.array(operatorSchema).max(10_000), idempotent: true }),
  };
}
