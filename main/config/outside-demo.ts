import type { z } from 'zod';

/**
 * The embedded default is a demo: plain HTTP to the simulator and secrets everyone knows. That is only safe
 * when the "central API" and the "gateway" are the simulator on this very machine. A terminal file that points
 * the URLs anywhere else but forgets the secrets (or keeps `http://`) would talk to real systems with public
 * credentials, or in clear over the sede's network: such a configuration stops the start, naming each field.
 */
export const DEMO_TERMINAL_SECRET = 'demo-terminal-secret';
export const DEMO_GATEWAY_PASSWORD = 'demo-password';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

/** True for 127.0.0.0/8, `localhost` and `::1`: names that never leave this machine. */
export function isLoopbackUrl(text: string): boolean {
  let host: string;
  try {
    host = new URL(text).hostname.toLowerCase();
  } catch {
    return false;
  }
  return LOOPBACK_HOSTS.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

interface Guarded {
  central: { baseUrl: string; terminalSecret: string };
  gateway: { baseUrl: string; password: string };
}

/** The demo: both the central API and the gateway are on loopback (the simulator `npm start` launches). */
export function isDemo(config: Guarded): boolean {
  return isLoopbackUrl(config.central.baseUrl) && isLoopbackUrl(config.gateway.baseUrl);
}

/** A zod refinement for the configuration schema: nothing to say in the demo; outside it, each leftover. */
export function refuseDemoLeftovers(config: Guarded, ctx: z.RefinementCtx): void {
  if (isDemo(config)) return;
  const demoOnly = 'is only allowed with the simulator on this machine';
  if (config.central.terminalSecret === DEMO_TERMINAL_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['central', 'terminalSecret'], message: `the demo secret ${demoOnly}` });
  }
  if (config.gateway.password === DEMO_GATEWAY_PASSWORD) {
    ctx.addIssue({ code: 'custom', path: ['gateway', 'password'], message: `the demo password ${demoOnly}` });
  }
  for (const [section, url] of [
    ['central', config.central.baseUrl],
    ['gateway', config.gateway.baseUrl],
  ] as const) {
    if (new URL(url).protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', path: [section, 'baseUrl'], message: `must be an https URL (plain http ${demoOnly})` });
    }
  }
}
