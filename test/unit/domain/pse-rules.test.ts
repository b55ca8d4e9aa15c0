import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BANK_LIST_FAILURE_TEXT,
  achPendingRefusalText,
  gatewayDescription,
  isValidReference,
  makeReference,
} from '../../../main/domain/pse-rules';

describe("ACH's texts", () => {
  it('builds the pending refusal with the exact wording, only the four facts filled in', () => {
    const text = achPendingRefusalText({
      reference: 'KIOSK01-250425110333-7QX2',
      phone: '(605) 3185930',
      email: 'servicioalcliente@cajacopi.com',
      cus: '283746192',
    });
    expect(text).toBe(
      'En este momento su #KIOSK01-250425110333-7QX2 presenta un proceso de pago cuya transacción se encuentra PENDIENTE de ' +
        'recibir confirmación por parte de su entidad financiera, por favor espere unos minutos y vuelva a consultar más ' +
        'tarde para verificar si su pago fue confirmado de forma exitosa. Si desea mayor información sobre el estado actual ' +
        'de su operación puede comunicarse a nuestras líneas de atención al cliente (605) 3185930 o enviar un correo ' +
        'electrónico a servicioalcliente@cajacopi.com y preguntar por el estado de la transacción: 283746192',
    );
  });

  it('keeps the bank list failure text of integrations.md', () => {
    expect(BANK_LIST_FAILURE_TEXT).toBe('No se pudo obtener la lista de Entidades Financieras, por favor intente más tarde');
  });
});

describe('references', () => {
  it('reads terminal, Bogotá time and a random part', () => {
    const reference = makeReference({ terminalId: 'KIOSK-01', at: new Date('2020-04-25T16:03:33Z'), random: '7qx2abcd' });
    expect(reference).toBe('KIOSK01-200425110333-7QX2');
  });

  it('are always valid: at most 32 characters, never | or " (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2098-12-31'), noInvalidDate: true }),
        fc.string(),
        (terminalId, at, random) => {
          const reference = makeReference({ terminalId, at, random });
          expect(isValidReference(reference)).toBe(true);
          expect(reference.length).toBeLessThanOrEqual(32);
          expect(reference).not.toMatch(/["|]/);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses references with forbidden characters', () => {
    expect(isValidReference('ABC|1')).toBe(false);
    expect(isValidReference('ABC"1')).toBe(false);
    expect(isValidReference('-ABC')).toBe(false);
    expect(isValidReference('A'.repeat(33))).toBe(false);
  });

  it('cleans descriptions sent to the gateway', () => {
    expect(gatewayDescription('CREDITO "POR" | LIBRANZAS  LI- 38')).toBe('CREDITO POR LIBRANZAS LI- 38');
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(gatewayDescription(text)).not.toMatch(/["|]/);
      }),
    );
  });
});
