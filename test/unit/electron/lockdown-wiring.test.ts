import { describe, expect, it, vi } from 'vitest';
import { until } from '../../support/until';

/**
 * The lock-down's wiring to Electron (electron/lockdown.ts), with a stand-in for the `electron` package (the
 * binary cannot run here): what the app asks of Electron when a person's session ends and when the page dies.
 */
const calls: { what: string; facts?: unknown }[] = [];
type Listener = (...args: unknown[]) => void;
function emitter(who: string) {
  const listeners = new Map<string, Listener[]>();
  return {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      calls.push({ what: `${who}.on`, facts: event });
    },
    emit(event: string, ...args: unknown[]) {
      for (const listener of listeners.get(event) ?? []) listener(...args);
    },
  };
}
const fakeSession = {
  ...emitter('session'),
  clearStorageData: (options: unknown) => {
    calls.push({ what: 'clearStorageData', facts: options });
    return Promise.resolve();
  },
  clearCache: () => {
    calls.push({ what: 'clearCache' });
    return Promise.resolve();
  },
};
vi.mock('electron', () => ({
  app: { isPackaged: true, on: () => undefined },
  Menu: { setApplicationMenu: (menu: unknown) => calls.push({ what: 'setApplicationMenu', facts: menu }) },
  session: { defaultSession: fakeSession },
}));

const { keepRendererAlive, returnWhenPersonEnds } = await import('../../../electron/lockdown');

function fakeWindow(url: string) {
  const contents = {
    ...emitter('webContents'),
    url,
    getURL: () => contents.url,
    forcefullyCrashRenderer: () => calls.push({ what: 'crash' }),
  };
  const win = {
    ...emitter('window'),
    webContents: contents,
    isDestroyed: () => false,
    loadURL: (next: string) => {
      calls.push({ what: 'loadURL', facts: next });
      contents.url = next;
      return Promise.resolve();
    },
  };
  return win;
}

describe('kiosk lock-down wiring', () => {
  it('takes the window back from the bank to Ingreso and clears storage when the person leaves', async () => {
    calls.length = 0;
    const win = fakeWindow('https://banco.example/pse/autorizar');
    let personEnds: (() => void) | undefined;
    returnWhenPersonEnds(
      win as never,
      (listener) => (personEnds = listener),
      () => undefined,
    );
    expect(personEnds).toBeDefined();
    personEnds!();
    await until(
      async () => calls.length,
      (n) => n >= 3,
    );
    expect(calls).toEqual(
      expect.arrayContaining([
        { what: 'loadURL', facts: 'app://renderer/index.html#/' },
        { what: 'clearStorageData', facts: { storages: expect.arrayContaining(['cookies', 'localstorage']) } },
        { what: 'clearCache' },
      ]),
    );
  });

  it('reloads a crashed page, and ends a hung one first', async () => {
    calls.length = 0;
    const win = fakeWindow('app://renderer/index.html#/menu');
    keepRendererAlive(
      win as never,
      () => 'app://renderer/index.html',
      () => undefined,
    );
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    win.emit('unresponsive');
    await until(
      async () => calls.filter((call) => call.what === 'loadURL').length,
      (n) => n >= 2,
    );
    expect(calls.filter((call) => call.what === 'loadURL')).toEqual([
      { what: 'loadURL', facts: 'app://renderer/index.html' },
      { what: 'loadURL', facts: 'app://renderer/index.html' },
    ]);
    expect(calls.filter((call) => call.what === 'crash')).toHaveLength(1);
  });
});
