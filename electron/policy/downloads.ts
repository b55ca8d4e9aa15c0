/**
 * A kiosk never saves anything a page offers for download (a bank's PDF, a forged "update"): every download
 * is cancelled before it starts. Returns the origin it came from, for the log (never the full URL, which may
 * carry a person's data in its query). Pure: the shell passes Electron's event and item.
 */
export interface DownloadItemLike {
  cancel(): void;
  getURL(): string;
}

export function refuseDownload(event: { preventDefault(): void }, item: DownloadItemLike): string {
  event.preventDefault();
  item.cancel();
  try {
    return new URL(item.getURL()).origin;
  } catch {
    return 'unknown';
  }
}
