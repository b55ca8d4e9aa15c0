import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Start with the machine on Linux: an XDG autostart entry (`~/.config/autostart/pagos-express-sede.desktop`),
 * which every desktop session of the kiosk's user runs at login. Windows uses Electron's login items instead
 * (electron/startup.ts). Written only when it changes; removed when the configuration turns it off.
 */
export const AUTOSTART_NAME = 'pagos-express-sede.desktop';

export function linuxAutostartFile(home: string, env: Readonly<Record<string, string | undefined>>): string {
  const configHome = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(configHome, 'autostart', AUTOSTART_NAME);
}

/** Quotes an Exec argument as the Desktop Entry specification says (double quotes; `"`, `` ` ``, `$`, `\` escaped). */
export function quoteExecArgument(arg: string): string {
  if (/^[A-Za-z0-9_./=-]+$/.test(arg)) return arg;
  return `"${arg.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;
}

/** The entry that starts `executable` with `args` (the shell's launch switches, electron/startup.ts). */
export function desktopEntry(executable: string, args: readonly string[] = []): string {
  if (/[\p{Cc}]/u.test(executable)) throw new Error('autostart executable path holds a control character');
  if (args.some((arg) => /[\p{Cc}]/u.test(arg))) throw new Error('autostart argument holds a control character');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Pagos Express Sede',
    'Comment=Cajacopi Pagos Express kiosk and cashier desk',
    // %% is how a literal % is written in Exec.
    `Exec=${[executable, ...args].map((part) => quoteExecArgument(part).replace(/%/g, '%%')).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * The executable the entry starts: an AppImage runs from a temporary mount, so its own path is `$APPIMAGE`;
 * a .deb install runs its binary directly.
 */
export function autostartExecutable(execPath: string, env: Readonly<Record<string, string | undefined>>): string {
  return env.APPIMAGE && env.APPIMAGE.startsWith('/') ? env.APPIMAGE : execPath;
}

export function applyLinuxAutostart(options: {
  enabled: boolean;
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  execPath: string;
  /** Switches the executable is started with (none when not given). */
  args?: readonly string[];
}): 'written' | 'removed' | 'unchanged' {
  const file = linuxAutostartFile(options.home, options.env);
  if (!options.enabled) {
    if (!existsSync(file)) return 'unchanged';
    rmSync(file, { force: true });
    return 'removed';
  }
  const wanted = desktopEntry(autostartExecutable(options.execPath, options.env), options.args);
  if (existsSync(file) && readFileSync(file, 'utf8') === wanted) return 'unchanged';
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, wanted, { mode: 0o644 });
  return 'written';
}
