import { existsSync, readFileSync } from 'node:fs';
import { ConfigError, deepMerge, loadConfig } from './load';
import { resolveFromFile, terminalFiles, type Places } from './places';
import type { Config } from './schema';

/**
 * The installed app's configuration (Electron). Unlike the demo, it never falls back to the embedded demo
 * terminal: with no terminal file it asks for enrolment, and a terminal file that does not say which sede,
 * terminal and central API it is for stops the start, naming the fields. Precedence, lowest first: the
 * embedded default (texts, timings), the places under user data, the system terminal file, the app's own,
 * `PES_CONFIG`, the terminal secret sealed at enrolment (only where no file names one), the environment.
 * A file that names no `terminal.id` (e.g. a system file with the fleet's gateway and merchant only) leaves the
 * terminal to be enrolled.
 */
export type InstalledStart =
  | { kind: 'ready'; config: Config; files: string[] }
  /** No terminal file names the terminal: the técnico's enrolment screen. */
  | { kind: 'enrol' };

/** What a terminal file must name itself; the embedded default's values are the demo's. */
export const REQUIRED_IN_TERMINAL_FILE = [
  ['site', 'id'],
  ['terminal', 'id'],
  ['central', 'baseUrl'],
] as const;

/** Fields that hold a path; a relative one resolves against its terminal file's folder. */
const PATH_FIELDS = [
  ['database', 'file'],
  ['log', 'dir'],
] as const;

type Layer = Record<string, unknown>;

function isObject(value: unknown): value is Layer {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readLayer(file: string, platform: NodeJS.Platform): Layer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`terminal file ${file} cannot be read as JSON: ${(error as Error).message}`);
  }
  if (!isObject(parsed)) throw new ConfigError(`terminal file ${file} must hold a JSON object`);
  for (const [section, key] of PATH_FIELDS) {
    const node = parsed[section];
    if (isObject(node) && typeof node[key] === 'string' && node[key] !== '') node[key] = resolveFromFile(platform, file, node[key]);
  }
  return parsed;
}

function valueAt(layer: Layer, path: readonly string[]): unknown {
  let node: unknown = layer;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return node;
}

export function loadInstalledConfig(options: {
  places: Places;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** The terminal secret sealed at enrolment, if any. */
  readSecret: () => string | undefined;
  exists?: (file: string) => boolean;
}): InstalledStart {
  const files = terminalFiles(options.places, options.env, options.exists ?? existsSync);
  let fromFiles: Layer = {};
  for (const file of files) fromFiles = deepMerge(fromFiles, readLayer(file, options.platform)) as Layer;
  // A system file may hold only what a fleet shares (gateway, merchant, updates); the terminal's own identity
  // comes from enrolment, which writes the app's own file.
  if (valueAt(fromFiles, ['terminal', 'id']) === undefined) return { kind: 'enrol' };
  const missing = REQUIRED_IN_TERMINAL_FILE.filter((path) => valueAt(fromFiles, path) === undefined).map((path) => path.join('.'));
  if (missing.length > 0) {
    throw new ConfigError(
      `terminal file ${files.join(', ')} does not name ${missing.join(', ')} (a kiosk never runs as the demo terminal)`,
    );
  }
  const places: Layer = { database: { file: options.places.databaseFile }, log: { dir: options.places.logsDir } };
  let base = deepMerge(places, fromFiles) as Layer;
  if (valueAt(fromFiles, ['central', 'terminalSecret']) === undefined) {
    const secret = options.readSecret();
    if (secret === undefined)
      throw new ConfigError('central.terminalSecret: not set and no enrolment secret stored; enrol the terminal again');
    base = deepMerge(base, { central: { terminalSecret: secret } }) as Layer;
  }
  // PES_CONFIG was read above as one of the files; loadConfig must not read it again over the secret.
  const env = { ...options.env, PES_CONFIG: undefined };
  return { kind: 'ready', config: loadConfig({ base, env }), files };
}
