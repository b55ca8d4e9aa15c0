/** Each KioskApi method has its own IPC channel; there is no generic one. */
export function channelOf(method: string): string {
  return `kiosk:${method}`;
}
