import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../../main/config/load';
import { defaultConfig } from '../../../main/config/defaults';
import { tempDir } from '../../support/temp';

describe('terminal configuration', () => {
  const temp = tempDir();
  afterEach(() => undefined);

  it('runs on its embedded default with no file and no environment', () => {
    expect(loadConfig({ env: {} })).toEqual(defaultConfig);
  });

  it('reads the terminal file, then lets the environment override single fields', () => {
    const file = join(temp.dir, 'terminal.json');
    writeFileSync(file, JSON.stringify({ site: { id: 'SOL-02', name: 'Sede Soledad' }, terminal: { id: 'DESK-07', role: 'desk' } }));
    const config = loadConfig({ env: { PES_CONFIG: file, PES_TERMINAL_ID: 'DESK-08', PES_PRINTER_WIDTH: '42' } });
    expect(config.site).toEqual({ id: 'SOL-02', name: 'Sede Soledad' });
    expect(config.terminal).toEqual({ id: 'DESK-08', role: 'desk' });
    expect(config.printer.width).toBe(42);
    expect(config.central).toEqual(defaultConfig.central);
  });

  it('stops with a message that names each bad field', () => {
    const file = join(temp.dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ central: { baseUrl: 'ftp://central' }, terminal: { role: 'cashier' }, printer: { width: 40 } }));
    let message = '';
    try {
      loadConfig({ env: {}, file });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('central.baseUrl');
    expect(message).toContain('terminal.role');
    expect(message).toContain('printer.width');
    expect(message).toContain(file);
  });

  it('explains a file that is missing or not JSON', () => {
    expect(() => loadConfig({ env: {}, file: join(temp.dir, 'missing.json') })).toThrow(/cannot read configuration file/);
    const file = join(temp.dir, 'broken.json');
    writeFileSync(file, '{ site: ');
    expect(() => loadConfig({ env: {}, file })).toThrow(/not valid JSON/);
  });

  it('refuses an environment value of the wrong kind', () => {
    expect(() => loadConfig({ env: { PES_ROLE: 'cashier' } })).toThrow(/terminal\.role/);
    expect(() => loadConfig({ env: { PES_PRINTER_WIDTH: 'wide' } })).toThrow(/printer\.width/);
  });
});
