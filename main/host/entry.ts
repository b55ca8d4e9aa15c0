/**
 * The browser host's process, bundled by build/bundle-electron.ts into dist/host/core.cjs from the same core as
 * Electron's main process, and started as `node dist/host/main.cjs [--port N] [--config file]` (boot.ts), so a
 * start runs prebuilt code. The demo launcher (scripts/start.ts) gives it the simulator's addresses in
 * PES_DEMO_BASE, as it does Electron.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig, ConfigError } from '../config/load';
import type { Config } from '../config/schema';
import { runBrowserHost } from './run';

function configFrom(file: string | undefined): Config {
  const base = process.env.PES_DEMO_BASE ? (JSON.parse(process.env.PES_DEMO_BASE) as unknown) : undefined;
  try {
    return loadConfig({ file, base });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return process.exit(2);
  }
}

// zod without its JIT in this process: a schema's first parse would otherwise generate and compile code for it
// (about 100 ms for the first screen's calls, measured with --cpu-prof), and this host's payloads are small
// (a later parse takes about twice as long: microseconds). The sync's pages are parsed in the writer thread.
z.config({ jitless: true });

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '5170' }, config: { type: 'string' } } });
  // Said as soon as the host listens: the page loads while the core comes up behind it (run.ts).
  const running = await runBrowserHost(configFrom(values.config), {
    port: Number(values.port),
    onListening: (url) => process.stdout.write(`Listening on ${url}\n`),
    backgroundAfterFirstScreen: true,
  });
  const stop = () => void running.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`browser host failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
