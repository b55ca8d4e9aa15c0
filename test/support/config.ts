import { join } from 'node:path';
import { loadConfig } from '../../main/config/load';
import type { Config } from '../../main/config/schema';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

/** The demo configuration pointed at a simulator and a database file in `dir`; environment ignored. */
export function testConfig(dir: string, simUrl: string, overrides: DeepPartial<Config> = {}): Config {
  return loadConfig({
    env: {},
    overrides: {
      database: { file: join(dir, 'terminal.db') },
      central: { baseUrl: `${simUrl}/` },
      gateway: { baseUrl: `${simUrl}/payment/` },
      log: { level: 'silent' },
      ...overrides,
    },
  });
}
