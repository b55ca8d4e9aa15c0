import type { KioskApiHandlers } from '../api/contract';
import type { CallContext } from '../api/dispatcher';
import { ApiError } from '../api/errors';

type Gated = Pick<KioskApiHandlers<CallContext>, 'auth.requestCode' | 'payments.start'>;

/**
 * The kiosk while the central API is known to be unreachable (connectivity `offline`, from real calls' outcomes):
 * - a new sign-in is refused at once with UNAVAILABLE `OFFLINE` instead of waiting out a time-out: the code is
 *   sent by the central API, so it cannot work; the screen shows the sede's channels (`terminal.contacts`);
 * - a person already signed in keeps the local copy (with its age) but cannot start a PSE payment: UNAVAILABLE
 *   `OFFLINE` (the gateway and the registration need the link; nothing is charged).
 * The background sync keeps trying the link, so the state leaves `offline` by itself when it returns.
 */
export function offlineGate(handlers: Gated, online: () => boolean): Gated {
  // Taken now: the caller puts the gated methods in place of these very entries.
  const inner: Gated = { 'auth.requestCode': handlers['auth.requestCode'], 'payments.start': handlers['payments.start'] };
  const refuse = (what: string): never => {
    throw new ApiError('UNAVAILABLE', `${what} needs the central API, which is unreachable`, { reason: 'OFFLINE' });
  };
  return {
    'auth.requestCode': async (input, ctx) => (online() ? inner['auth.requestCode'](input, ctx) : refuse('sign-in')),
    'payments.start': async (input, ctx) => (online() ? inner['payments.start'](input, ctx) : refuse('a PSE payment')),
  };
}
