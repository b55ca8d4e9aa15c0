import { createRequire } from 'node:module';
import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { PrintError } from './errors';
import type { PrinterTransport, TransportSettings } from './transport';

/** The native modules node-thermal-printer can print through by printer name (one must be installed). */
const DRIVER_MODULES = ['printer', '@thiagoelg/node-printer', '@grandchef/node-printer'];

interface PrinterDriver {
  getPrinter(name: string): { status?: string[] } | undefined;
  printDirect(options: unknown): void;
}

function loadDriver(): PrinterDriver | null {
  const require = createRequire(import.meta.url);
  for (const name of DRIVER_MODULES) {
    try {
      return require(name) as PrinterDriver;
    } catch {
      // not installed: try the next one
    }
  }
  return null;
}

/**
 * `printer:Name`: the operating system's printer of that name, in RAW mode, through node-thermal-printer's
 * driver interface. Needs one of DRIVER_MODULES; without it every job fails at once as `driver-missing`.
 */
export function createDriverTransport(
  name: string,
  settings: TransportSettings,
  driver: PrinterDriver | null = loadDriver(),
): PrinterTransport {
  return {
    label: `printer:${name}`,
    async send(bytes) {
      if (!driver) throw new PrintError('driver-missing', `no printer driver module installed (${DRIVER_MODULES.join(', ')})`);
      const printer = new ThermalPrinter({
        type: settings.type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
        interface: `printer:${name}`,
        driver,
        options: { timeout: settings.timeoutMs },
      });
      printer.setBuffer(bytes);
      try {
        await printer.execute();
      } catch (error) {
        throw new PrintError('unreachable', `driver refused the job: ${String(error).slice(0, 120)}`, true);
      }
    },
    async probe() {
      if (!driver) return { reachable: false, error: 'driver-missing' };
      try {
        const found = driver.getPrinter(name);
        const reachable = !!found && !(found.status ?? []).some((s) => s.includes('NOT-AVAILABLE'));
        return { reachable };
      } catch {
        return { reachable: false, error: 'unreachable' };
      }
    },
  };
}
