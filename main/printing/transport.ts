import type { PrinterKind } from './ticket';

/** How bytes reach a printer. One job's bytes go in one `send`; a failed send is retried whole. */
export interface PrinterTransport {
  /** A label safe to show on the status screen (host:port, printer name or device path). */
  readonly label: string;
  /** Resolves once every byte was handed to the printer; rejects with a PrintError. */
  send(bytes: Buffer): Promise<void>;
  /** Whether the printer answers now (a connection, a device node that can be written, a driver's printer). */
  probe(): Promise<ProbeResult>;
}

export interface ProbeResult {
  reachable: boolean;
  /** Paper state when the printer told us (Epson over TCP answers DLE EOT 4). */
  paper?: 'ok' | 'near-end' | 'out';
  error?: string;
}

export interface TransportSettings {
  type: PrinterKind;
  timeoutMs: number;
}

export type ParsedInterface =
  { kind: 'none' } | { kind: 'tcp'; host: string; port: number } | { kind: 'driver'; name: string } | { kind: 'device'; path: string };

/** `tcp://host:port` (port 9100 by default), `printer:Name`, a device path, or empty for none. */
export function parseInterface(uri: string): ParsedInterface {
  const trimmed = uri.trim();
  if (trimmed === '') return { kind: 'none' };
  const tcp = /^tcp:\/\/(\[[0-9a-f:]+\]|[^/:[\]]+)(?::(\d{1,5}))?\/?$/i.exec(trimmed);
  if (tcp) {
    const port = tcp[2] ? Number(tcp[2]) : 9100;
    if (port < 1 || port > 65535) throw new RangeError(`printer port out of range: ${port}`);
    return { kind: 'tcp', host: (tcp[1] ?? '').replace(/^\[|\]$/g, ''), port };
  }
  if (/^tcp:/i.test(trimmed)) throw new RangeError('printer interface must be tcp://host:port');
  const driver = /^printer:(.+)$/i.exec(trimmed);
  if (driver) return { kind: 'driver', name: (driver[1] ?? '').trim() };
  return { kind: 'device', path: trimmed };
}
