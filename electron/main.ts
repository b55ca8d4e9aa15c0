import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { loadConfig } from '../main/config/load';
import { createApp, type App } from '../main/app';
import { bindIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_ORIGIN, denyPermissions, hardenWebContents, navigation } from './security';
import { ELECTRON_PSE_RETURN_URL, resultScreenUrl, returnedOrderId } from './payment-return';

// The Electron shell only: lifecycle, the kiosk window, the security policy and the IPC binding.
registerAppScheme();
hardenWebContents((url, contents) => {
  const orderId = returnedOrderId(url);
  if (orderId === undefined) return false;
  // Back from the bank: ask the gateway (never trust the URL's claims), then show the result screen.
  const asked = orderId && core ? core.payments.handleReturn(orderId) : Promise.resolve(null);
  void asked
    .catch(() => null)
    .then((found) => contents.loadURL(resultScreenUrl(found?.reference)));
  return true;
});

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
      // Middle-click would open links in new windows; the window-open handler denies, this removes the path.
      disableBlinkFeatures: 'Auxclick',
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
  // Set only by the demo launcher (scripts/start.ts): the simulator's address and the demo terminal.
  const demo = process.env.PES_DEMO_BASE ? (JSON.parse(process.env.PES_DEMO_BASE) as unknown) : undefined;
  try {
    core = createApp(loadConfig({ base: demo }));
  } catch (error) {
    // A bad terminal file or a database from a newer version: say so on screen and stop, touching nothing.
    dialog.showErrorBox('Pagos Express no pudo iniciar', `Solicite ayuda al técnico de la sede.\n\n${(error as Error).message}`);
    app.exit(1);
    return;
  }
  denyPermissions();
  serveRenderer(join(__dirname, '..', 'renderer'));
  core.setPseReturnUrl(ELECTRON_PSE_RETURN_URL);
  const gatewayOrigin = core.config.gateway.baseUrl;
  const bankOrigins = core.config.gateway.bankOrigins;
  bindIpc(core.api, (method, data) => {
    // A payment leaves the app for the gateway and the banks only: open exactly those origins until it is back.
    if (method !== 'payments.start') return;
    navigation.allow(gatewayOrigin);
    for (const origin of bankOrigins) navigation.allow(origin);
    const redirect = (data as { redirectUrl?: unknown }).redirectUrl;
    if (typeof redirect === 'string') navigation.allow(redirect);
  });
  mainWindow = createWindow();
});
