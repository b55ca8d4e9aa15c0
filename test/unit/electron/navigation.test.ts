import { describe, expect, it } from 'vitest';
import { createNavigationPolicy } from '../../../electron/navigation';

describe('Electron navigation policy', () => {
  it('lets the window stay in the app and nowhere else by default', () => {
    const policy = createNavigationPolicy();
    expect(policy.isAllowed('app://renderer/index.html#/estado')).toBe(true);
    for (const url of [
      'https://evil.example/',
      'app://other/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
      'http://renderer/',
    ]) {
      expect(policy.isAllowed(url), url).toBe(false);
    }
  });

  it('opens exactly the gateway and bank origins during a payment, compared by parsed origin', () => {
    const policy = createNavigationPolicy();
    policy.allow('https://ecommerce.credibanco.com/payment/merchants/x/payment.html?mdOrder=1');
    expect(policy.isAllowed('https://ecommerce.credibanco.com/other/page')).toBe(true);
    expect(policy.isAllowed('https://ecommerce.credibanco.com.evil.example/')).toBe(false);
    expect(policy.isAllowed('http://ecommerce.credibanco.com/')).toBe(false);
    expect(policy.isAllowed('https://ecommerce.credibanco.com:8443/')).toBe(false);
    policy.allow('app://evil/');
    expect(policy.isAllowed('app://evil/')).toBe(false);
    policy.reset();
    expect(policy.isAllowed('https://ecommerce.credibanco.com/other/page')).toBe(false);
  });
});
