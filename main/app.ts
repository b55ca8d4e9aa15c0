import type { Config } from './config/schema';
import { openDatabase, type Db } from './db/connection';
import { createAuditRepo, createTerminalRepo } from './db/terminal-repo';
import { createDispatcher, type CallContext, type Dispatcher } from './api/dispatcher';
import type { KioskApiHandlers } from './api/contract';
import { createTerminalService } from './terminal/service';
import { type Clock, type IdSource, randomIds, systemClock } from './runtime/clock';
import { createLogger, type Logger } from './log/logger';
import { appVersion } from './version';
import { ApiError } from './api/errors';
import { createPaymentsRepo } from './db/payments-repo';
import { enqueueOutbox } from './db/outbox-enqueue';
import { createCredibancoGateway } from './payments/credibanco/client';
import { createBankDirectory } from './payments/banks';
import { createPaymentService, type PaymentService } from './payments/service';
import { createPaymentHandlers, type PaymentSessionResolver } from './payments/handlers';
import { startPaymentScheduler } from './payments/scheduler';

export interface AppDeps {
  clock?: Clock;
  ids?: IdSource;
  logger?: Logger;
  /** The signed-in person for payment methods; until sign-in lands, no one is (UNAUTHENTICATED). */
  paymentSession?: PaymentSessionResolver;
  /** Tests that drive reconciliation themselves turn the background polling off. */
  paymentScheduler?: boolean;
}

export interface App {
  config: Config;
  db: Db;
  logger: Logger;
  api: Dispatcher;
  payments: PaymentService;
  /** The transport tells where the bank sends the payer back (browser host: `<host>/pse/retorno`). */
  setPseReturnUrl(url: string): void;
  close(): Promise<void>;
}

/** The composition root: config → db → adapters → services → api. Nothing else wires modules together. */
export function createApp(config: Config, deps: AppDeps = {}): App {
  const clock = deps.clock ?? systemClock;
  const ids = deps.ids ?? randomIds;
  const logger = deps.logger ?? createLogger({ level: config.log.level });

  const db = openDatabase(config.database.file);
  const terminalRepo = createTerminalRepo(db);
  const audit = createAuditRepo(db, config.terminal.id);
  const now = clock.now().toISOString();
  terminalRepo.recordStart({ siteId: config.site.id, terminalId: config.terminal.id, role: config.terminal.role }, now);
  audit.record(now, 'terminal.started', null, `role=${config.terminal.role}`);

  const terminal = createTerminalService({ config, repo: terminalRepo, clock, appVersion });

  const paymentsRepo = createPaymentsRepo(db);
  const gateway = createCredibancoGateway({ ...config.gateway, logger });
  let pseReturnUrl: string | undefined;
  const payments = createPaymentService({
    repo: paymentsRepo,
    gateway,
    banks: createBankDirectory({ repo: paymentsRepo, gateway, clock, logger }),
    clock,
    ids,
    config,
    outbox: { enqueue: (item) => enqueueOutbox(db, item) },
    logger,
    returnUrl: () => {
      if (!pseReturnUrl) throw new ApiError('UNAVAILABLE', 'no PSE return URL set by the transport', { reason: 'NO_RETURN_URL' });
      return pseReturnUrl;
    },
  });
  const scheduler = deps.paymentScheduler === false ? undefined : startPaymentScheduler({ service: payments, logger });
  const noSession: PaymentSessionResolver = () => {
    throw new ApiError('UNAUTHENTICATED', 'sign-in required');
  };

  const handlers: KioskApiHandlers<CallContext> = {
    'terminal.status': async () => terminal.status(),
    'terminal.contacts': async () => terminal.contacts(),
    ...createPaymentHandlers(payments, deps.paymentSession ?? noSession),
  };

  const api = createDispatcher(handlers, logger);
  logger.info({ site: config.site.id, terminal: config.terminal.id, role: config.terminal.role, version: appVersion }, 'core started');

  return {
    config,
    db,
    logger,
    api,
    payments,
    setPseReturnUrl(url: string) {
      pseReturnUrl = url;
    },
    async close() {
      await scheduler?.stop();
      db.close();
    },
  };
}
