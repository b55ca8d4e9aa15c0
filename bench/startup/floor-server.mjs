// @ts-check
/**
 * `startup_floor_ms`'s server: node:http and nothing else, serving the built renderer, and answering the API
 * calls the first screen makes with the bodies the real host gave in the same run (so the same screen paints).
 * Usage: node bench/startup/floor-server.mjs <rendererDir> <answers.json>
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const [rendererDir = '', answersFile = ''] = process.argv.slice(2);
/** @type {Record<string, string>} */
const answers = JSON.parse(readFileSync(answersFile, 'utf8'));
/** @type {Record<string, string>} */
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

const server = createServer((request, response) => {
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  if (path.startsWith('/api/')) {
    response.writeHead(200, { 'content-type': 'application/json' }).end(answers[path.slice(5)] ?? '{"ok":false}');
    return;
  }
  const file = join(rendererDir, normalize(path === '/' ? '/index.html' : path));
  readFile(file).then(
    (body) => response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body),
    () => response.writeHead(404).end(),
  );
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`Listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`);
});
// At once: Chromium keeps its connections open, so server.close() alone would wait for them.
process.on('SIGTERM', () => process.exit(0));
