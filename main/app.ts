import type { Config } from './config/schema';
import { openDatabase, type Db } from './db/connection';
import { createAuditRepo, createTerminalRepo } from './db/terminal-repo';
import { createDispatcher, type CallContext, type Dispatcher } from './api/dispatcher';
import type { KioskApiHandlers } from './api/contract';
import { createTerminalService } from './terminal/service';
import { type Clock, type IdSource, randomIds, systemClock } from './runtime/clock';
import { createLogger, type Logger } from './log/logger';
import { appVersion } from './version';
import { createCentralHttp } from './central/http';
import { createCentralClient } from './central/client';
import { createConnectivity } from './sync/connectivity';
import { createDataLayer, type DataLayer, type DataLayerTuning } from './sync/layer';
import { createContactsService, type ContactsService } from './terminal/contacts';
import { createContactsRepo } from './db/contacts-repo';
import { createDataHandlers } from './sync/handlers';
import { createSignInClient } from './central/signin';
import { createLockoutRepo, createOperatorRepo } from './db/auth-repo';
import { createAuthAudit } from './auth/audit';
import { createSessionManager, type SessionManager } from './auth/session-manager';
import { createSignInService } from './auth/signin-service';
import { createOperatorService, type OperatorService } from './auth/operator-service';
import { centralOperatorSource, type OperatorSource } from './auth/operator-source';
import { createAccessGuard } from './auth/access-guard';
import { authHandlers } from './auth/handlers';
import { ApiError } from './api/errors';
import { createPaymentsRepo } from './db/payments-repo';
import { createCredibancoGateway } from './payments/credibanco/client';
import { createBankDirectory } from './payments/banks';
import { createPaymentService, type PaymentService } from './payments/service';
import { kioskPaymentHandlers } from './payments/kiosk-handlers';
import { createPaymentHandlers, createSupervisorPaymentHandlers, payerFor, type PaymentSessionResolver } from './payments/handlers';
import { startPaymentScheduler } from './payments/scheduler';
import { createPrintJobsRepo } from './db/print-jobs-repo';
import { createPrintService, type PrintService } from './printing/service';
import { createPrintingHandlers, createSupervisorPrintingHandlers } from './printing/handlers';
import { deriveQrKey } from './printing/qr';

export interface AppDeps {
  clock?: Clock;
  ids?: IdSource;
  logger?: Logger;
  /** Where operators come from; the central API unless a test says otherwise. */
  operatorSource?: OperatorSource;
  /** Who pays, for tests that drive payments without signing in; by default the signed-in person. */
  paymentSession?: PaymentSessionResolver;
  /** Tests that drive reconciliation themselves turn the background polling off. */
  paymentScheduler?: boolean;
  /** Intervals, page size and back-off of the sync and the outbox (tests shorten them). */
  data?: DataLayerTuning;
  /** How long the printer status reuses a probe (default 2 s); tests that switch the printer off use 0. */
  printerProbeCacheMs?: number;
}

export interface App {
  config: Config;
  db: Db;
  logger: Logger;
  api: Dispatcher;
  /** The synced copy of the obligations, the outbox and the obligation lookups. */
  data: DataLayer;
  /** The terminal's person and operator sessions (tests move the clock and call `tick`). */
  sessions: SessionManager;
  operators: OperatorService;
  payments: PaymentService;
  contacts: ContactsService;
  /** The transport tells where the bank sends the payer back (browser host: `<host>/pse/retorno`). */
  setPseReturnUrl(url: string): void;
  /** The print queue; payments call `print.enqueueVoucher` inside the transaction that writes the voucher. */
  print: PrintService;
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

