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
import { createOutboxSenders, type SenderHooks } from './sync/outbox-senders';
import { createContactsService, type ContactsService } from './terminal/contacts';
import { createContactsRepo } from './db/contacts-repo';
import { createDataHandlers } from './sync/handlers';
import { createSignInClient } from './central/signin';
import { createLockoutRepo, createOperatorRepo, createOwnershipRepo } from './db/auth-repo';
import { createOwnershipRules } from './auth/ownership';
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
import { memorySecretStore, type SecretStore } from './secrets/secret-store';
import { keyFileSecretStore } from './secrets/key-file';
import { dirname } from 'node:path';
import { createDeskHandlers } from './desk/handlers';
import { offlineGate } from './terminal/offline-gate';
import { createDeskService, type DeskService } from './desk/desk';
import type { DeskOperator } from './desk/deps';
import { createDeskRepo } from './db/desk-repo';
import { createOwnerNamesRepo } from './db/owner-names-repo';
import { createOutboxRepo } from './db/outbox-repo';
import { enrolledHandlers } from './enrolment/handlers';
import { createDiagnosticsExport, STATUS_METHODS } from './diagnostics/export';

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
  /** The terminal's own secrets; Electron passes its safeStorage store, otherwise a key file beside the database. */
  secrets?: SecretStore;
  /** The transport calls `startBackground()` once it answers, so the first screen comes before the first sync. */
  deferBackground?: boolean;
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
  /** The cashier desk: shifts, cash and card payments, voids, conflicts. */
  desk: DeskService;
  /** The transport tells where the bank sends the payer back (browser host: `<host>/pse/retorno`). */
  setPseReturnUrl(url: string): void;
  /** The print queue; payments call `print.enqueueVoucher` inside the transaction that writes the voucher. */
  print: PrintService;
  /** Starts the sync, the outbox and the print queue (at once, unless `deferBackground`); a second call does nothing. */
  startBackground(): void;
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
  // Each outbox kind with the central API's shape (main/central/outbox-kinds.ts); conflicts go to the desk's list.
  // The desk (built below, it needs the data layer) takes the conflicts; the hook is filled in once it exists.
  const conflictSink: SenderHooks = {};
  const senders = createOutboxSenders(centralClient.payments, {
    onPaymentConflict: (...args) => conflictSink.onPaymentConflict?.(...args),
  });
  const data = createDataLayer({
    db,
    central: centralClient,
    connectivity,
    clock,
    logger,
    tuning: { centralTimeoutMs: config.central.timeoutMs, ...deps.data },
    kept,
    senders,
    retention: config.retention,
  });
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
  const secrets = deps.secrets ?? (db.memory ? memorySecretStore() : keyFileSecretStore(dirname(config.database.file)));
  const operators = createOperatorService({
    pepper: secrets.getOrCreate('pin-pepper'),
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
    printVoucher: (voucherId, document) => print.enqueueVoucher(voucherId, document),
    documentProblem: (problem) => void print.recordUnbuilt('voucher', problem),
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
    return { subject, payer: payerFor(subject, { fullName: person.name, email: person.email, phone: person.phone }) };
  };

  const ownership = createOwnershipRules({ sessions, repo: createOwnershipRepo(db) });
  // Refuse only what is known not to work: `offline` before any call was made is "not tried yet", not "down".
  const linkUsable = (): boolean => connectivity.state() !== 'offline' || connectivity.status().lastFailureAt === null;
  const desk = createDeskService({
    payments: paymentsRepo,
    desk: createDeskRepo(db),
    outboxRepo: createOutboxRepo(db),
    outbox: { enqueue: (item) => data.enqueue(item).created },
    print,
    clock,
    ids,
    logger: logger.child({ module: 'desk' }),
    config,
    obligations: data.obligations,
    ownerNames: createOwnerNamesRepo(db),
    pse: payments,
    online: linkUsable,
    dataAsOf: () => data.sync.lastCaughtUpAt(),
  });
  conflictSink.onPaymentConflict = (payment, key, refusal) => desk.conflicts.record(payment, key, refusal);
  // The dispatcher has checked the access; these say who: the signed-in operator, and for a supervisor method
  // the signed-in supervisor or the one whose one-call authorisation the call used up.
  const signedInOperator = (): DeskOperator => {
    const current = sessions.currentOperator();
    if (!current) throw new ApiError('UNAUTHENTICATED', 'operator sign-in required', { reason: 'NO_OPERATOR_SESSION' });
    return { username: current.operator.username, displayName: current.operator.displayName };
  };
  const authorizingSupervisor = (method: string): DeskOperator => {
    const supervisor = sessions.authorizingSupervisor(method);
    if (!supervisor) throw new ApiError('FORBIDDEN', 'supervisor authorisation required', { reason: 'SUPERVISOR_REQUIRED' });
    return supervisor;
  };
  const paymentHandlers = createPaymentHandlers(payments, deps.paymentSession ?? signedInPayer);
  const handlers: KioskApiHandlers<CallContext> = {
    'terminal.status': async () => terminal.status(),
    'terminal.contacts': async () => contacts.current(),
    ...createDataHandlers({ data, connectivity, sessions }),
    ...authHandlers({ sessions, signIn, operators }),
    ...paymentHandlers,
    ...kioskPaymentHandlers(paymentHandlers, { sessions, clock, catchUp: () => data.sync.runOnce() }),
    ...createSupervisorPaymentHandlers(payments),
    ...createPrintingHandlers({ print, ownership }),
    ...createSupervisorPrintingHandlers(print),
    ...createDeskHandlers(desk, { operator: signedInOperator, supervisor: authorizingSupervisor }),
    ...enrolledHandlers(),
    'diagnostics.export': async ({ folder }) => diagnostics.export(folder),
  };
  Object.assign(handlers, offlineGate(handlers, linkUsable));

  const api = createDispatcher(handlers, logger, createAccessGuard(sessions));
  // The status part of the diagnostic bundle: the public status methods through the dispatcher (schema-checked,
  // as the status screen sees them). An internal call: no transport carries it, hence the 'test' context.
  const diagnostics = createDiagnosticsExport({
    terminalId: config.terminal.id,
    logsDir: config.log.dir,
    now: () => clock.now(),
    status: async () => {
      const answers = await Promise.all(
        STATUS_METHODS.map(async (method) => [method, await api.dispatch(method, {}, { transport: 'test' })] as const),
      );
      return Object.fromEntries(answers);
    },
  });
  let backgroundStarted = false;
  const startBackground = () => {
    if (backgroundStarted) return;
    backgroundStarted = true;
    print.start();
    data.start();
  };
  if (!deps.deferBackground) startBackground();
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
    desk,
    setPseReturnUrl(url: string) {
      pseReturnUrl = url;
    },
    print,
    startBackground,
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
