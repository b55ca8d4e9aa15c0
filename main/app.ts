import type { Config } from './config/schema';
import { openDatabase, type Db } from './db/connection';
import { createAuditRepo, createTerminalRepo } from './db/terminal-repo';
import { createDispatcher, type CallContext, type Dispatcher } from './api/dispatcher';
import type { KioskApiHandlers } from './api/contract';
import { createTerminalService } from './terminal/service';
import { type Clock, type IdSource, randomIds, systemClock } from './runtime/clock';
import { createLogger, type Logger } from './log/logger';
import { appVersion } from './version';

export interface AppDeps {
  clock?: Clock;
  ids?: IdSource;
  logger?: Logger;
}

export interface App {
  config: Config;
  db: Db;
  logger: Logger;
  api: Dispatcher;
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

  const handlers: KioskApiHandlers<CallContext> = {
    'terminal.status': async () => terminal.status(),
    'terminal.contacts': async () => terminal.contacts(),
  };

  const api = createDispatcher(handlers, logger);
  logger.info({ site: config.site.id, terminal: config.terminal.id, role: config.terminal.role, version: appVersion }, 'core started');

  return {
    config,
    db,
    logger,
    api,
    async close() {
      db.close();
    },
  };
}
