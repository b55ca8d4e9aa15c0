import { app, Menu, session, type BrowserWindow, type WebContents } from 'electron';
import { devToolsAllowed } from './policy/devtools';
import { refuseDownload } from './policy/downloads';
import { afterPersonEnd } from './policy/person-end';
import { recoveryFor, type RendererTrouble } from './policy/renderer-recovery';

/** Where the shell reports what it refused or recovered (the core's logger). */
export type ShellLog = (message: string, facts?: Record<string, unknown>) => void;

/**
 * The kiosk lock-down: no menu, no DevTools in packaged builds, no downloads. Each decision is a pure policy in
 * ./policy (tested under Node); this module only hooks them to Electron.
 */
export function lockDownApp(log: ShellLog): void {
  Menu.setApplicationMenu(null);
  session.defaultSession.on('will-download', (event, item) => {
    log('download refused', { origin: refuseDownload(event, item) });
  });
  const devTools = devToolsAllowed(app);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    if (!devTools) contents.on('devtools-opened', () => contents.closeDevTools());
  });
}

/** A crashed or hung page is loaded again at the current home (app or enrolment), with a back-off when it keeps crashing. */
export function keepRendererAlive(win: BrowserWindow, homeUrl: () => string, log: ShellLog): void {
  const reloads: number[] = [];
  const recover = (trouble: RendererTrouble) => {
    const decision = recoveryFor(trouble, reloads, Date.now());
    log('renderer trouble', { trouble: trouble.kind, action: decision.action });
    if (decision.action === 'none') return;
    reloads.push(Date.now());
    if (reloads.length > 10) reloads.shift();
    if (decision.crashFirst) win.webContents.forcefullyCrashRenderer();
    setTimeout(() => {
      if (!win.isDestroyed()) void win.loadURL(homeUrl()).catch(() => undefined);
    }, decision.delayMs);
  };
  win.webContents.on('render-process-gone', (_event, details) => recover({ kind: 'gone', reason: details.reason }));
  win.on('unresponsive', () => recover({ kind: 'unresponsive' }));
}

/** When a person's session ends: back to the app from wherever the window is, and that person's storage wiped. */
export function returnWhenPersonEnds(win: BrowserWindow, onPersonEnd: (listener: () => void) => unknown, log: ShellLog): void {
  onPersonEnd(() => {
    if (win.isDestroyed()) return;
    const decision = afterPersonEnd(win.webContents.getURL());
    if (decision.loadUrl) void win.loadURL(decision.loadUrl).catch(() => undefined);
    void session.defaultSession
      .clearStorageData({ storages: [...decision.clearStorages] })
      .then(() => session.defaultSession.clearCache())
      .catch((error: unknown) => log('clearing storage failed', { error: String(error) }));
  });
}
