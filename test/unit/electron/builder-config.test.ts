import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

const file = fileURLToPath(new URL('../../../build/electron-builder.yml', import.meta.url));

describe('build/electron-builder.yml', () => {
  const config = z
    .looseObject({
      electronFuses: z.record(z.string(), z.boolean()),
      publish: z.looseObject({ provider: z.string(), url: z.string() }),
    })
    .parse(parse(readFileSync(file, 'utf8')));

  it('turns the file:// extra-privileges fuse off, with the other hardening fuses', () => {
    expect(config.electronFuses).toMatchObject({
      grantFileProtocolExtraPrivileges: false,
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('publishes to a generic feed, which electron-updater reads at updates.feedUrl', () => {
    expect(config.publish.provider).toBe('generic');
    expect(new URL(config.publish.url).protocol).toBe('https:');
  });
});
