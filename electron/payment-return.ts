/**
 * Electron's way back from the bank. The gateway needs an http(s) return URL, but the app lives at app://, so
 * the payment is registered with a URL on the reserved `.invalid` domain (it can never resolve to anyone) and
 * the window's navigation to it is caught before it leaves: the core asks the gateway about the order and the
 * window loads the result screen. Pure, so it is tested under Node.
 */
import { ORDER_ID_PATTERN, resultRoute } from '../main/domain/pse-return';
import { APP_ORIGIN } from './navigation';

export const ELECTRON_PSE_RETURN_URL = 'https://retorno.pagos-express.invalid/pse/retorno';

/** The order id of a navigation to the return URL, or undefined when the URL is something else. */
export function returnedOrderId(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (`${parsed.origin}${parsed.pathname}` !== ELECTRON_PSE_RETURN_URL) return undefined;
  const orderId = parsed.searchParams.get('orderId') ?? parsed.searchParams.get('mdOrder') ?? '';
  return ORDER_ID_PATTERN.test(orderId) ? orderId : '';
}

export function resultScreenUrl(reference: string | undefined): string {
  return `${APP_ORIGIN}/index.html${resultRoute(reference)}`;
}
