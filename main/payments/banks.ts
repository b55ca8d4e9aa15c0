import type { PaymentsRepo } from '../db/payments-repo';
import type { Logger } from '../log/logger';
import type { Clock } from '../runtime/clock';
import type { Bank, Gateway } from './gateway';

const CACHE_KEY = 'pse.banks';
export const BANK_LIST_MAX_AGE_MS = 24 * 3600_000;

export class BankListUnavailableError extends Error {
  override name = 'BankListUnavailableError';
}

export interface BankList {
  banks: Bank[];
  fetchedAt: string;
}

/**
 * The PSE bank list: asked of the gateway, kept in SQLite (so a restart does not need the gateway) and
 * refreshed once it is a day old. When it is older than a day and the gateway cannot give a new one, there is
 * no list (ACH asks for a daily list), and the screen shows ACH's failure text.
 */
export function createBankDirectory(deps: { repo: PaymentsRepo; gateway: Gateway; clock: Clock; logger?: Logger; maxAgeMs?: number }) {
  const maxAgeMs = deps.maxAgeMs ?? BANK_LIST_MAX_AGE_MS;
  let inFlight: Promise<BankList> | undefined;

  function cached(): BankList | undefined {
    const row = deps.repo.cacheGet(CACHE_KEY);
    if (!row || !Array.isArray(row.value)) return undefined;
    return { banks: row.value as Bank[], fetchedAt: row.fetchedAt };
  }

  function fresh(list: BankList | undefined): list is BankList {
    return list !== undefined && deps.clock.now().getTime() - Date.parse(list.fetchedAt) < maxAgeMs;
  }

  async function refresh(): Promise<BankList> {
    try {
      const banks = await deps.gateway.banks();
      if (banks.length === 0) throw new Error('the gateway listed no banks');
      const list = { banks, fetchedAt: deps.clock.now().toISOString() };
      deps.repo.cachePut(CACHE_KEY, banks, list.fetchedAt);
      deps.logger?.info({ banks: banks.length }, 'PSE bank list refreshed');
      return list;
    } catch (error) {
      deps.logger?.warn({ err: (error as Error).message }, 'PSE bank list could not be refreshed');
      throw new BankListUnavailableError('PSE bank list unavailable');
    }
  }

  return {
    async list(): Promise<BankList> {
      const current = cached();
      if (fresh(current)) return current;
      inFlight ??= refresh().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    /** The bank's name from the last list, whatever its age (for vouchers and history). */
    nameOf(code: string | null | undefined): string | null {
      if (!code) return null;
      return cached()?.banks.find((b) => b.code === code)?.name ?? null;
    },
  };
}
export type BankDirectory = ReturnType<typeof createBankDirectory>;
