import net from 'node:net';
import { EventEmitter } from 'node:events';
import { decodeEscPos, type DecodedTicket, type DecoderDialect } from './escpos-decoder';

/**
 * A network receipt printer on 127.0.0.1 (a JetDirect-style raw port, like port 9100 of an Epson TM-T20):
 * it keeps every job it receives, byte for byte, and reads it back as text. It can be told to misbehave the
 * ways real printers do: be off (`down`), answer and hang up (`refuse`), hang up mid-job (`drop`), take its
 * time (`slow`) or run out of paper (`paper-out`). A mode may last for a number of connections only.
 */
export type VirtualPrinterMode = 'ok' | 'down' | 'refuse' | 'drop' | 'slow' | 'paper-out';

export interface ModeOptions {
  /** Connections the mode lasts for before the printer is `ok` again (default: until told otherwise). */
  times?: number;
  /** `drop`: bytes read before hanging up (default 256). */
  afterBytes?: number;
  /** `slow`: pause after each chunk read, in ms (default 200), and chunk size in bytes (default 256). */
  delayMs?: number;
  chunkBytes?: number;
  /** Answer status requests (DLE EOT) this late, in ms; `null`: never answer them, as some models do not. */
  statusDelayMs?: number | null;
}

export interface ReceivedJob {
  seq: number;
  at: string;
  bytes: Buffer;
  decoded: DecodedTicket;
  /** The whole job arrived: it ends with a cut and the connection ended normally. */
  complete: boolean;
  /** Paper was out: the printer took the bytes but printed nothing. */
  discarded: boolean;
  /** The `Impresión XXXXXXXXXXXX` mark our layouts print, and the resend number (0 for a first send). */
  jobMark: string | null;
  resend: number;
  modeAtReceipt: VirtualPrinterMode;
}

export interface VirtualPrinter {
  readonly port: number;
  readonly interface: string;
  mode(): VirtualPrinterMode;
  setMode(mode: VirtualPrinterMode, options?: ModeOptions): Promise<void>;
  jobs(): ReceivedJob[];
  /** Connections that sent nothing printable (status probes). */
  probes(): number;
  clear(): void;
  /** Resolves when `count` jobs (complete or not) have been received, or rejects after `timeoutMs`. */
  waitForJobs(count: number, timeoutMs?: number): Promise<ReceivedJob[]>;
  onJob(listener: (job: ReceivedJob) => void): () => void;
  close(): Promise<void>;
}

const STATUS_OK = 0x12;
const STATUS_PAPER_END = 0x72;

function markOf(decoded: DecodedTicket): { jobMark: string | null; resend: number } {
  let jobMark: string | null = null;
  let resend = 0;
  for (const line of decoded.text) {
    const mark = /Impresión ([0-9A-F]{12})/.exec(line);
    if (mark) jobMark = mark[1] ?? null;
    const again = /REENVIO (\d+)/.exec(line);
    if (again) resend = Number(again[1]);
  }
  return { jobMark, resend };
}

export async function startVirtualPrinter(options: { port?: number; dialect?: DecoderDialect } = {}): Promise<VirtualPrinter> {
  const received: ReceivedJob[] = [];
  const events = new EventEmitter();
  const sockets = new Set<net.Socket>();
  let probeCount = 0;
  let seq = 0;
  let current: VirtualPrinterMode = 'ok';
  let modeOptions: ModeOptions = {};
  let remaining = Infinity;
  let listening = false;

  const server = net.createServer({ noDelay: true }, (socket) => handle(socket));
  server.on('error', () => undefined);

  function listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
        server.off('error', reject);
        listening = true;
        resolve();
      });
    });
  }
  function stopListening(): Promise<void> {
    if (!listening) return Promise.resolve();
    listening = false;
    return new Promise((resolve) => server.close(() => resolve()));
  }

  /** The mode for a new connection; a mode with `times` wears off. */
  function takeMode(): VirtualPrinterMode {
    const mode = current;
    if (mode !== 'ok' && mode !== 'down' && --remaining <= 0) {
      current = 'ok';
      remaining = Infinity;
    }
    return mode;
  }

  function handle(socket: net.Socket): void {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const mode = takeMode();
    if (mode === 'refuse' || mode === 'down') {
      socket.resetAndDestroy();
      return;
    }
    const chunks: Buffer[] = [];
    let total = 0;
    let recorded = false;
    const record = (endedNormally: boolean) => {
      if (recorded) return;
      recorded = true;
      const bytes = Buffer.concat(chunks);
      const decoded = decodeEscPos(bytes, options.dialect ?? 'auto');
      const printable = decoded.text.some((line) => line.length > 0) || decoded.cuts > 0 || decoded.qrCodes.length > 0;
      if (!printable) {
        probeCount += 1;
        return;
      }
      const job: ReceivedJob = {
        seq: ++seq,
        at: new Date().toISOString(),
        bytes,
        decoded,
        complete: endedNormally && decoded.endsWithCut && mode !== 'paper-out',
        discarded: mode === 'paper-out',
        ...markOf(decoded),
        modeAtReceipt: mode,
      };
      received.push(job);
      events.emit('job', job);
    };

    socket.on('data', (chunk: Buffer) => {
      // A status request at the start of the stream (DLE EOT n) is answered at once, as a real printer does.
      if (total === 0 && chunk[0] === 0x10 && chunk[1] === 0x04 && modeOptions.statusDelayMs !== null) {
        const answer = Buffer.from([mode === 'paper-out' ? STATUS_PAPER_END : STATUS_OK]);
        const delay = modeOptions.statusDelayMs ?? 0;
        if (delay > 0) setTimeout(() => socket.writable && socket.write(answer), delay);
        else socket.write(answer);
      }
      if (mode === 'drop') {
        const limit = modeOptions.afterBytes ?? 256;
        const room = limit - total;
        if (chunk.length >= room) {
          chunks.push(chunk.subarray(0, Math.max(0, room)));
          total += Math.max(0, room);
          record(false);
          socket.resetAndDestroy();
          return;
        }
      }
      chunks.push(chunk);
      total += chunk.length;
      if (mode === 'slow') {
        // Paper moves at its own pace: the pause grows with what arrived, like a printer's full input buffer.
        const pieces = Math.ceil(chunk.length / (modeOptions.chunkBytes ?? 256));
        socket.pause();
        setTimeout(() => socket.resume(), pieces * (modeOptions.delayMs ?? 200));
      }
    });
    socket.on('end', () => {
      record(true);
      socket.end();
    });
    socket.on('close', () => record(false));
  }

  await listen(options.port ?? 0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    interface: `tcp://127.0.0.1:${port}`,
    mode: () => current,
    async setMode(mode, opts = {}) {
      current = mode;
      modeOptions = opts;
      remaining = opts.times ?? Infinity;
      if (mode === 'down') {
        await stopListening();
        for (const socket of sockets) socket.resetAndDestroy();
      } else if (!listening) {
        await listen(port);
      }
    },
    jobs: () => [...received],
    probes: () => probeCount,
    clear() {
      received.length = 0;
      probeCount = 0;
    },
    waitForJobs(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        if (received.length >= count) return resolve([...received]);
        const timer = setTimeout(() => {
          events.off('job', check);
          reject(new Error(`virtual printer got ${received.length} of ${count} jobs in ${timeoutMs} ms`));
        }, timeoutMs);
        function check() {
          if (received.length >= count) {
            clearTimeout(timer);
            events.off('job', check);
            resolve([...received]);
          }
        }
        events.on('job', check);
      });
    },
    onJob(listener) {
      events.on('job', listener);
      return () => events.off('job', listener);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await stopListening();
    },
  };
}
