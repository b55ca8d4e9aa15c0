/**
 * DevTools in a kiosk are a way out of the app (a console with the page's powers), so a packaged build never
 * opens them; a development run (`npm start` with a downloaded Electron) keeps them for debugging. Pure.
 */
export function devToolsAllowed(shell: { isPackaged: boolean }): boolean {
  return !shell.isPackaged;
}
