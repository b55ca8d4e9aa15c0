import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { loadConfig } from '../main/config/load';
import { electronPlaces, type Places } from '../main/config/places';
import { loadInstalledConfig } from '../main/config/installed';
import type { Config } from '../main/config/schema';
import { defaultConfig } from '../main/config/defaults';
import { createApp, type App } from '../main/app';
import type { Dispatcher } from '../main/api/dispatcher';
import { createLogger, type Logger } from '../main/log/logger';
import { rollingLogFile } from '../main/log/file';
import { createEnrolmentService } from '../main/enrolment/service';
import { createEnrolmentApi } from '../main/enrolment/handlers';
import { TERMINAL_SECRET } from '../main/security/secret-store';
import { bindIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_ORIGIN, denyPermissions, hardenWebContents, navigation } from './security';
import { ELECTRON_PSE_RETURN_URL, resultScreenUrl, returnedOrderId } from './payment-return';
import { keepRendererAlive, lockDownApp, returnWhenPersonEnds, type ShellLog } from './lockdown';
import { createShellSecretStore } from './secrets';
import type { SecretStore } from '../main/secrets/secret-store';
import { applyStartWithMachine } from './startup';
import { scheduleUpdates } from './updates';

// The Electron shell only: lifecycle, the kiosk window, the security policy and the IPC binding.
const HOME_URL = `${APP_ORIGIN}/index.html`;
const ENROLMENT_URL = `${APP_ORIGIN}/index.html#/enrolamiento`;

let core: App | undefined;
let mainWindow: BrowserWindow | undefined;
let logger: Logger | undefined;
const log: ShellLog = (message, facts = {}) => logger?.info({ module: 'shell', ...facts }, message);

/** Whatever answers the IPC: the enrolment API until the terminal is enrolled, then the core's. */
let answering: Dispatcher | undefined;
const api: Dispatcher = {
  dispatch: (method, input, ctx) =>
    answering
      ? answering.dispatch(method, input, ctx)
      : Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'starting' } }),
};

function failToStart(error: unknown): void {
  // A bad terminal file or a database from a newer version: say so on screen and stop, touching nothing.
  logger?.error({ err: error }, 'start failed');
  dialog.showErrorBox('Pagos Express no pudo iniciar', `Solicite ayuda al técnico de la sede.\n\n${(error as Error).message}`);
  // The log file is written synchronously (main/log/file.ts), so this line is on disk before the exit.
  app.exit(1);
}

async function shellLogger(config: Pick<Config, 'log'>): Promise<Logger> {
  const { dir, level } = config.log;
  return createLogger({ level, destination: dir ? await rollingLogFile(dir, config.log) : undefined });
}

/**
 * The configuration to run with: the demo launcher's (only in an unpackaged run: `npm start` sets
 * PES_DEMO_BASE), otherwise the installed terminal's, or none yet (enrolment).
 */
function configuration(places: Places, secrets: ReturnType<typeof createShellSecretStore>): Config | undefined {
  const demo = !app.isPackaged && process.env.PES_DEMO_BASE ? (JSON.parse(process.env.PES_DEMO_BASE) as unknown) : undefined;
  if (demo !== undefined) return loadConfig({ base: demo });
  const start = loadInstalledConfig({
    places,
    platform: process.platform,
    env: process.env,
    readSecret: () => secrets.get(TERMINAL_SECRET)?.toString('utf8'),
  });
  return start.kind === 'ready' ? start.config : undefined;
}

function startCore(config: Config, secrets: SecretStore): App {
  // The PIN pepper too is sealed by the OS (safeStorage), not kept in a key file beside the database.
  const started = createApp(config, { logger, secrets });
  started.setPseReturnUrl(ELECTRON_PSE_RETURN_URL);
  answering = started.api;
  applyStartWithMachine(config.startup.withMachine, log);
  void scheduleUpdates(started, log).catch((error: unknown) => log('updates not scheduled', { error: String(error) }));
  return started;
}

function createWindow(url: string, kiosk: boolean): BrowserWindow {
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
      devTools: !app.isPackaged,
      // Middle-click would open links in new windows; the window-open handler denies, this removes the path.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  keepRendererAlive(win, () => (core ? HOME_URL : ENROLMENT_URL), log);
  return win;
}

async function ready(): Promise<void> {
  const places = electronPlaces({ platform: process.platform, env: process.env, userData: app.getPath('userData') });
  const secrets = createShellSecretStore(places.secretsDir);
  let config: Config | undefined;
  try {
    config = configuration(places, secrets);
    logger = await shellLogger(config ?? { log: { ...defaultConfig.log, dir: places.logsDir } });
    if (config) core = startCore(config, secrets);
  } catch (error) {
    // The técnico reads why in the logs folder too, even when the terminal file named no log settings.
    logger ??= await shellLogger({ log: { ...defaultConfig.log, dir: places.logsDir } }).catch(() => undefined);
    failToStart(error);
    return;
  }
  lockDownApp(log);
  denyPermissions();
  serveRenderer(join(__dirname, '..', 'renderer'));
  bindIpc(api, (method, data) => {
    // A payment leaves the app for the gateway and the banks only: open exactly those origins until it is back.
    if (method !== 'payments.start' || !core) return;
    navigation.allow(core.config.gateway.baseUrl);
    for (const origin of core.config.gateway.bankOrigins) navigation.allow(origin);
    const redirect = (data as { redirectUrl?: unknown }).redirectUrl;
    if (typeof redirect === 'string') navigation.allow(redirect);
  });
  if (core) {
    mainWindow = createWindow(HOME_URL, core.config.terminal.role === 'kiosk');
    returnWhenPersonEnds(mainWindow, (listener) => core?.sessions.onPersonEnd(listener), log);
    return;
  }
  // First start: the técnico's enrolment screen; once enrolled, the core starts and the window shows the app.
  log('terminal not enrolled: showing the enrolment screen', { terminalFile: places.userTerminalFile });
  const service = createEnrolmentService({ terminalFile: places.userTerminalFile, secrets, logger: logger ?? createLogger() });
  answering = createEnrolmentApi({
    service,
    logger: logger ?? createLogger(),
    onEnrolled: () => {
      try {
        const enrolled = configuration(places, secrets);
        if (!enrolled) throw new Error('enrolment wrote no usable terminal file');
        core = startCore(enrolled, secrets);
      } catch (error) {
        failToStart(error);
        return;
      }
      const win = mainWindow;
      if (!win) return;
      returnWhenPersonEnds(win, (listener) => core?.sessions.onPersonEnd(listener), log);
      win.setKiosk(core.config.terminal.role === 'kiosk');
      void win.loadURL(HOME_URL);
    },
  });
  mainWindow = createWindow(ENROLMENT_URL, true);
}

// One instance only: a second start (a double click on the shortcut) focuses the first and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  hardenWebContents((url, contents) => {
    const orderId = returnedOrderId(url);
    if (orderId === undefined) return false;
    // Back from the bank: ask the gateway (never trust the URL's claims), then show the result screen.
    const asked = orderId && core ? core.payments.handleReturn(orderId) : Promise.resolve(null);
    void asked.catch(() => null).then((found) => contents.loadURL(resultScreenUrl(found?.reference)));
    return true;
  });
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void core?.close());
  void app.whenReady().then(ready);
}
