import { chromium, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../sim/server';
import { runBrowserHost, type RunningHost } from '../../main/host/run';
import type { Config } from '../../main/config/schema';
import type { AppDeps } from '../../main/app';
import { tempDir } from '../support/temp';
import { testConfig } from '../support/config';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags these machines need: no sandbox as root, no GPU, and no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export interface E2EOptions {
  sim?: SimulatorOptions;
  config?: Parameters<typeof testConfig>[2];
  deps?: AppDeps;
  viewport?: { width: number; height: number };
}

export interface E2E {
  sim: Simulator;
  host: RunningHost;
  config: Config;
  context: BrowserContext;
  /** A new tab on the app's Ingreso screen. */
  open(path?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchChromium(viewport = { width: 1366, height: 768 }): Promise<{ context: BrowserContext; remove(): void }> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  const profile = tempDir('pes-chromium-');
  const context = await chromium.launchPersistentContext(profile.dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: 'es-CO',
    timezoneId: 'America/Bogota',
  });
  return { context, remove: profile.remove };
}

/** The product end to end: simulator + core + browser host on free ports, and headless Chromium. */
export async function startE2E(options: E2EOptions = {}): Promise<E2E> {
  const data = tempDir('pes-e2e-');
  const sim = await startSimulator(options.sim);
  const config = testConfig(data.dir, sim.url, options.config);
  const host = await runBrowserHost(config, { port: 0, deps: options.deps });
  const browser = await launchChromium(options.viewport);
  return {
    sim,
    host,
    config,
    context: browser.context,
    async open(path = '/') {
      const page = await browser.context.newPage();
      await page.goto(`${host.host.url}${path}`);
      return page;
    },
    async close() {
      await browser.context.close();
      browser.remove();
      await host.stop();
      await sim.close();
      data.remove();
    },
  };
}

/** axe-core on what the page shows now; returns the serious and critical violations (expect none). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

export function dbFileOf(e2e: E2E): string {
  return join(e2e.config.database.file);
}