  // Every call to the central API (sync, outbox, lookups, sign-in) tells connectivity how it went.
  const connectivity = createConnectivity({ clock });
  const central = createCentralHttp({
    baseUrl: config.central.baseUrl,
    terminalId: config.terminal.id,
    terminalSecret: config.central.terminalSecret,
    timeoutMs: config.central.timeoutMs,
    logger,
    onOutcome: connectivity.record,
  });
  const centralClient = createCentralClient(central, config.terminal.id);
  const contacts = createContactsService({ config, repo: createContactsRepo(db), source: centralClient.directory, clock, logger });
  // Contact channels at start and then hourly: they change rarely, and a kiosk shows the last ones meanwhile.
  const kept = [{ name: 'contacts', refresh: (signal: AbortSignal) => contacts.refresh(signal), intervalMs: 3_600_000 }];
  const data = createDataLayer({ db, central: centralClient, connectivity, clock, logger, tuning: deps.data, kept });
  const authAudit = createAuthAudit(audit, clock);
  const sessions = createSessionManager({ clock, idle: config.idle, audit: authAudit, role: config.terminal.role });
  const signIn = createSignInService({
    client: createSignInClient(central),
    sessions,
    audit: authAudit,
    clock,
    logger,
    role: config.terminal.role,
    cedula: { minLength: config.rules.cedulaMinLength, maxLength: config.rules.cedulaMaxLength },
    forgetExpiredAfterSeconds: config.idle.warnAfterSeconds + config.idle.graceSeconds,
  });
  const operators = createOperatorService({
    operators: createOperatorRepo(db),
    lockouts: createLockoutRepo(db),
    source: deps.operatorSource ?? centralOperatorSource(central),
    sessions,
    audit: authAudit,
    clock,
    logger,
  });
  // Time-outs happen (and are audited) even when no screen is asking.
  const sessionTimer = setInterval(() => sessions.tick(), 1000);
  sessionTimer.unref();
  if (config.terminal.role === 'desk') void operators.refresh();
  const print = createPrintService({
    repo: createPrintJobsRepo(db),
    printer: config.printer,
    terminal: { id: config.terminal.id, siteName: config.site.name },
    qrKey: deriveQrKey(config.central.terminalSecret, config.terminal.id),
    clock,
    ids,
    logger: logger.child({ module: 'printing' }),
    probeCacheMs: deps.printerProbeCacheMs,
  });

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
    // Called inside the approval's transaction; the worker's round runs on a later tick, after the commit.
    outbox: { enqueue: (item) => data.enqueue(item).created },
    printVoucher: (voucherId, document) => void print.enqueueVoucher(voucherId, document),
    logger,
    customerService: () => contacts.customerService(),
    returnUrl: () => {
      if (!pseReturnUrl) throw new ApiError('UNAVAILABLE', 'no PSE return URL set by the transport', { reason: 'NO_RETURN_URL' });
      return pseReturnUrl;
    },
  });
  const scheduler = deps.paymentScheduler === false ? undefined : startPaymentScheduler({ service: payments, logger });
  // The access guard has already checked that a person is signed in; this says who, for the payer prefill.
  const signedInPayer: PaymentSessionResolver = () => {
    const person = sessions.currentPerson();
    if (!person) throw new ApiError('UNAUTHENTICATED', 'sign-in required');
    const subject = { subjectType: person.type, subjectId: person.id } as const;
    return { subject, payer: payerFor(subject, { fullName: person.name, email: person.email }) };
  };

  const requireSupervisor = (): void => {
    if (sessions.currentOperator()?.operator.role !== 'supervisor') {
      throw new ApiError('FORBIDDEN', 'supervisor role required', { reason: 'SUPERVISOR_REQUIRED' });
    }
  };
  const paymentHandlers = createPaymentHandlers(payments, deps.paymentSession ?? signedInPayer);
  const handlers: KioskApiHandlers<CallContext> = {
    'terminal.status': async () => terminal.status(),
    'terminal.contacts': async () => contacts.current(),
    ...createDataHandlers({ data, connectivity, sessions }),
    ...authHandlers({ sessions, signIn, operators }),
    ...paymentHandlers,
    ...kioskPaymentHandlers(paymentHandlers, { sessions, clock, catchUp: () => data.sync.runOnce() }),
    ...createSupervisorPaymentHandlers(payments, requireSupervisor),
    ...createPrintingHandlers({ print }),
    ...createSupervisorPrintingHandlers(print, requireSupervisor),
  };

  const api = createDispatcher(handlers, logger, createAccessGuard(sessions));
  print.start();
  data.start();
  logger.info({ site: config.site.id, terminal: config.terminal.id, role: config.terminal.role, version: appVersion }, 'core started');

  return {
    config,
    db,
    logger,
    api,
    data,
    sessions,
    operators,
    payments,
    contacts,
    setPseReturnUrl(url: string) {
      pseReturnUrl = url;
    },
    print,
    async close() {
      clearInterval(sessionTimer);
      await data.stop();
      await print.stop();
      sessions.endPerson('sign-out');
      await scheduler?.stop();
      db.close();
    },
  };
}
