import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprintOf, staleTargets, type Fingerprints, type Target } from '../../../build/freshness.mjs';
import { fingerprints } from '../../../build/ensure-built.mjs';
import { tempDir } from '../../support/temp';

const targets: Target[] = [
  { name: 'renderer', inputs: ['renderer'], outputs: ['dist/renderer/index.html'], script: 'build:renderer' },
  { name: 'core', inputs: ['main'], outputs: ['dist/host/main.cjs'], script: 'build:electron' },
];
const allPresent = () => true;
const path = fc.stringMatching(/^[a-z]{1,8}\/[a-z]{1,8}\.ts$/);
const print = fc.tuple(fc.nat(), fc.nat()).map(([size, mtimeMs]) => fingerprintOf({ size, mtimeMs }));
const prints = fc.dictionary(path, print, { minKeys: 1, maxKeys: 20 });
const bothTargets = fc.record({ renderer: prints, core: prints });

describe('what npm start rebuilds (staleTargets)', () => {
  it('rebuilds nothing when every input is as built and every output exists', () => {
    fc.assert(
      fc.property(bothTargets, (current) => {
        expect(staleTargets(targets, { version: 1, targets: current }, current, allPresent)).toEqual([]);
      }),
    );
  });

  it('rebuilds exactly the target whose input changed, was added or was removed', () => {
    const change = fc.constantFrom('changed', 'new', 'removed');
    fc.assert(
      fc.property(bothTargets, fc.constantFrom('renderer', 'core'), change, path, (built, name, kind, extra) => {
        const now: Fingerprints = { ...built[name as 'renderer' | 'core'] };
        const first = Object.keys(now)[0] ?? '';
        if (kind === 'changed') now[first] = `${now[first]}0`;
        if (kind === 'new') now[`new/${extra}`] = '1:1';
        if (kind === 'removed') delete now[first];
        const stale = staleTargets(targets, { version: 1, targets: built }, { ...built, [name]: now }, allPresent);
        expect(stale.map((entry) => entry.target)).toEqual([name]);
        expect(stale[0]?.reason).toMatch(kind === 'new' ? /is new$/ : kind === 'changed' ? /changed$/ : /was removed$/);
      }),
    );
  });

  it('rebuilds a target whose output is missing, or that no stamp (or an unknown stamp version) knows', () => {
    const current = { renderer: { 'renderer/main.ts': '1:1' }, core: { 'main/app.ts': '2:2' } };
    const stamp = { version: 1 as const, targets: current };
    expect(staleTargets(targets, stamp, current, (output) => output !== 'dist/host/main.cjs')).toEqual([
      { target: 'core', reason: 'dist/host/main.cjs is missing' },
    ]);
    expect(staleTargets(targets, undefined, current, allPresent).map((entry) => entry.reason)).toEqual([
      'never built here',
      'never built here',
    ]);
    const future = { version: 2, targets: current } as unknown as typeof stamp;
    expect(staleTargets(targets, future, current, allPresent)).toHaveLength(2);
  });
});

describe('fingerprints of the inputs on disk', () => {
  it('lists every file under a folder, skips dot files, and changes when a file is saved again', () => {
    const temp = tempDir();
    try {
      mkdirSync(join(temp.dir, 'renderer', 'views'), { recursive: true });
      writeFileSync(join(temp.dir, 'renderer', 'views', 'A.vue'), 'a');
      writeFileSync(join(temp.dir, 'renderer', '.A.vue.swp'), 'x');
      const before = fingerprints(temp.dir, ['renderer', 'package-lock.json']);
      expect(Object.keys(before)).toEqual([join('renderer', 'views', 'A.vue')]);
      utimesSync(join(temp.dir, 'renderer', 'views', 'A.vue'), new Date(), new Date(Date.now() + 5000));
      const after = fingerprints(temp.dir, ['renderer']);
      expect(staleTargets(targets.slice(0, 1), { version: 1, targets: { renderer: before } }, { renderer: after }, allPresent)).toEqual([
        { target: 'renderer', reason: `${join('renderer', 'views', 'A.vue')} changed` },
      ]);
    } finally {
      temp.remove();
    }
  });
});
