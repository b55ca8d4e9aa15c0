import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Dispatcher } from '../main/api/dispatcher';
import { methodNames } from '../main/api/contract';
import { channelOf } from './channels';
import { APP_ORIGIN } from './navigation';

function fromOurPage(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Told of every successful call, so the shell can follow what the core decided (a payment's redirect). */
export type CallObserver = (method: string, data: unknown) => void;

/** One handler per KioskApi method; a call from any frame but our top-level page is refused. */
export function bindIpc(api: Dispatcher, observe: CallObserver = () => undefined): void {
  for (const method of methodNames) {
    ipcMain.handle(channelOf(method), async (event, input: unknown) => {
      if (!fromOurPage(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'caller is not the app page' } };
      const envelope = await api.dispatch(method, input, { transport: 'ipc' });
      if (envelope.ok) observe(method, envelope.data);
      return envelope;
    });
  }
}
