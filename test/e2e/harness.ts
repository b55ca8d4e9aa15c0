import { chromium, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../sim/server';
import { runBrowserHost, type RunningHost } from '../../main/host/run';
import type { Config } from '../../main/config/schema';
import type { AppDeps } from '../../main/app';
import { tempDir } from '../support/temp';
import { testConfig } from '../support/config';
import type { MovableClock } from '../support/movable-clock';

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
  /** The simulator's virtual ESC/POS printer (`sim.printer`) as the terminal's printer. */
  printer?: boolean;
  /** One clock the test moves, for the simulator and the core alike. */
  time?: MovableClock;
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
  const { time } = options;
  const sim = await startSimulator(time ? { ...options.sim, now: time.now } : options.sim);
  const deps = time ? { ...options.deps, clock: time.clock } : options.deps;
  // As `npm start` does: the terminal prints on the simulator's virtual printer.
  const printer = { interface: sim.printer.interface, type: 'epson', width: 48, characterSet: 'PC858_EURO', timeoutMs: 1000 } as const;
  const config = testConfig(data.dir, sim.url, options.printer ? { ...options.config, printer } : options.config);
  const host = await runBrowserHost(config, { port: 0, deps });
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

/**
 * Waits until the terminal's local copy of the obligations has caught up with the simulator's central API
 * (the payment service quotes and charges from that copy). Concurrent callers share the run in flight, so a
 * second run is asked for to be sure it started after whatever the caller changed centrally.
 */
export async function catchUp(e2e: E2E): Promise<void> {
  await e2e.host.app.data.sync.runOnce();
  await e2e.host.app.data.sync.runOnce();
}

export const CASHIER = { username: 'cajero1', pin: '1234' } as const;
export const SUPERVISOR = { username: 'supervisor1', pin: '9999' } as const;

/** Types an operator's username and PIN on *Ingreso de operador* (on screen) and presses Ingresar. */
export async function typeOperator(page: Page, who: { username: string; pin: string }): Promise<void> {
  await page.getByLabel('Usuario').fill(who.username);
  await page.getByLabel('PIN').fill(who.pin);
  await page.getByRole('button', { name: 'Ingresar' }).click();
}

/** A técnico signed in at this terminal without the screens (the sign-in screens have their own tests). */
export function signInTechnician(e2e: E2E): void {
  e2e.host.app.sessions.startOperator({ username: 'tecnico1', displayName: 'Técnico de Sede', role: 'supervisor' });
}
