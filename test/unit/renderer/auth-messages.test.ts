import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../renderer/api';
import { operatorMessage, signInMessage } from '../../../renderer/auth-messages';
import type { ApiErrorBody } from '../../../main/api/errors';

const refusal = (code: ApiErrorBody['code'], details?: Record<string, unknown>) => new ApiCallError({ code, message: 'x', details });

describe('sign-in refusals in Spanish', () => {
  it('says each case of the code flow precisely', () => {
    expect(signInMessage(refusal('UNAUTHENTICATED', { reason: 'WRONG_CODE', triesLeft: 2 }), 'member').text).toBe(
      'El código de verificación no es correcto. Le quedan 2 intentos.',
    );
    expect(signInMessage(refusal('UNAUTHENTICATED', { reason: 'WRONG_CODE', triesLeft: 1 }), 'member').text).toContain(
      'Le queda 1 intento.',
    );
    expect(signInMessage(refusal('CONFLICT', { reason: 'EXPIRED' }), 'member').text).toContain('venció');
    expect(signInMessage(refusal('RATE_LIMITED', { reason: 'TOO_MANY_TRIES' }), 'member').text).toContain('Superó el número de intentos');
    expect(signInMessage(refusal('RATE_LIMITED', { reason: 'RESEND_TOO_SOON', retryAfterSeconds: 17 }), 'member').text).toBe(
      'Debe esperar 17 seg antes de solicitar un nuevo código.',
    );
    expect(signInMessage(refusal('RATE_LIMITED', { reason: 'SEND_CAP_REACHED', retryAfterSeconds: 510 }), 'member').text).toContain(
      'en 9 minutos',
    );
    expect(signInMessage(refusal('UNAVAILABLE', { reason: 'CENTRAL_UNREACHABLE' }), 'member').text).toContain(
      'No hay conexión con el sistema central',
    );
  });

  it('gives the NOTA for an unknown person or outdated data, naming the audience', () => {
    expect(signInMessage(refusal('NOT_FOUND', { reason: 'UNKNOWN_SUBJECT' }), 'member')).toEqual({
      text: 'No encontramos un afiliado registrado con la cédula digitada.',
      note: true,
    });
    expect(signInMessage(refusal('NOT_FOUND', { reason: 'UNKNOWN_SUBJECT' }), 'company')).toEqual({
      text: 'No encontramos una empresa registrada con el NIT digitado.',
      note: true,
    });
    expect(signInMessage(refusal('CONFLICT', { reason: 'CONTACT_OUTDATED' }), 'member').note).toBe(true);
  });

  it('gives one answer, with the NOTA, to an unknown document and to outdated contact data', () => {
    expect(signInMessage(refusal('NOT_FOUND', { reason: 'SUBJECT_UNAVAILABLE' }), 'member')).toEqual({
      text: 'No podemos enviarle el código de verificación: la cédula digitada no está registrada o sus datos de contacto no están actualizados.',
      note: true,
    });
    expect(signInMessage(refusal('NOT_FOUND', { reason: 'SUBJECT_UNAVAILABLE' }), 'company').text).toContain(
      'el NIT digitado no está registrado',
    );
  });

  it("says how long to wait when the terminal's sign-in attempts are throttled, at the kiosk and at the desk", () => {
    const throttled = refusal('RATE_LIMITED', { reason: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 9 });
    expect(signInMessage(throttled, 'member')).toEqual({
      text: 'Se han hecho demasiados intentos de ingreso en este equipo. Espere 9 seg e intente de nuevo.',
      note: false,
    });
    expect(operatorMessage(throttled)).toBe('Se han hecho demasiados intentos de ingreso en este equipo. Espere 9 seg e intente de nuevo.');
  });

  it("explains the refusals of a supervisor's authorisation", () => {
    expect(operatorMessage(refusal('FORBIDDEN', { reason: 'SELF_AUTHORIZATION' }))).toContain('un supervisor con su propio usuario y PIN');
    expect(operatorMessage(refusal('FORBIDDEN', { reason: 'NOT_A_SUPERVISOR' }))).toBe(
      'Ese usuario no es supervisor. La autorización debe darla un supervisor.',
    );
    expect(operatorMessage(refusal('FORBIDDEN', { reason: 'SUPERVISOR_REQUIRED' }))).toContain('requiere la autorización de un supervisor');
    expect(operatorMessage(refusal('VALIDATION', { reason: 'NOT_A_SUPERVISOR_METHOD' }))).toBe(
      'Esta operación no requiere autorización de supervisor.',
    );
  });

  it('explains a bad document by what is wrong with it', () => {
    expect(signInMessage(refusal('VALIDATION', { field: 'document', reason: 'length', minLength: 5, maxLength: 10 }), 'member').text).toBe(
      'La cédula debe tener entre 5 y 10 dígitos, sin puntos ni letras.',
    );
    expect(signInMessage(refusal('VALIDATION', { field: 'document', reason: 'checkDigit' }), 'company').text).toContain(
      'dígito de verificación no corresponde',
    );
    expect(signInMessage(refusal('VALIDATION', { issues: [] }), 'member').text).toBe('El código de verificación tiene 6 dígitos.');
  });

  it("says the operator's attempts left and the lock-out in minutes", () => {
    expect(operatorMessage(refusal('UNAUTHENTICATED', { reason: 'BAD_CREDENTIALS', attemptsLeft: 4 }))).toBe(
      'Usuario o PIN incorrecto. Le quedan 4 intentos antes de que el usuario se bloquee.',
    );
    expect(operatorMessage(refusal('RATE_LIMITED', { reason: 'LOCKED_OUT', retryAfterSeconds: 300 }))).toContain('en 5 minutos');
    expect(operatorMessage(refusal('UNAVAILABLE', { reason: 'NO_OPERATOR_LIST' }))).toContain('lista de operadores');
  });
});
