import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadInstalledConfig } from '../../../main/config/installed';
import { electronPlaces, type Places } from '../../../main/config/places';
import { ConfigError } from '../../../main/config/load';
import { tempDir } from '../../support/temp';

// A real sede's file names its gateway too: outside the demo, the demo's plain-http gateway and password are refused.
const identity = {
  site: { id: 'SMR-02', name: 'Sede Santa Marta' },
  terminal: { id: 'KIOSK-07', role: 'kiosk' },
  central: { baseUrl: 'https://central.cajacopi.example/' },
  gateway: { baseUrl: 'https://pagos.credibanco.example/payment/', userName: 'cajacopi-smr', password: 'gateway-secret-789' },
};

describe("the installed app's configuration", () => {
  let temp: ReturnType<typeof tempDir>;
  afterEach(() => temp.remove());

  function setup(): Places {
    temp = tempDir('pes-installed-');
    mkdirSync(join(temp.dir, 'etc'));
    // The system path is fixed (/etc/pagos-express); here it is a temp folder so the test can write it.
    return {
      ...electronPlaces({ platform: 'linux', env: {}, userData: join(temp.dir, 'userData') }),
      systemTerminalFile: join(temp.dir, 'etc', 'terminal.json'),
    };
  }

  it('asks for enrolment when no terminal file exists, never starting as the demo terminal', () => {
    const places = setup();
    expect(loadInstalledConfig({ places, platform: 'linux', env: {}, readSecret: () => 'sealed-secret-123' })).toEqual({ kind: 'enrol' });
  });

  it("finds a técnico's file at the system path; the database and logs go under user data", () => {
    const places = setup();
    writeFileSync(places.systemTerminalFile, JSON.stringify(identity));
    const start = loadInstalledConfig({ places, platform: 'linux', env: {}, readSecret: () => 'sealed-secret-123' });
    if (start.kind !== 'ready') throw new Error('expected a configuration');
    expect(start.files).toEqual([places.systemTerminalFile]);
    expect(start.config.terminal.id).toBe('KIOSK-07');
    expect(start.config.database.file).toBe(join(temp.dir, 'userData', 'data', 'pagos-express.db'));
    expect(start.config.log.dir).toBe(join(temp.dir, 'userData', 'logs'));
    expect(start.config.central.terminalSecret).toBe('sealed-secret-123');
  });

  it('finds the file at the user-data path, which overrides the system one field by field', () => {
    const places = setup();
    writeFileSync(places.systemTerminalFile, JSON.stringify({ ...identity, printer: { width: 42 } }));
    mkdirSync(places.userData, { recursive: true });
    writeFileSync(places.userTerminalFile, JSON.stringify({ terminal: { id: 'KIOSK-08', role: 'kiosk' } }));
    const start = loadInstalledConfig({ places, platform: 'linux', env: {}, readSecret: () => 'sealed-secret-123' });
    if (start.kind !== 'ready') throw new Error('expected a configuration');
    expect(start.files).toEqual([places.systemTerminalFile, places.userTerminalFile]);
    expect(start.config.terminal.id).toBe('KIOSK-08');
    expect(start.config.printer.width).toBe(42);
    expect(start.config.site.id).toBe('SMR-02');
  });

  it('resolves relative paths against the folder of the file that wrote them', () => {
    const places = setup();
    writeFileSync(
      places.systemTerminalFile,
      JSON.stringify({ ...identity, database: { file: 'datos/pe.db' }, log: { level: 'info', dir: '../registros' } }),
    );
    const start = loadInstalledConfig({ places, platform: 'linux', env: {}, readSecret: () => 'sealed-secret-123' });
    if (start.kind !== 'ready') throw new Error('expected a configuration');
    expect(start.config.database.file).toBe(join(temp.dir, 'etc', 'datos', 'pe.db'));
    expect(start.config.log.dir).toBe(join(temp.dir, 'registros'));
  });

  it('asks for enrolment when the files hold only what the fleet shares (no terminal id)', () => {
    const places = setup();
    writeFileSync(
      places.systemTerminalFile,
      JSON.stringify({ printer: { width: 42 }, updates: { feedUrl: 'https://updates.cajacopi.example/pes/' } }),
    );
    expect(loadInstalledConfig({ places, platform: 'linux', env: {}, readSecret: () => 'sealed-secret-123' })).toEqual({ kind: 'enrol' });
  });

  it('refuses a file that names a terminal but not its sede and central API, naming the fields', () => {
    const places = setup();
    writeFileSync(places.systemTerminalFile, JSON.stringify({ terminal: { id: 'KIOSK-07', role: 'kiosk' } }));
    expect(() => loadInstalledConfig({ places, platform: 'linux', env: {}, readSecret: () => 'sealed-secret-123' })).toThrow(
      /does not name site\.id, central\.baseUrl/,
    );
  });

  it('refuses a file that is not JSON, and a terminal with no secret anywhere', () => {
    const places = setup();
    writeFileSync(places.systemTerminalFile, '{ "site": ');
    expect(() => loadInstalledConfig({ places, platform: 'linux', env: {}, readSecret: () => undefined })).toThrow(ConfigError);
    writeFileSync(places.systemTerminalFile, JSON.stringify(identity));
    expect(() => loadInstalledConfig({ places, platform: 'linux', env: {}, readSecret: () => undefined })).toThrow(
      /central\.terminalSecret/,
    );
  });

  it('takes a secret written in the terminal file over the sealed one', () => {
    const places = setup();
    writeFileSync(
      places.systemTerminalFile,
      JSON.stringify({ ...identity, central: { ...identity.central, terminalSecret: 'file-secret-456' } }),
    );
    const start = loadInstalledConfig({ places, platform: 'linux', env: {}, readSecret: () => 'sealed-secret-123' });
    expect(start.kind === 'ready' && start.config.central.terminalSecret).toBe('file-secret-456');
  });
});
