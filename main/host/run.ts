import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import type { Config } from '../config/schema';
import { createApp, type App, type AppDeps } from '../app';
import { startHost, type Host } from './server';

export const defaultRendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'renderer');

export interface RunningHost {
  app: App;
  host: Host;
  stop(): Promise<void>;
}

/** Boots the core and serves it to a browser: the product's second transport, used where Electron is absent. */
export async function runBrowserHost(
  config: Config,
  options: { port: number; rendererDir?: string; token?: string; deps?: AppDeps },
): Promise<RunningHost> {
  const rendererDir = options.rendererDir ?? defaultRendererDir;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`renderer not built: ${rendererDir}/index.html is missing (run "npm run build:renderer")`);
  }
  // The sync's first full download and the print queue wait until the host answers: the first screen first.
  const app = createApp(config, { ...options.deps, deferBackground: true });
  try {
    const host = await startHost({
      api: app.api,
      logger: app.logger,
      rendererDir,
      port: options.port,
      token: options.token,
      pse: app.payments,
    });
    app.setPseReturnUrl(`${host.url}/pse/retorno`);
    app.startBackground();
    return {
      app,
      host,
      async stop() {
        await host.close();
        await app.close();
      },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}
