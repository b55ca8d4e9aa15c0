import { app, session, type WebContents } from 'electron';
import { createNavigationPolicy } from './navigation';

export { APP_ORIGIN } from './navigation';

/** The one navigation policy of the app window; payments open and close the way to the gateway and bank. */
export const navigation = createNavigationPolicy();

/** Electron's security checklist, applied to every web contents the app ever creates. */
export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!navigation.isAllowed(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!navigation.isAllowed(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
