/**
 * A small fake of the `electron` module for the boot test: it records every request the app makes of it as
 * JSON lines (FAKE_ELECTRON_RECORD), plays Electron's part of the start (ready, web contents created), and then
 * runs the calls listed in FAKE_ELECTRON_CALLS through the registered IPC handlers, a download and a renderer
 * crash, as a page and Electron would. Only what electron/ uses is here.
 */
import { appendFileSync } from 'node:fs';
import { until } from '../until';

type Listener = (...args: unknown[]) => unknown;
type Facts = Record<string, unknown>;

const env = process.env;
function record(kind: string, facts: Facts = {}): void {
  appendFileSync(env.FAKE_ELECTRON_RECORD ?? '/dev/null', `${JSON.stringify({ kind, ...facts })}\n`);
}

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  constructor(private readonly who: string) {}
  on(event: string, listener: Listener): this {
    record(`${this.who}.on`, { event });
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

class FakeApp extends Emitter {
  readonly isPackaged = env.FAKE_ELECTRON_PACKAGED === '1';
  constructor() {
    super('app');
  }
  getPath(name: string): string {
    record('app.getPath', { name });
    return env.FAKE_ELECTRON_USER_DATA ?? '';
  }
  requestSingleInstanceLock(): boolean {
    const granted = env.FAKE_ELECTRON_LOCK !== 'refused';
    record('app.requestSingleInstanceLock', { granted });
    return granted;
  }
  whenReady(): Promise<void> {
    record('app.whenReady');
    // Electron's part: ready comes a moment later, never at once (not a wait for anything).
    return new Promise((resolve) => setTimeout(resolve, 20));
  }
  quit(): void {
    record('app.quit');
    // Electron's part: the process ends after the quit's events, not inside the call.
    setTimeout(() => process.exit(0), 50);
  }
  exit(code: number): void {
    record('app.exit', { code });
    process.exit(code);
  }
  setLoginItemSettings(settings: Facts): void {
    record('app.setLoginItemSettings', { settings });
  }
}
export const app = new FakeApp();

class FakeWebContents extends Emitter {
  url = '';
  constructor() {
    super('webContents');
  }
  getURL(): string {
    return this.url;
  }
  setWindowOpenHandler(): void {
    record('webContents.setWindowOpenHandler');
  }
  closeDevTools(): void {
    record('webContents.closeDevTools');
  }
  forcefullyCrashRenderer(): void {
    record('webContents.forcefullyCrashRenderer');
  }
  loadURL(url: string): Promise<void> {
    record('webContents.loadURL', { url });
    this.url = url;
    return Promise.resolve();
  }
}

let windows = 0;
let windowLoads = 0;
export class BrowserWindow extends Emitter {
  readonly webContents = new FakeWebContents();
  constructor(options: Facts) {
    super('BrowserWindow');
    record('BrowserWindow.new', { options });
    app.emit('web-contents-created', {}, this.webContents);
    windows += 1;
    // Electron's part: the page starts calling a moment after its window exists.
    if (windows === 1) setTimeout(() => void drive(this), 200);
  }
  loadURL(url: string): Promise<void> {
    windowLoads += 1;
    record('BrowserWindow.loadURL', { url });
    this.webContents.url = url;
    return Promise.resolve();
  }
  setKiosk(flag: boolean): void {
    record('BrowserWindow.setKiosk', { flag });
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  show(): void {}
}

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown): void {
    record('protocol.registerSchemesAsPrivileged', { schemes });
  },
  handle(scheme: string): void {
    record('protocol.handle', { scheme });
  },
};

export const net = { fetch: () => Promise.reject(new Error('net.fetch is not faked')) };

const handlers = new Map<string, Listener>();
export const ipcMain = {
  handle(channel: string, handler: Listener): void {
    record('ipcMain.handle', { channel });
    handlers.set(channel, handler);
  },
};

class FakeSession extends Emitter {
  constructor() {
    super('session');
  }
  setPermissionRequestHandler(): void {
    record('session.setPermissionRequestHandler');
  }
  setPermissionCheckHandler(): void {
    record('session.setPermissionCheckHandler');
  }
  clearStorageData(options: Facts): Promise<void> {
    record('session.clearStorageData', { options });
    return Promise.resolve();
  }
  clearCache(): Promise<void> {
    return Promise.resolve();
  }
}
export const session = { defaultSession: new FakeSession() };

const SEAL = 'FAKE-SEALED:';
export const safeStorage = {
  isEncryptionAvailable: () => env.FAKE_ELECTRON_SAFE_STORAGE !== 'none',
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text: string) => Buffer.from(SEAL + Buffer.from(text).toString('hex')),
  decryptString: (sealed: Buffer) => Buffer.from(sealed.toString().slice(SEAL.length), 'hex').toString(),
};

export const Menu = {
  setApplicationMenu(menu: unknown): void {
    record('Menu.setApplicationMenu', { menu });
  },
};

export const dialog = {
  showErrorBox(title: string, content: string): void {
    record('dialog.showErrorBox', { title, content });
  },
};

export const contextBridge = { exposeInMainWorld: () => undefined };
export const ipcRenderer = { invoke: () => Promise.resolve(undefined) };

interface Call {
  /** An IPC channel to invoke; without one, the step only moves the window (`navigateTo`). */
  channel?: string;
  /** `"$SMS_CODE"` as a value stands for the last code in the simulator's SMS inbox (FAKE_ELECTRON_SMS_URL). */
  input?: Record<string, unknown>;
  /** The calling frame's URL: the app page by default. */
  frameUrl?: string;
  /** Where the window is before the call (e.g. a bank's page, as after a payment's redirect). */
  navigateTo?: string;
}

async function withSmsCode(input: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (!Object.values(input).includes('$SMS_CODE')) return input;
  const inbox = (await (await fetch(env.FAKE_ELECTRON_SMS_URL ?? '')).json()) as { code: string }[];
  const code = inbox.at(-1)?.code;
  return Object.fromEntries(Object.entries(input).map(([key, value]) => [key, value === '$SMS_CODE' ? code : value]));
}

/** What a page and Electron would do once the window is up; then the app is told to quit. */
async function drive(win: BrowserWindow): Promise<void> {
  const calls = JSON.parse(env.FAKE_ELECTRON_CALLS ?? '[]') as Call[];
  for (const call of calls) {
    if (call.navigateTo) win.webContents.url = call.navigateTo;
    if (!call.channel) continue;
    const handler = handlers.get(call.channel);
    const event = { senderFrame: { url: call.frameUrl ?? 'app://renderer/index.html', parent: null } };
    const result = handler ? await handler(event, await withSmsCode(call.input ?? {})) : { missing: true };
    record('ipc.result', { channel: call.channel, frameUrl: call.frameUrl, result });
    // A page's pace between two calls (the scenario), not a wait for anything.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const item = { cancel: () => record('download.cancel'), getURL: () => 'https://banco.example/extracto.pdf' };
  session.defaultSession.emit('will-download', { preventDefault: () => record('download.preventDefault') }, item, win.webContents);
  const loadsBefore = windowLoads;
  win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
  // The app's answer to the crash: the page loaded again (recorded for the test to check).
  await until(
    async () => windowLoads,
    (loads) => loads > loadsBefore,
    5_000,
  );
  record('drive.done');
  app.emit('will-quit', { preventDefault: () => undefined });
  // Electron's part: the process ends after will-quit's listeners ran.
  setTimeout(() => process.exit(0), 500);
}
