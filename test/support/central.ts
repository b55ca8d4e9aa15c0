import { createCentralHttp } from '../../main/central/http';
import { DEMO_TERMINAL_SECRET, type Simulator } from '../../sim/server';
import type { SimSms } from '../../sim/central/signin';
import { memoryLogger } from './logs';

/** The real central client pointed at a simulator, with no waiting between retries. */
export function centralFor(sim: Simulator, options: { terminalSecret?: string; baseUrl?: string } = {}) {
  return createCentralHttp({
    baseUrl: options.baseUrl ?? `${sim.url}/`,
    terminalId: 'KIOSK-01',
    terminalSecret: options.terminalSecret ?? DEMO_TERMINAL_SECRET,
    timeoutMs: 2000,
    logger: memoryLogger('silent').logger,
    sleep: async () => undefined,
  });
}

/** The simulator's SMS inbox: what the person's phone received. */
export async function smsInbox(sim: Simulator): Promise<SimSms[]> {
  const response = await fetch(`${sim.url}/sim/sms`);
  return (await response.json()) as SimSms[];
}

/** The last code sent to a phone. */
export async function lastCodeTo(sim: Simulator, phone: string): Promise<string> {
  const inbox = await smsInbox(sim);
  const sms = inbox.filter((message) => message.to === phone).at(-1);
  if (!sms) throw new Error(`no SMS to the phone ending ${phone.slice(-3)}`);
  return sms.code;
}

/** A 6-digit code that is surely not `code`. */
export function wrongCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}
