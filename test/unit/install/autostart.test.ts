import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { applyLinuxAutostart, desktopEntry, linuxAutostartFile, quoteExecArgument } from '../../../main/install/autostart';
import { ELECTRON_JS_FLAGS } from '../../../main/runtime/screen-thread-flags';
import { tempDir } from '../../support/temp';

describe('Linux autostart entry', () => {
  let home: ReturnType<typeof tempDir>;
  afterEach(() => home.remove());

  it('writes ~/.config/autostart/pagos-express-sede.desktop once, and removes it when turned off', () => {
    home = tempDir('pes-home-');
    const options = { home: home.dir, env: {}, execPath: '/opt/Pagos Express Sede/pagos-express-sede' };
    expect(applyLinuxAutostart({ ...options, enabled: true })).toBe('written');
    const file = join(home.dir, '.config', 'autostart', 'pagos-express-sede.desktop');
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')).toEqual(
      expect.arrayContaining(['[Desktop Entry]', 'Type=Application', 'Exec="/opt/Pagos Express Sede/pagos-express-sede"']),
    );
    expect(statSync(file).mode & 0o022).toBe(0);
    expect(applyLinuxAutostart({ ...options, enabled: true })).toBe('unchanged');
    expect(applyLinuxAutostart({ ...options, enabled: false })).toBe('removed');
    expect(existsSync(file)).toBe(false);
    expect(applyLinuxAutostart({ ...options, enabled: false })).toBe('unchanged');
  });

  it('starts the AppImage itself (not its temporary mount) and honours XDG_CONFIG_HOME', () => {
    home = tempDir('pes-home-');
    const env = { APPIMAGE: '/home/kiosco/Aplicaciones/PagosExpress.AppImage', XDG_CONFIG_HOME: join(home.dir, 'xdg') };
    expect(applyLinuxAutostart({ enabled: true, home: home.dir, env, execPath: '/tmp/.mount_Pagos1/pagos-express-sede' })).toBe('written');
    const text = readFileSync(linuxAutostartFile(home.dir, env), 'utf8');
    expect(text).toContain('Exec=/home/kiosco/Aplicaciones/PagosExpress.AppImage\n');
    expect(linuxAutostartFile('/home/k', { XDG_CONFIG_HOME: 'relative' })).toBe('/home/k/.config/autostart/pagos-express-sede.desktop');
  });

  it('quotes Exec as the Desktop Entry specification says and refuses control characters', () => {
    expect(quoteExecArgument('/usr/bin/pes')).toBe('/usr/bin/pes');
    expect(quoteExecArgument('/opt/a "b"/$x`y`\\z')).toBe('"/opt/a \\"b\\"/\\$x\\`y\\`\\\\z"');
    expect(desktopEntry('/opt/100%/pes')).toContain('Exec="/opt/100%%/pes"');
    expect(() => desktopEntry('/opt/pes\nExec=/bin/sh')).toThrow(/control character/);
    expect(() => desktopEntry('/opt/pes', ['--a\nExec=/bin/sh'])).toThrow(/control character/);
  });

  it('starts the app with the main process switches the shell gives it, each one argument', () => {
    expect(desktopEntry('/opt/Pagos Express/pes', [ELECTRON_JS_FLAGS, 'a b'])).toContain(
      `Exec="/opt/Pagos Express/pes" "${ELECTRON_JS_FLAGS}" "a b"\n`,
    );
  });
});
