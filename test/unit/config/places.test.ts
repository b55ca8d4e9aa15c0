import { describe, expect, it } from 'vitest';
import { electronPlaces, resolveFromFile, systemTerminalFile, terminalFiles } from '../../../main/config/places';

describe('places of the installed app', () => {
  it('puts the database, the terminal file, the logs and the secrets under user data on Linux', () => {
    const places = electronPlaces({ platform: 'linux', env: {}, userData: '/home/kiosk/.config/Pagos Express Sede' });
    expect(places).toEqual({
      userData: '/home/kiosk/.config/Pagos Express Sede',
      databaseFile: '/home/kiosk/.config/Pagos Express Sede/data/pagos-express.db',
      userTerminalFile: '/home/kiosk/.config/Pagos Express Sede/terminal.json',
      systemTerminalFile: '/etc/pagos-express/terminal.json',
      logsDir: '/home/kiosk/.config/Pagos Express Sede/logs',
      secretsDir: '/home/kiosk/.config/Pagos Express Sede/secrets',
    });
  });

  it('uses Windows paths and %PROGRAMDATA% on Windows', () => {
    const places = electronPlaces({
      platform: 'win32',
      env: { PROGRAMDATA: 'D:\\ProgramData' },
      userData: 'C:\\Users\\kiosco\\AppData\\Roaming\\Pagos Express Sede',
    });
    expect(places.databaseFile).toBe('C:\\Users\\kiosco\\AppData\\Roaming\\Pagos Express Sede\\data\\pagos-express.db');
    expect(places.logsDir).toBe('C:\\Users\\kiosco\\AppData\\Roaming\\Pagos Express Sede\\logs');
    expect(places.systemTerminalFile).toBe('D:\\ProgramData\\PagosExpress\\terminal.json');
    expect(systemTerminalFile('win32', {})).toBe('C:\\ProgramData\\PagosExpress\\terminal.json');
    expect(systemTerminalFile('darwin', { PROGRAMDATA: 'x' })).toBe('/etc/pagos-express/terminal.json');
  });

  it("reads the system file, then the app's own, then PES_CONFIG — only those that exist", () => {
    const places = electronPlaces({ platform: 'linux', env: {}, userData: '/u' });
    const all = new Set(['/etc/pagos-express/terminal.json', '/u/terminal.json', '/tmp/override.json']);
    expect(terminalFiles(places, { PES_CONFIG: '/tmp/override.json' }, (f) => all.has(f))).toEqual([...all]);
    expect(terminalFiles(places, {}, (f) => f === '/u/terminal.json')).toEqual(['/u/terminal.json']);
    expect(terminalFiles(places, { PES_CONFIG: '/missing.json' }, () => false)).toEqual([]);
  });

  it("resolves a relative path against its terminal file's folder and keeps absolute ones", () => {
    expect(resolveFromFile('linux', '/etc/pagos-express/terminal.json', 'datos/pe.db')).toBe('/etc/pagos-express/datos/pe.db');
    expect(resolveFromFile('linux', '/etc/pagos-express/terminal.json', '../x.db')).toBe('/etc/x.db');
    expect(resolveFromFile('linux', '/etc/pagos-express/terminal.json', '/var/lib/pe.db')).toBe('/var/lib/pe.db');
    expect(resolveFromFile('win32', 'C:\\ProgramData\\PagosExpress\\terminal.json', 'datos\\pe.db')).toBe(
      'C:\\ProgramData\\PagosExpress\\datos\\pe.db',
    );
    expect(resolveFromFile('win32', 'C:\\ProgramData\\PagosExpress\\terminal.json', 'E:\\pe.db')).toBe('E:\\pe.db');
  });
});
