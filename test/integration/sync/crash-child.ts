/**
 * A terminal process for the crash tests: `sync` pulls the feed over and over, `outbox` drains the outbox
 * until it is empty. The parent kills it with SIGKILL at random moments and starts it again.
 * Writes `started` once its database is open and work begins; exits 0 when its work is done (`outbox`, or
 * `sync-once`).
 */
import { dirname } from 'node:path';
import { openTerminal } from './support';
import { drained } from '../../support/until';

const [mode = 'sync', simUrl = '', dbFile = ''] = process.argv.slice(2);
const terminal = openTerminal(dirname(dbFile), simUrl, { pageSize: 25, timeoutMs: 2_000 });
process.stdout.write('started\n');

if (mode === 'sync-once') {
  await terminal.engine.runOnce();
} else if (mode === 'sync') {
  for (;;) {
    await terminal.engine.runOnce().catch(() => undefined);
  }
} else {
  await drained(terminal.outbox, 60_000);
}
await terminal.close();
process.exit(0);
