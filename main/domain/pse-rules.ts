/**
 * ACH Colombia's rules that reach the screen word for word, and the shape of our payment references.
 */

/** Shown when the bank list cannot be had (design/integrations.md); never reworded. */
export const BANK_LIST_FAILURE_TEXT = 'No se pudo obtener la lista de Entidades Financieras, por favor intente más tarde';

export interface PendingRefusalFacts {
  reference: string;
  phone: string;
  email: string;
  /** ACH's código único de seguimiento of the transaction that blocks the new one. */
  cus: string;
}

/**
 * ACH's wording for a new payment of a reference whose transaction is PENDING (or already approved).
 * The words are ACH's and must not be altered; only the four facts are filled in.
 */
export function achPendingRefusalText(facts: PendingRefusalFacts): string {
  return (
    `En este momento su #${facts.reference} presenta un proceso de pago cuya transacción se encuentra PENDIENTE de ` +
    'recibir confirmación por parte de su entidad financiera, por favor espere unos minutos y vuelva a consultar ' +
    'más tarde para verificar si su pago fue confirmado de forma exitosa. Si desea mayor información sobre el ' +
    'estado actual de su operación puede comunicarse a nuestras líneas de atención al cliente ' +
    `${facts.phone} o enviar un correo electrónico a ${facts.email} y preguntar por el estado de la transacción: ${facts.cus}`
  );
}

/** Credibanco's orderNumber holds up to 32 characters; we use capitals, digits and dashes only. */
export const REFERENCE_MAX_LENGTH = 32;
const REFERENCE_PATTERN = /^[A-Z0-9](?:[A-Z0-9-]*[A-Z0-9])?$/;

export class PaymentReferenceError extends Error {
  override name = 'PaymentReferenceError';
}

export function isValidReference(reference: string): boolean {
  return reference.length <= REFERENCE_MAX_LENGTH && REFERENCE_PATTERN.test(reference) && !/["|]/.test(reference);
}

/**
 * `<terminal>-<yyMMddHHmmss Bogotá>-<4 random>`, e.g. `KIOSK01-250425110333-7QX2`. The terminal part keeps
 * references unique across every terminal of the merchant (the gateway requires a unique orderNumber); the
 * random part separates two attempts in the same second. `|` and `"` can never appear (ACH forbids them).
 */
export function makeReference(input: { terminalId: string; at: Date; random: string }): string {
  const terminal =
    input.terminalId
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(0, 10) || 'T';
  const bogota = new Date(input.at.getTime() - 5 * 3600_000).toISOString();
  const stamp = bogota.slice(2, 19).replace(/[-T:]/g, '');
  const random = input.random
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 4)
    .padEnd(4, '0');
  const reference = `${terminal}-${stamp}-${random}`;
  if (!isValidReference(reference)) throw new PaymentReferenceError(`cannot build a valid reference from terminal ${input.terminalId}`);
  return reference;
}

/** Descriptions sent to the gateway: no `|` or `"`, single spaces, at most 99 characters. */
export function gatewayDescription(text: string): string {
  return text.replace(/["|]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 99);
}
