import { createCentralClient } from '../../main/central/client';
import { createCentralHttp } from '../../main/central/http';
import { openDatabase } from '../../main/db/connection';
import { createLogger } from '../../main/log/logger';
import { systemClock } from '../../main/runtime/clock';
import { createConnectivity } from '../../main/sync/connectivity';
import { createDataLayer, type DataLayerTuning } from '../../main/sync/layer';
import { createOutboxSenders } from '../../main/sync/outbox-senders';

/** A terminal's data layer as main/app.ts builds it (sync, outbox, lookups), on a database file or in memory. */
export function openDataLayer(simUrl: string, terminalId: string, file: string, tuning: DataLayerTuning) {
  const logger = createLogger({ level: 'error' });
  const db = openDatabase(file);
  const connectivity = createConnectivity({ clock: systemClock });
  const http = createCentralHttp({
    baseUrl: `${simUrl}/`,
    terminalId,
    terminalSecret: 'demo-terminal-secret',
    timeoutMs: 10_000,
    logger,
    onOutcome: connectivity.record,
  });
  const central = createCentralClient(http, terminalId);
  const data = createDataLayer({
    db,
    central,
    connectivity,
    clock: systemClock,
    logger,
    tuning,
    senders: createOutboxSenders(central.payments),
  });
  return {
    db,
    data,
    /** Resolves once the first full sync has completed. */
    async caughtUp(): Promise<void> {
      while (data.sync.status().mode !== 'delta' || data.sync.status().state === 'running')
        await new Promise((resolve) => setTimeout(resolve, 20));
    },
    async close(): Promise<void> {
      await data.stop();
      db.close();
    },
  };
}

export async function simAdmin<T>(simUrl: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${simUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}
