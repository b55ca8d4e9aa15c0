import { readFileSync } from 'node:fs';
import { configSchema, type Config } from './schema';
import { defaultConfig } from './defaults';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Environment variables that override one field each; values are JSON where the field is not a string. */
const envOverrides: Record<string, string[]> = {
  PES_SITE_ID: ['site', 'id'],
  PES_SITE_NAME: ['site', 'name'],
  PES_TERMINAL_ID: ['terminal', 'id'],
  PES_ROLE: ['terminal', 'role'],
  PES_DATABASE_FILE: ['database', 'file'],
  PES_CENTRAL_URL: ['central', 'baseUrl'],
  PES_CENTRAL_SECRET: ['central', 'terminalSecret'],
  PES_GATEWAY_URL: ['gateway', 'baseUrl'],
  PES_GATEWAY_USER: ['gateway', 'userName'],
  PES_GATEWAY_PASSWORD: ['gateway', 'password'],
  PES_PRINTER: ['printer', 'interface'],
  PES_PRINTER_WIDTH: ['printer', 'width'],
  PES_LOG_LEVEL: ['log', 'level'],
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = deepMerge(base[key], value);
  return out;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isObject(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1] ?? ''] = value;
}

const numericEnv = new Set(['PES_PRINTER_WIDTH']);

function readEnvValue(name: string, raw: string): unknown {
  return numericEnv.has(name) && /^\d+$/.test(raw) ? Number(raw) : raw;
}

/**
 * Builds the terminal's configuration: defaults, then the terminal file (if any), then environment variables.
 * Precedence, lowest first: embedded default, `base`, file, environment, `overrides`.
 * A value that fails its schema stops the start with a message naming the field, e.g. `central.baseUrl`.
 */
export function loadConfig(
  options: {
    file?: string;
    env?: NodeJS.ProcessEnv;
    /** Laid over the embedded default before the file and the environment (the demo launcher's choices). */
    base?: unknown;
    /** Laid over everything (tests). */
    overrides?: unknown;
  } = {},
): Config {
  const env = options.env ?? process.env;
  let merged: unknown = deepMerge(structuredClone(defaultConfig), options.base);
  const file = options.file ?? env.PES_CONFIG;
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(`cannot read configuration file ${file}: ${(error as Error).message}`);
    }
    let parsed: Json;
    try {
      parsed = JSON.parse(text) as Json;
    } catch (error) {
      throw new ConfigError(`configuration file ${file} is not valid JSON: ${(error as Error).message}`);
    }
    merged = deepMerge(merged, parsed);
  }
  const fromEnv: Record<string, unknown> = {};
  for (const [name, path] of Object.entries(envOverrides)) {
    const raw = env[name];
    if (raw !== undefined && raw !== '') setPath(fromEnv, path, readEnvValue(name, raw));
  }
  merged = deepMerge(merged, fromEnv);
  merged = deepMerge(merged, options.overrides);
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ConfigError(`invalid configuration${file ? ` in ${file}` : ''}:\n${lines.join('\n')}`);
  }
  return result.data;
}
