import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import type { Config } from '../config/schema';
import type { App, AppDeps } from '../app';
import type { Dispatcher } from '../api/dispatcher';
import { createLogger } from '../log/logger';
import { startHost, type Host } from './server';
import type { PseReturnHandler } from './pse-return';

export const defaultRendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'renderer');

export interface RunningHost {
  app: App;
  host: Host;
  stop(): Promise<void>;
}

export interface BrowserHostOptions {
  port: number;
  rendererDir?: string;
  token?: string;
  deps?: AppDeps;
  /**
   * Called as soon as the host listens, before the core is up: the browser can load the page meanwhile (on
   * the other core) while the core loads, opens the database and migrates it. Its API calls wait for the core.
   */
  onListening?(url: string): void;
  /**
   * The product's start (entry.ts): the background starts once the page's first calls are answered (none for
   * 300 ms) or 3 s after the core is up, so the first screen does not share the CPU with the first sync, the
   * writer thread's start, the contact channels' refresh and the print queue. Otherwise it starts at once.
   */
  backgroundAfterFirstScreen?: boolean;
}

const FIRST_SCREEN_QUIET_MS = 300;
const FIRST_SCREEN_MAX_WAIT_MS = 3_000;

/**
 * Boots the core and serves it to a browser: the product's second transport, used where Electron is absent.
 *
 * The host listens first and the core comes up behind it (`startup_to_login_ms`): the page's files are served at
 * once, and every `/api` call and the bank's return wait until the core is ready, so nothing is answered before
 * the database is open and migrated. The core's modules are loaded by a dynamic import, so that in the bundle
 * (dist/host/core.cjs) their top level — the KioskApi contract's schemas among it — runs after the listen.
 */
export async function runBrowserHost(config: Config, options: BrowserHostOptions): Promise<RunningHost> {
  const rendererDir = options.rendererDir ?? defaultRendererDir;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`renderer not built: ${rendererDir}/index.html is missing (run "npm run build:renderer")`);
  }
  const logger = options.deps?.logger ?? createLogger({ level: config.log.level });
  let settle!: { open(app: App): void; fail(error: unknown): void };
  const ready = new Promise<App>((resolve, reject) => (settle = { open: resolve, fail: reject }));
  // Callers that arrive before the core is up wait for it; a core that failed to start fails them.
  ready.catch(() => undefined);
  const calls = { started: 0, inFlight: 0, lastEndedAt: 0 };
  const api: Dispatcher = {
    async dispatch(method, input, ctx) {
      calls.started++;
      calls.inFlight++;
      try {
        return await (await ready).api.dispatch(method, input, ctx);
      } finally {
        calls.inFlight--;
        calls.lastEndedAt = performance.now();
      }
    },
  };
  const pse: PseReturnHandler = {
    handleReturn: async (orderId) => (await ready).payments.handleReturn(orderId),
    handleCallback: async (hint) => (await ready).payments.handleCallback(hint),
  };
  const host = await startHost({ api, logger, rendererDir, port: options.port, token: options.token, pse });
  options.onListening?.(host.url);

  let app: App;
  try {
    const { createApp } = await import('../app');
    // The sync's first full download and the print queue wait until the host answers: the first screen first.
    app = createApp(config, { ...options.deps, logger, deferBackground: true });
  } catch (error) {
    settle.fail(error);
    await host.close();
    throw error;
  }
  app.setPseReturnUrl(`${host.url}/pse/retorno`);
  settle.open(app);
  const waiting = options.backgroundAfterFirstScreen ? startAfterFirstScreen(app, calls) : (app.startBackground(), undefined);
  return {
    app,
    host,
    async stop() {
      clearInterval(waiting);
      await host.close();
      await app.close();
    },
  };
}

/** Starts the app's background once the first screen's calls are over (see `backgroundAfterFirstScreen`). */
function startAfterFirstScreen(app: App, calls: { started: number; inFlight: number; lastEndedAt: number }): NodeJS.Timeout {
  const upAt = performance.now();
  const check = setInterval(() => {
    const now = performance.now();
    const answered = calls.started > 0 && calls.inFlight === 0 && now - calls.lastEndedAt >= FIRST_SCREEN_QUIET_MS;
    if (!answered && now - upAt < FIRST_SCREEN_MAX_WAIT_MS) return;
    clearInterval(check);
    app.startBackground();
  }, 50);
  return check;
}
