import { createDeviceTransport } from './device-transport';
import { createDriverTransport } from './driver-transport';
import { createTcpTransport } from './tcp-transport';
import { parseInterface, type PrinterTransport, type TransportSettings } from './transport';

/** The adapter for a configured interface; null when the terminal has no thermal printer (screen only). */
export function createTransport(uri: string, settings: TransportSettings): PrinterTransport | null {
  const parsed = parseInterface(uri);
  switch (parsed.kind) {
    case 'none':
      return null;
    case 'tcp':
      return createTcpTransport(parsed.host, parsed.port, settings);
    case 'driver':
      return createDriverTransport(parsed.name, settings);
    case 'device':
      return createDeviceTransport(parsed.path, settings);
  }
}
