import { posix, win32 } from 'node:path';

/**
 * Where the installed app keeps its things. In Electron everything the app writes lives under the user-data
 * folder Electron gives it (`app.getPath('userData')`): never the working directory, which on a kiosk started
 * from a shortcut is the read-only install folder or `/`. A técnico may also pre-seed a terminal file at a
 * fixed system path, which the app only reads. The browser host (`npm start`, tests) keeps its own paths.
 * Pure: the platform, the environment and the user-data folder are inputs, so every platform is tested here.
 */
export interface PlacesInput {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** `app.getPath('userData')`. */
  userData: string;
}

export interface Places {
  userData: string;
  /** The SQLite database (and its -wal/-shm files). */
  databaseFile: string;
  /** The terminal file the app writes at enrolment. */
  userTerminalFile: string;
  /** The terminal file a técnico may pre-seed (read-only for the app). */
  systemTerminalFile: string;
  /** The rotating JSON-lines logs. */
  logsDir: string;
  /** Secrets sealed with the operating system's key store (Electron `safeStorage`). */
  secretsDir: string;
}

function pathsOf(platform: NodeJS.Platform) {
  return platform === 'win32' ? win32 : posix;
}

/** `%PROGRAMDATA%\PagosExpress\terminal.json` on Windows, `/etc/pagos-express/terminal.json` elsewhere. */
export function systemTerminalFile(platform: NodeJS.Platform, env: PlacesInput['env']): string {
  if (platform === 'win32') return win32.join(env.PROGRAMDATA || env.ALLUSERSPROFILE || 'C:\\ProgramData', 'PagosExpress', 'terminal.json');
  return '/etc/pagos-express/terminal.json';
}

export function electronPlaces(input: PlacesInput): Places {
  const path = pathsOf(input.platform);
  const userData = path.resolve(input.userData);
  return {
    userData,
    databaseFile: path.join(userData, 'data', 'pagos-express.db'),
    userTerminalFile: path.join(userData, 'terminal.json'),
    systemTerminalFile: systemTerminalFile(input.platform, input.env),
    logsDir: path.join(userData, 'logs'),
    secretsDir: path.join(userData, 'secrets'),
  };
}

/**
 * The terminal files to read, lowest precedence first: the system one (pre-seeded), the app's own (written at
 * enrolment), then `PES_CONFIG` if set (a técnico's override). Only the files that exist are returned.
 */
export function terminalFiles(places: Places, env: PlacesInput['env'], exists: (file: string) => boolean): string[] {
  const candidates = [places.systemTerminalFile, places.userTerminalFile, env.PES_CONFIG].filter((file): file is string => !!file);
  return [...new Set(candidates)].filter((file) => exists(file));
}

/** A path written in a terminal file is relative to that file's folder, not to wherever the app was started. */
export function resolveFromFile(platform: NodeJS.Platform, terminalFile: string, value: string): string {
  const path = pathsOf(platform);
  return path.isAbsolute(value) ? value : path.resolve(path.dirname(terminalFile), value);
}
