import type { ErrorCode } from '../main/api/errors';
import { ApiCallError } from './api';

/** Spanish for every error code of the contract; a screen may say something more precise for its own case. */
export const errorMessages: Record<ErrorCode, string> = {
  VALIDATION: 'Revise los datos ingresados: alguno no tiene el formato esperado.',
  UNKNOWN_METHOD: 'Esta función no está disponible en este terminal.',
  UNAUTHENTICATED: 'Su sesión terminó. Ingrese de nuevo para continuar.',
  FORBIDDEN: 'No tiene permiso para realizar esta operación.',
  NOT_FOUND: 'No encontramos la información solicitada.',
  CONFLICT: 'La operación no se pudo completar porque hay otra en curso.',
  RATE_LIMITED: 'Ha realizado demasiados intentos. Espere un momento e intente de nuevo.',
  UNAVAILABLE: 'No hay conexión con el sistema central en este momento. Intente más tarde.',
  INTERNAL: 'Ocurrió un error inesperado. Intente de nuevo o solicite ayuda en la sede.',
};

export function messageFor(error: unknown): string {
  return error instanceof ApiCallError ? errorMessages[error.code] : errorMessages.INTERNAL;
}
