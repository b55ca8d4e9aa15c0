import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../../main/config/load';
import { defaultConfig } from '../../../main/config/defaults';
import { tempDir } from '../../support/temp';

/** A terminal file as a sede would write it; the message the start would print, or '' when it starts. */
function startWith(dir: string, terminalFile: unknown, env: NodeJS.ProcessEnv = {}): string {
  const file = join(dir, 'terminal.json');
  writeFileSync(file, JSON.stringify(terminalFile));
  try {
    loadConfig({ env, file });
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
}

const realUrls = {
  central: { baseUrl: 'https://central.cajacopi.example/' },
  gateway: { baseUrl: 'https://ecouat.credibanco.example/payment/' },
};
const realSecrets = { central: { terminalSecret: 'a-long-real-terminal-secret' }, gateway: { password: 'a-real-gateway-password' } };

describe('outside the demo the terminal refuses the demo leftovers', () => {
  const temp = tempDir();

  it('refuses the demo terminal secret, naming the field', () => {
    const message = startWith(temp.dir, { ...realUrls, gateway: { ...realUrls.gateway, ...realSecrets.gateway } });
    expect(message).toContain('central.terminalSecret: the demo secret is only allowed with the simulator on this machine');
    expect(message).not.toContain('gateway.password');
  });

  it('refuses the demo gateway password, naming the field', () => {
    const message = startWith(temp.dir, { central: { ...realUrls.central, ...realSecrets.central }, gateway: realUrls.gateway });
    expect(message).toContain('gateway.password: the demo password is only allowed with the simulator on this machine');
    expect(message).not.toContain('central.terminalSecret');
  });

  it('refuses plain http for the central API and for the gateway, each by name', () => {
    const message = startWith(temp.dir, {
      central: { baseUrl: 'http://central.cajacopi.example/', ...realSecrets.central },
      gateway: { baseUrl: 'http://ecouat.credibanco.example/payment/', ...realSecrets.gateway },
    });
    expect(message).toContain('central.baseUrl: must be an https URL');
    expect(message).toContain('gateway.baseUrl: must be an https URL');
  });

  it('is not the demo when only one of the two is on this machine: the other needs https and real secrets', () => {
    const message = startWith(temp.dir, { gateway: { baseUrl: 'http://10.0.0.5/payment/' } });
    expect(message).toContain('gateway.baseUrl: must be an https URL');
    expect(message).toContain('central.baseUrl: must be an https URL');
    expect(message).toContain('central.terminalSecret');
    expect(message).toContain('gateway.password');
  });

  it('refuses the same leftovers when they come from the environment', () => {
    const message = startWith(
      temp.dir,
      {},
      { PES_CENTRAL_URL: 'https://central.cajacopi.example/', PES_GATEWAY_URL: 'https://gw.example/payment/' },
    );
    expect(message).toContain('central.terminalSecret');
    expect(message).toContain('gateway.password');
  });

  it('starts with https URLs and real secrets', () => {
    expect(
      startWith(temp.dir, {
        central: { ...realUrls.central, ...realSecrets.central },
        gateway: { ...realUrls.gateway, ...realSecrets.gateway },
      }),
    ).toBe('');
  });

  it('still starts the demo: the simulator on loopback with the demo secrets over http', () => {
    expect(defaultConfig.central.terminalSecret).toBe('demo-terminal-secret');
    expect(defaultConfig.gateway.password).toBe('demo-password');
    expect(startWith(temp.dir, {})).toBe('');
    for (const host of ['127.0.0.1:40001', 'localhost:40001', '[::1]:40001']) {
      expect(startWith(temp.dir, { central: { baseUrl: `http://${host}/` }, gateway: { baseUrl: `http://${host}/payment/` } })).toBe('');
    }
  });
});
