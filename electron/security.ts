import { app, session, type WebContents } from 'electron';
import { APP_ORIGIN, createNavigationPolicy } from './navigation';

const APP_ORIGIN_PREFIX = `${APP_ORIGIN}/`;

export { APP_ORIGIN } from './navigation';

/** The one navigation policy of the app window; payments open and close the way to the gateway and bank. */
export const navigation = createNavigationPolicy();

/** Told of a navigation it may take over (the return from the bank); true when it did. */
export type NavigationInterceptor = (url: string, contents: WebContents) => boolean;

/** Electron's security checklist, applied to every web contents the app ever creates. */
export function hardenWebContents(intercept: NavigationInterceptor = () => false): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    const guard = (event: Electron.Event, url: string) => {
      if (intercept(url, contents)) event.preventDefault();
      else if (!navigation.isAllowed(url)) event.preventDefault();
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    // Back in the app: the way to the gateway and the banks closes until the next payment.
    contents.on('did-navigate', (_navigated, url) => {
      if (url.startsWith(APP_ORIGIN_PREFIX)) navigation.reset();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
