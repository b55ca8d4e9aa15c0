import type { KioskApiHandlers } from '../api/contract';
import type { CallContext } from '../api/dispatcher';
import { ApiError } from '../api/errors';
import type { SessionManager } from '../auth/session-manager';
import type { Clock } from '../runtime/clock';

type Handlers = Pick<KioskApiHandlers<CallContext>, 'payments.quote' | 'payments.start' | 'payments.result'>;

/** Credibanco lets a payer pay an order for 20 minutes. */
export const BANK_PAGE_HOLD_MS = 20 * 60_000;
/** How long a quote waits for the local copy to catch up before answering "not found". */
const CATCH_UP_WAIT_MS = 3_000;

/**
 * The payment methods as a person at the terminal meets them, around the service's own handlers:
 * - on the bank's page no ¿Sigue ahí? can reach the payer, so idle time stops counting for the gateway's
 *   payment window after `payments.start` (the maximum session length still applies) and counts again at
 *   `payments.result`, when they are back;
 * - CRÉDITOS answers live, quotes read the local copy: an obligation the central API created after the last
 *   sync round is caught up once (bounded wait) before the quote says it does not exist.
 */
export function kioskPaymentHandlers(
  inner: Handlers,
  deps: { sessions: SessionManager; clock: Clock; catchUp: () => Promise<unknown> },
): Handlers {
  return {
    'payments.quote': async (input, ctx) => {
      try {
        return await inner['payments.quote'](input, ctx);
      } catch (error) {
        if (!(error instanceof ApiError && error.details?.reason === 'OBLIGATION_NOT_FOUND')) throw error;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const waited = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, CATCH_UP_WAIT_MS);
        });
        await Promise.race([deps.catchUp().catch(() => undefined), waited]);
        clearTimeout(timer);
        return inner['payments.quote'](input, ctx);
      }
    },
    'payments.start': async (input, ctx) => {
      const started = await inner['payments.start'](input, ctx);
      deps.sessions.holdIdle(deps.clock.now().getTime() + BANK_PAGE_HOLD_MS);
      return started;
    },
    'payments.result': async (input, ctx) => {
      deps.sessions.releaseIdleHold();
      return inner['payments.result'](input, ctx);
    },
  };
}
