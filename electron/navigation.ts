/**
 * Where the window may go: the app itself, and during a payment the gateway's and the bank's origins. Pure (no
 * Electron import) so the policy is tested under Node.
 */
export const APP_ORIGIN = 'app://renderer';

export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'app:') return `app://${parsed.host}`;
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    return parsed.origin;
  } catch {
    return undefined;
  }
}

export function createNavigationPolicy() {
  const extraOrigins = new Set<string>();
  return {
    /** Opens the way to one more origin (the gateway or a bank) until `reset`. */
    allow(url: string): void {
      const origin = originOf(url);
      if (origin && !origin.startsWith('app://')) extraOrigins.add(origin);
    },
    reset(): void {
      extraOrigins.clear();
    },
    isAllowed(url: string): boolean {
      const origin = originOf(url);
      return origin === APP_ORIGIN || (origin !== undefined && extraOrigins.has(origin));
    },
  };
}
export type NavigationPolicy = ReturnType<typeof createNavigationPolicy>;
