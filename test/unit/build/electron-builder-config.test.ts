/**
 * build/electron-builder.yml checked against electron-builder's own JSON schema (the one it validates with at
 * `npm run dist`), so a misspelt or misplaced key fails here and not on the packaging machine.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { quoteExecArgument } from '../../../main/install/autostart';
import { ELECTRON_JS_FLAGS, SCREEN_THREAD_V8_FLAGS } from '../../../main/runtime/screen-thread-flags';

const require = createRequire(import.meta.url);
const schemaFile = require.resolve('app-builder-lib/scheme.json');
const configFile = new URL('../../../build/electron-builder.yml', import.meta.url);

function validator() {
  // electron-builder's schema uses a few keywords of its own (e.g. `tsType`) that ajv need not understand.
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
}

function config(): Record<string, unknown> {
  const parsed: unknown = parse(readFileSync(configFile, 'utf8'));
  expect(parsed).toBeTypeOf('object');
  return parsed as Record<string, unknown>;
}

describe('build/electron-builder.yml', () => {
  let validate: ValidateFunction;
  // Compiling a schema of this size takes seconds on a busy machine: once for the file.
  beforeAll(() => {
    validate = validator();
  }, 60_000);

  it('matches the schema electron-builder validates it with', () => {
    const current = config();
    expect(Object.keys(current)).toContain('appId');
    expect(validate(current), JSON.stringify(validate.errors)).toBe(true);
  });

  it('would fail on a misspelt key, at the top level or inside a section', () => {
    const { asarUnpack, ...rest } = config();
    expect(validate({ ...rest, asarUnpak: asarUnpack })).toBe(false);
    expect(validate.errors?.map((e) => e.params)).toContainEqual({ additionalProperty: 'asarUnpak' });

    const current = config();
    const fuses = current['electronFuses'] as Record<string, unknown>;
    expect(validate({ ...current, electronFuses: { ...fuses, runAsNod: false } })).toBe(false);
    expect(validate.errors?.map((e) => e.params)).toContainEqual({ additionalProperty: 'runAsNod' });
  });

  it("starts the Linux packages' app with the main process's V8 flags, as one argument", () => {
    const linux = config().linux as { executableArgs?: string[] };
    expect(linux.executableArgs).toEqual([quoteExecArgument(ELECTRON_JS_FLAGS)]);
    expect(ELECTRON_JS_FLAGS).toBe(`--js-flags=${SCREEN_THREAD_V8_FLAGS.join(' ')}`);
  });
});
