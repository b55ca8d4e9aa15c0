/**
 * The fleet benchmark's terminals, in a process of their own: N data layers (each its own terminal id and
 * in-memory copy) against one simulator, idle after their first sync, for a window of time. Time runs
 * `scale` times faster than a sede's (the long poll's hold, the timer and the simulator's token lifetime are
 * all divided by it), so the window stands for `window × scale` seconds of a real terminal's life.
 * Prints the simulator's traffic during the window as one JSON object.
 */
import { openDataLayer, simAdmin } from './terminal';

const [simUrl = '', terminalsText = '200', mode = 'long-poll', windowText = '60000', scaleText = '60'] = process.argv.slice(2);
const scale = Number(scaleText);
const tuning = {
  // A sede's 30 s timer, or its 900 s long poll (main/sync/layer.ts), `scale` times faster.
  syncIntervalMs: Math.round(30_000 / scale),
  longPollSeconds: mode === 'long-poll' ? Math.max(1, Math.round(900 / scale)) : 0,
  // The outbox is empty: its worker must not be what is measured.
  outboxIntervalMs: 3_600_000,
};
const terminals = Array.from({ length: Number(terminalsText) }, (_, i) =>
  openDataLayer(simUrl, `KIOSK-F${String(i + 1).padStart(3, '0')}`, ':memory:', tuning),
);
for (const terminal of terminals) terminal.data.start();
await Promise.all(terminals.map((terminal) => terminal.caughtUp()));

interface Traffic {
  requests: { feed: number; token: number; other: number };
  bytes: number;
}
const before = await simAdmin<Traffic>(simUrl, '/sim/admin/traffic');
await new Promise((resolve) => setTimeout(resolve, Number(windowText)));
const after = await simAdmin<Traffic>(simUrl, '/sim/admin/traffic');
await Promise.all(terminals.map((terminal) => terminal.close()));
const requests =
  after.requests.feed +
  after.requests.token +
  after.requests.other -
  (before.requests.feed + before.requests.token + before.requests.other);
process.stdout.write(
  `${JSON.stringify({ requests, feed: after.requests.feed - before.requests.feed, bytes: after.bytes - before.bytes })}\n`,
);
