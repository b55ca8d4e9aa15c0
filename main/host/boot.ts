/**
 * `node dist/host/main.cjs`: runs the bundled browser host (dist/host/core.cjs, from entry.ts) with V8's code
 * cache beside it, so a start after the first does not compile the bundle's JavaScript again (about a third of
 * the process's CPU time before it listens, measured with --cpu-prof). V8 refuses a cache made for other source
 * or another V8 (cachedDataRejected); then it is made again. Node 22's module.enableCompileCache does the same;
 * this project runs on Node 20.
 */
import { isAscii } from 'node:buffer';
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
// The minified bundle is ASCII (esbuild escapes the rest): read as latin1 it is the same text without decoding
// UTF-8, which took 70–130 ms of the start for the 3.5 MB file (about 10 ms as latin1).
const bytes = readFileSync(file);
const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
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
  // Made once the start is over, not right after the bundle's top level: the core itself loads after the host
  // listens (run.ts), and the first screen's requests compile more functions; the cache holds every function
  // compiled by the time it is made. At exit (the host ends with process.exit on SIGTERM or SIGINT) or after
  // 5 s, whichever comes first. Written whole, then renamed, so that another start at the same moment reads
  // either no cache or a complete one.
  let written = false;
  const write = (): void => {
    if (written) return;
    written = true;
    try {
      writeFileSync(`${cacheFile}.${process.pid}`, script.createCachedData());
      renameSync(`${cacheFile}.${process.pid}`, cacheFile);
    } catch {
      // Only a slower next start: the cache is an optimisation.
    }
  };
  setTimeout(write, 5_000).unref();
  process.once('exit', write);
}
