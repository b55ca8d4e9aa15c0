import { constants } from 'node:fs';
import { access, open } from 'node:fs/promises';
import { PrintError } from './errors';
import type { PrinterTransport, TransportSettings } from './transport';

/**
 * A printer seen as a device node (`/dev/usb/lp0`, `/dev/ttyUSB0`, a Windows share path): the bytes are
 * written to it in one go. A write that does not finish within the time-out fails the attempt as partial.
 */
export function createDeviceTransport(path: string, settings: TransportSettings): PrinterTransport {
  return {
    label: path,
    async send(bytes) {
      let handle;
      try {
        handle = await open(path, constants.O_WRONLY | constants.O_APPEND);
      } catch (error) {
        throw new PrintError('unreachable', `${(error as NodeJS.ErrnoException).code ?? 'open failed'} ${path}`);
      }
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_resolve, reject) => {
          timer = setTimeout(
            () => reject(new PrintError('timeout', `device write took over ${settings.timeoutMs} ms`, true)),
            settings.timeoutMs,
          );
        });
        await Promise.race([handle.writeFile(bytes), timeout]);
      } catch (error) {
        if (error instanceof PrintError) throw error;
        throw new PrintError('interrupted', `${(error as NodeJS.ErrnoException).code ?? 'write failed'} ${path}`, true);
      } finally {
        if (timer) clearTimeout(timer);
        await handle.close().catch(() => undefined);
      }
    },
    async probe() {
      try {
        await access(path, constants.W_OK);
        return { reachable: true };
      } catch (error) {
        return { reachable: false, error: (error as NodeJS.ErrnoException).code ?? 'unreachable' };
      }
    },
  };
}
