import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { registerAdminRoutes, loadSynthetic } from './admin';
import { registerDirectoryRoutes } from './directory';
import { createFaults, type FaultsInput } from './faults';
import { createLongPoll, registerLongPollAdmin } from './long-poll';
import { registerObligationRoutes } from './obligations';
import { registerPaymentRoutes } from './payments';
import { registerDeskRoutes } from './desk';
import { createWorld } from './world';

export interface CentralSimOptions {
  faults?: FaultsInput;
  /** How long the central API remembers deletions for the delta feed (default 7 days). */
  tombstoneRetentionSeconds?: number;
  /** Synthetic obligations loaded at start, beside the demo identities. */
  synthetic?: { count: number; seed?: number };
}

/**
 * The central API of Cajacopi as the kiosk sees it (see main/central/openapi.yaml): obligations and their
 * delta feed, payment registration, operators and contact channels, plus fault injection and admin routes.
 * Registered on the root instance because its fault hooks must cover every `/v1` route.
 */
export function registerCentral(server: FastifyInstance, context: SimContext, options: CentralSimOptions = {}) {
  const currentYear = () => new Date(context.now()).getUTCFullYear();
  const world = createWorld({ now: context.now, tombstoneRetentionSeconds: options.tombstoneRetentionSeconds ?? 7 * 24 * 3600 });
  world.reset(currentYear());
  if (options.synthetic) loadSynthetic(world, options.synthetic.count, options.synthetic.seed ?? 1, currentYear());
  const faults = createFaults(options.faults);
  faults.register(server);
  const longPoll = createLongPoll();
  world.onChange(longPoll.notify);
  const obligations = registerObligationRoutes(server, context, world, longPoll);
  registerLongPollAdmin(server, longPoll);
  const payments = registerPaymentRoutes(server, context, world);
  const desk = registerDeskRoutes(server, context, world, payments);
  const directory = registerDirectoryRoutes(server, context);
  const clearPayments = () => {
    payments.clear();
    desk.clear();
  };
  registerAdminRoutes(server, {
    world,
    faults,
    currentYear,
    clearPayments,
    resetContacts: () => {
      directory.reset();
      obligations.resetNames();
    },
  });
  return { world, faults, payments, desk, longPoll };
}
export type CentralSim = ReturnType<typeof registerCentral>;
