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

export interface AppDeps {
  clock?: Clock;
  ids?: IdSource;
  logger?: Logger;
  /** Intervals, page size and back-off of the sync and the outbox (tests shorten them). */
  data?: DataLayerTuning;
}

export interface App {
  config: Config;
  db: Db;
  logger: Logger;
  api: Dispatcher;
  data: DataLayer;
  close(): Promise<void>;
}

/** The composition root: config → db → adapters → services → api. Nothing else wires modules together. */
export function createApp(config: Config, deps: AppDeps = {}): App {
  const clock = deps.clock ?? systemClock;
  const ids = deps.ids ?? randomIds;
  const logger = deps.logger ?? createLogger({ level: config.log.level });
  void ids;

  const db = openDatabase(config.database.file);
  const terminalRepo = createTerminalRepo(db);
  const audit = createAuditRepo(db, config.terminal.id);
  const now = clock.now().toISOString();
  terminalRepo.recordStart({ siteId: config.site.id, terminalId: config.terminal.id, role: config.terminal.role }, now);
  audit.record(now, 'terminal.started', null, `role=${config.terminal.role}`);

  const terminal = createTerminalService({ config, repo: terminalRepo, clock, appVersion });

  const connectivity = createConnectivity({ clock });
  const centralHttp = createCentralHttp({
    baseUrl: config.central.baseUrl,
    terminalId: config.terminal.id,
    terminalSecret: config.central.terminalSecret,
    timeoutMs: config.central.timeoutMs,
    logger,
    onOutcome: connectivity.record,
  });
  const central = createCentralClient(centralHttp, config.terminal.id);
  const data = createDataLayer({ db, central, connectivity, clock, logger, tuning: deps.data });

  const handlers: KioskApiHandlers<CallContext> = {
    'terminal.status': async () => terminal.status(),
    'terminal.contacts': async () => terminal.contacts(),
    'sync.status': async () => data.sync.status(),
    'connectivity.status': async () => connectivity.status(),
    'outbox.status': async () => data.outbox.status(),
    'obligations.ofStudent': async ({ studentId }) => data.obligations.listForStudent(studentId),
    // 'person' methods: the lead binds them to the signed-in subject (input must match the session).
    'obligations.ofMember': async ({ cedula }) => data.obligations.listForMember(cedula),
    'obligations.ofCompany': async ({ nit }) => data.obligations.listForCompany(nit),
  };

  const api = createDispatcher(handlers, logger);
  data.start();
  logger.info({ site: config.site.id, terminal: config.terminal.id, role: config.terminal.role, version: appVersion }, 'core started');

  return {
    config,
    db,
    logger,
    api,
    data,
    async close() {
      await data.stop();
      db.close();
    },
  };
}
