import { app, session, type WebContents } from 'electron';

export const APP_ORIGIN = 'app://renderer';

/** Origins the window may navigate to besides the app itself (the gateway and banks during a payment). */
const extraNavigationOrigins = new Set<string>();

export function allowNavigationTo(origin: string): void {
  extraNavigationOrigins.add(new URL(origin).origin);
}
export function forbidExtraNavigation(): void {
  extraNavigationOrigins.clear();
}

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'app:' ? `app://${parsed.host}` : parsed.origin;
  } catch {
    return undefined;
  }
}

export function isAllowedNavigation(url: string): boolean {
  const origin = originOf(url);
  return origin === APP_ORIGIN || (origin !== undefined && extraNavigationOrigins.has(origin));
}

/** Electron's security checklist, applied to every web contents the app ever creates. */
export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
