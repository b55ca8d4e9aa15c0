import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { loadConfig } from '../main/config/load';
import { createApp, type App } from '../main/app';
import { bindIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_ORIGIN, denyPermissions, hardenWebContents } from './security';

// The Electron shell only: lifecycle, the kiosk window, the security policy and the IPC binding.
registerAppScheme();
hardenWebContents();

if (!app.requestSingleInstanceLock()) app.quit();

let core: App | undefined;
let mainWindow: BrowserWindow | undefined;

function createWindow(): BrowserWindow {
  const kiosk = core?.config.terminal.role === 'kiosk';
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => void core?.close());

void app.whenReady().then(() => {
  const demo = process.env.PES_DEMO_OVERRIDES ? (JSON.parse(process.env.PES_DEMO_OVERRIDES) as unknown) : undefined;
  core = createApp(loadConfig({ overrides: demo }));
  denyPermissions();
  serveRenderer(join(__dirname, '..', 'renderer'));
  bindIpc(core.api);
  mainWindow = createWindow();
});
