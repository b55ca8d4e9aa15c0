/**
 * `node dist/host/main.cjs`: runs the bundled browser host (dist/host/core.cjs, from entry.ts) with V8's code
 * cache beside it, so a start after the first does not compile the bundle's JavaScript again (about a third of
 * the process's CPU time before it listens, measured with --cpu-prof). V8 refuses a cache made for other source
 * or another V8 (cachedDataRejected); then it is made again. Node 22's module.enableCompileCache does the same.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

const file = join(__dirname, 'core.cjs');
const cacheFile = `${file}.v8cache`;

function readCache(): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

const cachedData = readCache();
// CommonJS's own wrapper, so the bundle sees the same five names as when Node requires it.
const wrapper = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
const script = new Script(wrapper, { filename: file, cachedData });
const run = script.runInThisContext() as (
  exports: object,
  require: NodeJS.Require,
  module: { exports: object },
  filename: string,
  dirname: string,
) => void;
const module = { exports: {} };
run(module.exports, createRequire(file), module, file, dirname(file));

if (!cachedData || script.cachedDataRejected) {
  // After the bundle's top level ran, so the functions it compiled are in the cache; written whole, then renamed,
  // so that another start at the same moment reads either no cache or a complete one.
  setImmediate(() => {
    try {
      writeFileSync(`${cacheFile}.${process.pid}`, script.createCachedData());
      renameSync(`${cacheFile}.${process.pid}`, cacheFile);
    } catch {
      // Only a slower next start: the cache is an optimisation.
    }
  });
}
