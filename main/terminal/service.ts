import type { Config } from '../config/schema';
import type { TerminalRepo } from '../db/terminal-repo';
import { type Clock, TERMINAL_TIME_ZONE, toBogotaIso } from '../runtime/clock';
import type { ApiOutput } from '../api/contract';

export function createTerminalService(deps: { config: Config; repo: TerminalRepo; clock: Clock; appVersion: string }) {
  const { config, repo, clock, appVersion } = deps;
  return {
    status(): ApiOutput<'terminal.status'> {
      let database: ApiOutput<'terminal.status'>['database'];
      try {
        const health = repo.health();
        database = { state: health.ok ? 'ok' : 'error', schemaVersion: health.schemaVersion, file: config.database.file };
      } catch {
        database = { state: 'error', schemaVersion: 0, file: config.database.file };
      }
      return {
        appVersion,
        siteId: config.site.id,
        siteName: config.site.name,
        terminalId: config.terminal.id,
        role: config.terminal.role,
        database,
        time: toBogotaIso(clock.now()),
        timeZone: TERMINAL_TIME_ZONE,
        idle: { warnAfterSeconds: config.idle.warnAfterSeconds, graceSeconds: config.idle.graceSeconds },
      };
    },
  };
}
export type TerminalService = ReturnType<typeof createTerminalService>;
