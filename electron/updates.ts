import type { App } from '../main/app';
import { INSTALL_RETRY_MS, mayInstallUpdate, nextQuietCheck } from '../main/install/update-policy';
import type { ShellLog } from './lockdown';

/**
 * Updates from the sede's generic feed (`updates.feedUrl`, a folder with latest.yml and the installers that
 * electron-builder's `publish: generic` produces). Checked once a day at the quiet hour; a downloaded version
 * is installed only when the update policy says nobody is at the terminal. No feed URL: nothing runs.
 */
export async function scheduleUpdates(core: App, log: ShellLog): Promise<void> {
  const { feedUrl, quietHour } = core.config.updates;
  if (!feedUrl) return;
  const { autoUpdater } = await import('electron-updater');
  autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;

  const activity = () => ({
    personSignedIn: core.sessions.currentPerson() !== null,
    operatorSignedIn: core.sessions.currentOperator() !== null,
    openPayments: core.payments.unresolved().count,
  });
  const installWhenIdle = (version: string) => {
    const decision = mayInstallUpdate(activity());
    if (decision.install) {
      log('installing update', { version });
      autoUpdater.quitAndInstall(true, true);
      return;
    }
    log('update waits', { version, reason: decision.reason });
    setTimeout(() => installWhenIdle(version), INSTALL_RETRY_MS).unref();
  };
  autoUpdater.on('update-downloaded', (info: { version: string }) => installWhenIdle(info.version));
  autoUpdater.on('error', (error: Error) => log('update failed', { error: error.message }));

  const checkAtQuietHour = () => {
    const at = nextQuietCheck(new Date(), quietHour);
    setTimeout(() => {
      void autoUpdater.checkForUpdates().catch((error: unknown) => log('update check failed', { error: String(error) }));
      checkAtQuietHour();
    }, at.getTime() - Date.now()).unref();
  };
  checkAtQuietHour();
}
