import type { Config } from './config/schema';
import { openDatabase, type Db } from './db/connection';
import { createAuditRepo, createTerminalRepo } from './db/terminal-repo';
import { createDispatcher, type AccessGuard, type CallContext, type Dispatcher } from './api/dispatcher';
import type { KioskApiHandlers } from './api/contract';
import { createTerminalService } from './terminal/service';
import { type Clock, type IdSource, randomIds, systemClock } from './runtime/clock';
import { createLogger, type Logger } from './log/logger';
import { appVersion } from './version';
import { createPrintJobsRepo } from './db/print-jobs-repo';
import { createPrintService, type PrintService } from './printing/service';
import { createPrintingHandlers } from './printing/handlers';
import { deriveQrKey } from './printing/qr';

export interface AppDeps {
  clock?: Clock;
  ids?: IdSource;
  logger?: Logger;
  /** The dispatcher's access guard; tests stand in for a signed-in operator with it until sessions exist. */
  guard?: AccessGuard;
}

export interface App {
  config: Config;
  db: Db;
  logger: Logger;
  api: Dispatcher;
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

  const print = createPrintService({
    repo: createPrintJobsRepo(db),
    printer: config.printer,
    terminal: { id: config.terminal.id, siteName: config.site.name },
    qrKey: deriveQrKey(config.central.terminalSecret, config.terminal.id),
    clock,
    ids,
    logger: logger.child({ module: 'printing' }),
  });

  const handlers: KioskApiHandlers<CallContext> = {
    'terminal.status': async () => terminal.status(),
    'terminal.contacts': async () => terminal.contacts(),
    ...createPrintingHandlers({ print }),
  };

  const api = createDispatcher(handlers, logger, deps.guard);
  print.start();
  logger.info({ site: config.site.id, terminal: config.terminal.id, role: config.terminal.role, version: appVersion }, 'core started');

  return {
    config,
    db,
    logger,
    api,
    print,
    async close() {
      await print.stop();
      db.close();
    },
  };
}
