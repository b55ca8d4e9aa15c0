import { describe, expect, it } from 'vitest';
import { createConfig, lint } from '@redocly/openapi-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '../../../sim/server';

const specPath = fileURLToPath(new URL('../../../main/central/openapi.yaml', import.meta.url));

describe('main/central/openapi.yaml', () => {
  it('is a valid OpenAPI 3.1 document with no problem under Redocly recommended rules', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lint({ ref: specPath, config });
    const described = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`);
    expect(described).toEqual([]);
    expect(readFileSync(specPath, 'utf8')).toMatch(/^openapi: 3\.1\.0$/m);
  });

  it('documents only operations the simulator serves', async () => {
    const text = readFileSync(specPath, 'utf8');
    const operations: { method: string; url: string }[] = [];
    let path: string | undefined;
    for (const line of text.split('\n')) {
      const pathMatch = /^ {2}(\/v1\/\S+):$/.exec(line);
      if (pathMatch) path = pathMatch[1];
      const methodMatch = /^ {4}(get|post|put|delete):$/.exec(line);
      if (path && methodMatch?.[1]) operations.push({ method: methodMatch[1].toUpperCase(), url: path.replace(/\{(\w+)\}/g, ':$1') });
      if (/^components:/.test(line)) break;
    }
    expect(operations.length).toBeGreaterThanOrEqual(10);
    const sim = await startSimulator();
    try {
      const missing = operations.filter((op) => !sim.server.hasRoute(op));
      expect(missing).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});
