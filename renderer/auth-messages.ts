import { ApiCallError } from './api';
import { messageFor } from './messages';
import { ingresoTexts, type Audience, type SignInMessage } from './ingreso-texts';

/**
 * The Spanish of sign-in: what each refusal of the core means to the person at the kiosk or the desk. Loaded on
 * the first refusal (the stores import it lazily), so that Ingreso paints without it.
 */
export { ingresoTexts, type Audience, type SignInMessage };

function seconds(details: Record<string, unknown> | undefined, key: string): number {
  const value = details?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.round(value)) : 0;
}

function minutes(totalSeconds: number): string {
  const m = Math.max(1, Math.ceil(totalSeconds / 60));
  return m === 1 ? '1 minuto' : `${m} minutos`;
}

export function tries(n: number): string {
  return n === 1 ? 'Le queda 1 intento.' : `Le quedan ${n} intentos.`;
}

/** The terminal's sign-in throttle (RATE_LIMITED `TOO_MANY_ATTEMPTS`): the same words at the kiosk and the desk. */
export function tooManyAttempts(retryAfterSeconds: number): string {
  return `Se han hecho demasiados intentos de ingreso en este equipo. Espere ${Math.max(1, retryAfterSeconds)} seg e intente de nuevo.`;
}

/** A refusal of `auth.requestCode`, `auth.resendCode` or `auth.verifyCode`. */
export function signInMessage(error: unknown, audience: Audience): SignInMessage {
  if (!(error instanceof ApiCallError)) return { text: messageFor(error), note: false };
  const details = error.body.details;
  const reason = typeof details?.reason === 'string' ? details.reason : '';
  const plain = (text: string): SignInMessage => ({ text, note: false });
  if (error.code === 'VALIDATION') {
    if (details?.field === 'document') {
      if (audience === 'company') {
        return plain(
          reason === 'checkDigit'
            ? 'El dígito de verificación no corresponde al NIT. Revise el número digitado.'
            : 'Digite el NIT con números, con o sin el dígito de verificación (por ejemplo 900123456-8).',
        );
      }
      const min = seconds(details, 'minLength') || 5;
      const max = seconds(details, 'maxLength') || 10;
      return plain(`La cédula debe tener entre ${min} y ${max} dígitos, sin puntos ni letras.`);
    }
    return plain(ingresoTexts.codeFormat);
  }
  switch (reason) {
    case 'UNKNOWN_SUBJECT':
      return {
        text:
          audience === 'member'
            ? 'No encontramos un afiliado registrado con la cédula digitada.'
            : 'No encontramos una empresa registrada con el NIT digitado.',
        note: true,
      };
    case 'CONTACT_OUTDATED':
      return { text: 'No tenemos un número celular actualizado para enviarle el código de verificación.', note: true };
    case 'SUBJECT_UNAVAILABLE':
      return {
        text:
          audience === 'member'
            ? 'No podemos enviarle el código de verificación: la cédula digitada no está registrada o sus datos de contacto no están actualizados.'
            : 'No podemos enviar el código de verificación: el NIT digitado no está registrado o los datos de contacto de la empresa no están actualizados.',
        note: true,
      };
    case 'TOO_MANY_ATTEMPTS':
      return plain(tooManyAttempts(seconds(details, 'retryAfterSeconds')));
    case 'RESEND_TOO_SOON':
      return plain(`Debe esperar ${seconds(details, 'retryAfterSeconds')} seg antes de solicitar un nuevo código.`);
    case 'SEND_CAP_REACHED':
      return plain(`Ha solicitado demasiados códigos. Podrá solicitar uno nuevo en ${minutes(seconds(details, 'retryAfterSeconds'))}.`);
    case 'WRONG_CODE':
      return plain(`El código de verificación no es correcto. ${tries(seconds(details, 'triesLeft'))}`);
    case 'EXPIRED':
      return plain('El código de verificación venció. Solicite uno nuevo con el botón «Reenviar código».');
    case 'TOO_MANY_TRIES':
      return plain('Superó el número de intentos permitidos con este código. Presione Ingresar para recibir un código nuevo.');
    case 'NO_CHALLENGE':
      return plain('Primero digite su documento y presione Ingresar para recibir el código.');
    case 'SESSION_ACTIVE':
      return plain('Ya hay una sesión abierta en este terminal.');
    case 'KIOSK_ONLY':
      return plain('El ingreso con código de verificación es solo para los kioscos de autoservicio.');
    case 'CENTRAL_UNREACHABLE':
      return plain(
        'No hay conexión con el sistema central de Cajacopi en este momento, por lo que no podemos enviarle ni validar el código. Intente de nuevo en unos minutos o acérquese a la caja de la sede.',
      );
    default:
      return plain(messageFor(error));
  }
}

/** A refusal of `operator.signIn`. */
export function operatorMessage(error: unknown): string {
  if (!(error instanceof ApiCallError)) return messageFor(error);
  const details = error.body.details;
  switch (details?.reason) {
    case 'BAD_CREDENTIALS': {
      const left = seconds(details, 'attemptsLeft');
      return `Usuario o PIN incorrecto. ${left === 1 ? 'Le queda 1 intento' : `Le quedan ${left} intentos`} antes de que el usuario se bloquee.`;
    }
    case 'LOCKED_OUT':
      return `Usuario bloqueado por intentos fallidos. Intente de nuevo en ${minutes(seconds(details, 'retryAfterSeconds'))} o solicite ayuda a un supervisor.`;
    case 'INACTIVE':
      return 'Este usuario está inactivo. Solicite ayuda a un supervisor.';
    case 'OPERATOR_SIGNED_IN':
      return 'Hay otro operador con la sesión abierta en esta caja. Debe salir primero.';
    case 'NO_OPERATOR_LIST':
      return 'Este equipo aún no tiene la lista de operadores y no hay conexión con el sistema central. Verifique la conexión e intente de nuevo.';
    case 'TOO_MANY_ATTEMPTS':
      return tooManyAttempts(seconds(details, 'retryAfterSeconds'));
    // Refusals of the supervisor's authorisation (auth.authorizeSupervisor) and of a supervisor's method.
    case 'SELF_AUTHORIZATION':
      return 'La autorización debe darla un supervisor con su propio usuario y PIN, no el operador de esta caja.';
    case 'NOT_A_SUPERVISOR':
      return 'Ese usuario no es supervisor. La autorización debe darla un supervisor.';
    case 'NOT_A_SUPERVISOR_METHOD':
      return 'Esta operación no requiere autorización de supervisor.';
    case 'SUPERVISOR_REQUIRED':
      return 'Esta operación requiere la autorización de un supervisor: pídale que digite su usuario y PIN.';
    case 'NO_OPERATOR_SESSION':
      return 'Ingrese con su usuario y PIN de operador para continuar.';
    case 'OPERATOR_LOCKED':
      return 'La caja está bloqueada. Digite su PIN para continuar.';
    default:
      return error.code === 'VALIDATION' ? 'Digite su usuario y su PIN de 4 a 8 dígitos.' : messageFor(error);
  }
}
