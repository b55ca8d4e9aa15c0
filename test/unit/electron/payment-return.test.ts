import { describe, expect, it } from 'vitest';
import { ELECTRON_PSE_RETURN_URL, resultScreenUrl, returnedOrderId } from '../../../electron/payment-return';

describe('Electron return from the bank', () => {
  it('recognises the return URL and reads the order id', () => {
    expect(returnedOrderId(`${ELECTRON_PSE_RETURN_URL}?orderId=7c1e-99`)).toBe('7c1e-99');
    expect(returnedOrderId(`${ELECTRON_PSE_RETURN_URL}?mdOrder=abc`)).toBe('abc');
  });

  it('answers an empty id for the return URL with a missing or bad order id, so the result screen still opens', () => {
    expect(returnedOrderId(ELECTRON_PSE_RETURN_URL)).toBe('');
    expect(returnedOrderId(`${ELECTRON_PSE_RETURN_URL}?orderId=<script>`)).toBe('');
  });

  it('ignores every other URL, including look-alikes', () => {
    for (const url of [
      'https://retorno.pagos-express.invalid.evil.example/pse/retorno?orderId=1',
      'http://retorno.pagos-express.invalid/pse/retorno?orderId=1',
      'https://retorno.pagos-express.invalid/otra?orderId=1',
      'app://renderer/index.html',
      'nonsense',
    ]) {
      expect(returnedOrderId(url), url).toBeUndefined();
    }
  });

  it('sends the window to the result screen of the reference', () => {
    expect(resultScreenUrl('KIOSK01-1-AB')).toBe('app://renderer/index.html#/pago/resultado/KIOSK01-1-AB');
    expect(resultScreenUrl(undefined)).toBe('app://renderer/index.html#/pago/resultado');
  });
});
