/**
 * The way back from the bank, shared by both transports (the browser host's `/pse/retorno` and Electron's
 * intercepted return URL): which order ids a return may carry, and the result screen it leads to (the
 * renderer's router declares the same route).
 */

/** Credibanco's order ids (`mdOrder`): letters, digits and dashes; anything else is not looked up. */
export const ORDER_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

/** The result screen's hash route, of the payment's reference when the order was found. */
export function resultRoute(reference: string | undefined): string {
  return `#/pago/resultado${reference ? `/${encodeURIComponent(reference)}` : ''}`;
}
