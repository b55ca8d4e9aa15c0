import net from 'node:net';
import { PrintError, type PrintFailureReason } from './errors';
import type { PrinterTransport, ProbeResult, TransportSettings } from './transport';

/** DLE EOT 4: "transmit roll paper sensor status", answered at once by Epson printers even when busy. */
const PAPER_STATUS_QUERY = Buffer.from([0x10, 0x04, 0x04]);
const PAPER_END_BITS = 0x60;
const PAPER_NEAR_END_BITS = 0x0c;

function reasonForSocketError(error: NodeJS.ErrnoException): PrintFailureReason {
  switch (error.code) {
    case 'ETIMEDOUT':
      return 'timeout';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'interrupted';
    default:
      return 'unreachable';
  }
}

export function paperFromStatusByte(byte: number): 'ok' | 'near-end' | 'out' {
  if ((byte & PAPER_END_BITS) !== 0) return 'out';
  if ((byte & PAPER_NEAR_END_BITS) !== 0) return 'near-end';
  return 'ok';
}

/**
 * Raw printing on port 9100 with our own socket, because the library's `execute()` resolves before the
 * printer has the bytes and never notices a connection that broke mid-job.
 *
 * A send succeeds when every byte was flushed to the connection and the printer then either closed its side
 * (what a JetDirect-style port does after our end of stream) or stayed silent for `timeoutMs` with the
 * connection intact. Anything else — refused, reset, closed by the printer before we finished, idle while
 * bytes were still queued — fails the attempt, and `partial` tells whether the job had started to go out.
 */
export function createTcpTransport(host: string, port: number, settings: TransportSettings & { statusWaitMs?: number }): PrinterTransport {
  const label = `${host}:${port}`;
  // Star printers do not speak DLE EOT; asking would print nothing but waste the wait.
  const askPaper = settings.type === 'epson';
  const statusWaitMs = settings.statusWaitMs ?? Math.min(500, Math.floor(settings.timeoutMs / 2));

  function exchange(bytes: Buffer | null): Promise<ProbeResult> {
    return new Promise<ProbeResult>((resolve, reject) => {
      const socket = net.connect({ host, port, noDelay: true });
      let started = false;
      let flushed = false;
      let settled = false;
      let paper: ProbeResult['paper'];
      let statusTimer: NodeJS.Timeout | undefined;

      const finish = (error?: PrintError) => {
        if (settled) return;
        settled = true;
        if (statusTimer) clearTimeout(statusTimer);
        socket.destroy();
        if (error) reject(error);
        else resolve({ reachable: true, paper });
      };
      const fail = (reason: PrintFailureReason, message: string) => finish(new PrintError(reason, message, started));

      let proceeded = false;
      const sendJob = () => {
        // Once only: a status answer arriving after we stopped waiting for it must not send the job twice.
        if (settled || proceeded) return;
        proceeded = true;
        statusTimer = undefined;
        if (!bytes) return finish();
        if (paper === 'out') return fail('paper-out', 'printer reports paper end');
        started = true;
        socket.end(bytes, () => {
          flushed = true;
        });
      };

      socket.setTimeout(settings.timeoutMs);
      socket.on('connect', () => {
        if (!askPaper) return sendJob();
        socket.write(PAPER_STATUS_QUERY);
        statusTimer = setTimeout(sendJob, statusWaitMs);
      });
      socket.on('data', (chunk: Buffer) => {
        if (!proceeded && statusTimer && chunk.length > 0) {
          clearTimeout(statusTimer);
          paper = paperFromStatusByte(chunk[0] ?? 0);
          sendJob();
        }
      });
      socket.on('end', () => {
        if (!bytes && !started) return finish();
        if (flushed) finish();
        else fail('interrupted', 'connection closed before all bytes were written');
      });
      socket.on('close', () => {
        if (flushed) finish();
        else fail(started ? 'interrupted' : 'unreachable', 'connection closed before all bytes were written');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => fail(reasonForSocketError(error), `${error.code ?? 'socket error'} ${label}`));
      socket.on('timeout', () => {
        if (flushed) finish();
        else fail('timeout', `no progress for ${settings.timeoutMs} ms`);
      });
    });
  }

  return {
    label: `tcp://${label}`,
    async send(bytes) {
      await exchange(bytes);
    },
    async probe() {
      try {
        return await exchange(null);
      } catch (error) {
        return { reachable: false, error: error instanceof PrintError ? error.reason : 'unreachable' };
      }
    },
  };
}
