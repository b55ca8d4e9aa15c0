import Fastify, { type FastifyInstance } from 'fastify';
import { gatewaySimulator } from './gateway';

export interface SimulatorOptions {
  port?: number;
}

export interface Simulator {
  url: string;
  port: number;
  server: FastifyInstance;
  close(): Promise<void>;
}

/**
 * Stands in for everything outside the sede: Cajacopi's central API, the Credibanco gateway, the banks and
 * the SMS channel. Only the demo launcher and the tests start it; nothing in main/ imports it.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const server = Fastify({ logger: false });
  server.get('/health', async () => ({ ok: true, name: 'pagos-express-simulator' }));
  await server.register(gatewaySimulator().plugin);
  await server.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, port, server, close: () => server.close() };
}
