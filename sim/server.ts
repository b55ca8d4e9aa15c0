import Fastify, { type FastifyInstance } from 'fastify';
import { createTerminalAuth } from './central/terminal-auth';
import type { SimContext } from './context';
import { registerCentral, type CentralSim, type CentralSimOptions } from './central';
import { createEnrolmentSim } from './central/enrolment';
import { registerSignIn } from './central/signin';
import { registerOperators } from './central/operators';
import { gatewaySimulator } from './gateway';
import { registerVirtualPrinter } from './printer/routes';
import type { VirtualPrinter } from './printer/virtual-printer';
import { registerTraffic } from './traffic';

export interface SimulatorOptions {
  port?: number;
  /** Milliseconds since the epoch; tests move time by passing their own clock. */
  now?: () => number;
  terminalSecret?: string;
  tokenTtlSeconds?: number;
  /** The central API's data, retention and fault injection (see sim/central/index.ts). */
  central?: CentralSimOptions;
  /** TCP port of the virtual receipt printer (default: any free port). */
  printerPort?: number;
}

export type { SimContext };

export interface Simulator {
  url: string;
  port: number;
  server: FastifyInstance;
  context: SimContext;
  /** The central API's world, payments and faults, for tests that drive the central side directly. */
  central: CentralSim;
  /** The virtual receipt printer (its `interface` goes into the terminal's printer configuration). */
  printer: VirtualPrinter;
  close(): Promise<void>;
}

export const DEMO_TERMINAL_SECRET = 'demo-terminal-secret';

/**
 * Stands in for everything outside the sede: Cajacopi's central API, the Credibanco gateway, the banks and
 * the SMS channel. Only the demo launcher and the tests start it; nothing in main/ imports it.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const now = options.now ?? Date.now;
  const secret = options.terminalSecret ?? DEMO_TERMINAL_SECRET;
  const server = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  // An enrolled terminal id answers only to the secret its enrolment issued; any other id to the demo secret.
  const enrolment = createEnrolmentSim({ now });
  const context: SimContext = {
    now,
    auth: createTerminalAuth({
      secretFor: (id) => enrolment.secretFor(id) ?? secret,
      tokenTtlSeconds: options.tokenTtlSeconds ?? 300,
      now,
    }),
  };
  context.auth.register(server);
  enrolment.register(server);
  server.get('/health', async () => ({ ok: true, name: 'pagos-express-simulator' }));
  registerTraffic(server);
  // Capabilities register here, one line each.
  const central = registerCentral(server, context, options.central);
  registerSignIn(server, context);
  registerOperators(server, context);
  await server.register(gatewaySimulator({ now }).plugin);
  const printer = await registerVirtualPrinter(server, { port: options.printerPort });

  await server.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, port, server, context, central, printer, close: () => server.close() };
}
