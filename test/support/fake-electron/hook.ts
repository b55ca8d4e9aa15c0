/**
 * Loaded with `node --require` before the bundled main process: `require('electron')` resolves to the fake
 * (FAKE_ELECTRON_MODULE) instead of the npm package, which here only throws "Electron failed to install".
 */
import Module from 'node:module';

type Resolve = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const original = loader._resolveFilename;
const fake = process.env.FAKE_ELECTRON_MODULE ?? '';
loader._resolveFilename = function resolve(this: unknown, request: string, ...rest: unknown[]): string {
  return request === 'electron' ? fake : original.call(this, request, ...rest);
};
