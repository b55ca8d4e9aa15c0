import { formatCop } from '../../format';
import { messageFor } from '../../messages';
import { detailOf, reasonOf } from '../../payments/texts';
import { ApiCallError } from '../../api';
import { deskTexts } from './texts';

/** A detail of a refusal as a number, or null. */
export function numberDetail(error: unknown, key: string): number | null {
  if (!(error instanceof ApiCallError)) return null;
  const value = error.body.details?.[key];
  return typeof value === 'number' ? value : null;
}

/**
 * The Spanish for a refusal of a desk method (`desk.*`, see main/api/contract/desk.ts): the core's own text
 * where it gives one (amount rules, ACH), else by reason, else by code.
 */
export function deskErrorText(error: unknown): string {
  const text = detailOf(error, 'text');
  if (text) return text;
  switch (reasonOf(error)) {
    case 'NO_OPEN_SHIFT':
      return 'No hay un turno abierto en este terminal. Abra el turno para continuar.';
    case 'SHIFT_ALREADY_OPEN':
      return 'Ya hay un turno abierto en este terminal.';
    case 'SHIFT_OF_ANOTHER_OPERATOR':
      return `El turno abierto en este terminal es de ${detailOf(error, 'operatorName') ?? 'otro operador'}: debe cerrarlo quien lo abrió.`;
    case 'CLOSE_NEEDS_SUPERVISOR':
      return 'El cierre requiere la autorización de un supervisor.';
    case 'ALREADY_VOIDED':
      return 'Este recibo ya estaba anulado.';
    case 'NOT_VOIDABLE':
      return detailOf(error, 'why') === 'PSE'
        ? 'Los pagos por PSE no se pueden anular en la caja.'
        : 'Solo se pueden anular pagos del turno abierto.';
    case 'BALANCE_CHANGED':
      return 'El saldo de esta obligación cambió. Vuelva a buscar a la persona y cobre de nuevo.';
    case 'REQUEST_REUSED':
      return 'Esta solicitud ya se usó con otros datos. Vuelva a intentarlo.';
    case 'CASH_SHORT': {
      const missing = numberDetail(error, 'missing');
      return missing
        ? `El valor recibido es menor que el valor a pagar: faltan ${formatCop(missing)}.`
        : 'El valor recibido es menor que el valor a pagar.';
    }
    case 'CARD':
      return 'Revise los datos del comprobante del datáfono.';
    case 'OBLIGATION':
      return 'No encontramos esta obligación en este terminal. Vuelva a buscar a la persona.';
    case 'PAYMENT':
      return 'No encontramos ese pago en este terminal.';
    case 'NIT_CHECK_DIGIT':
      return deskTexts.lookup.invalid.companyCheckDigit;
    case 'NIT_FORMAT':
      return deskTexts.lookup.invalid.company;
    case 'OFFLINE':
      return 'No hay conexión con el sistema central. Efectivo y datáfono siguen disponibles.';
    case 'NO_LOCAL_COPY':
      return 'No hay conexión con el sistema central y este terminal aún no tiene una copia de las obligaciones.';
    case 'BAD_CREDENTIALS': {
      const left = numberDetail(error, 'attemptsLeft');
      return left === null
        ? 'Usuario o PIN de supervisor incorrectos.'
        : `Usuario o PIN de supervisor incorrectos. Intentos restantes: ${left}.`;
    }
    case 'NOT_A_SUPERVISOR':
    case 'SUPERVISOR_REQUIRED':
      return 'Ese usuario no es supervisor.';
    case 'SELF_AUTHORIZATION':
      return 'La autorización la da un supervisor con su propio usuario, no el operador de la caja.';
    case 'INACTIVE':
      return 'Ese usuario está inactivo y no puede autorizar.';
    case 'TOO_MANY_ATTEMPTS':
      return 'Demasiados intentos seguidos. Espere un momento e intente de nuevo.';
    case 'LOCKED_OUT':
      return 'El usuario del supervisor está bloqueado por intentos fallidos. Espere unos minutos.';
    default:
      return messageFor(error);
  }
}
