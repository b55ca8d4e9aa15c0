import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../renderer/api';
import { operatorMessage, signInMessage } from '../../../renderer/auth-messages';
import type { ApiErrorBody } from '../../../main/api/errors';

const refusal = (code: ApiErrorBody['code'], details?: Record<string, unknown>) => new ApiCallError({ code, message: 'x', details });

describe('sign-in refusals in Spanish', () => {
  it('says each case of the code flow precisely', () => {
    expect(signInMessage(refusal('UNAUTHENTICATED', { reason: 'WRONG_CODE', triesLeft: 2 }), 'member').text).toBe('El código de verificación no es correcto. Le quedan 2 intentos.');
    expect(signInMessage(refusal('UNAUTHENTICATED', { reason: 'WRONG_CODE', triesLeft: 1 }), 'member').text).toContain('Le queda 1 intento.');
    expect(signInMessage(refusal('CONFLICT', { reason: 'EXPIRED' }), 'member').text).toContain('venció');
    expect(signInMessage(refusal('RATE_LIMITED', { reason: 'TOO_MANY_TRIES' }), 'member').text).toContain('Superó el número de intentos');
    expect(signInMessage(refusal('RATE_LIMITED', { reason: 'RESEND_TOO_SOON', retryAfterSeconds: 17 }), 'member').text).toBe('Debe esperar 17 seg antes de solicitar un nuevo código.');
    expect(signInMessage(refusal('RATE_LIMITED', { reason: 'SEND_CAP_REACHED', retryAfterSeconds: 510 }), 'member').text).toContain('en 9 minutos');
    expect(signInMessage(refusal('UNAVAILABLE', { reason: 'CENTRAL_UNREACHABLE' }), 'member').text).toContain('No hay conexión con el sistema central');
  });

  it('gives the NOTA for an unknown person or outdated data, naming the audience', () => {
    expect(signInMessage(refusal('NOT_FOUND', { reason: 'UNKNOWN_SUBJECT' }), 'member')).toEqual({ text: 'No encontramos un afiliado registrado con la cédula digitada.', note: true });
    expect(signInMessage(refusal('NOT_FOUND', { reason: 'UNKNOWN_SUBJECT' }), 'company')).toEqual({ text: 'No encontramos una empresa registrada con el NIT digitado.', note: true });
    expect(signInMessage(refusal('CONFLICT', { reason: 'CONTACT_OUTDATED' }), 'member').note).toBe(true);
  });

  it('explains a bad document by what is wrong with it', () => {
    expect(signInMessage(refusal('VALIDATION', { field: 'document', reason: 'length', minLength: 5, maxLength: 10 }), 'member').text).toBe('La cédula debe tener entre 5 y 10 dígitos, sin puntos ni letras.');
    expect(signInMessage(refusal('VALIDATION', { field: 'document', reason: 'checkDigit' }), 'company').text).toContain('dígito de verificación no corresponde');
    expect(signInMessage(refusal('VALIDATION', { issues: [] }), 'member').text).toBe('El código de verificación tiene 6 dígitos.');
  });

  it('says the operator\'s attempts left and the lock-out in minutes', () => {
    expect(operatorMessage(refusal('UNAUTHENTICATED', { reason: 'BAD_CREDENTIALS', attemptsLeft: 4 }))).toBe('Usuario o PIN incorrecto. Le quedan 4 intentos antes de que el usuario se bloquee.');
    expect(operatorMessage(refusal('RATE_LIMITED', { reason: 'LOCKED_OUT', retryAfterSeconds: 300 }))).toContain('en 5 minutos');
    expect(operatorMessage(refusal('UNAVAILABLE', { reason: 'NO_OPERATOR_LIST' }))).toContain('lista de operadores');
  });
});
