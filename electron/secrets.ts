import { safeStorage } from 'electron';
import { createSealedSecretStore } from '../main/security/sealed-secret-store';

/**
 * The terminal's secrets sealed by the OS through Electron's safeStorage (DPAPI on Windows, the keyring on
 * Linux). On a Linux kiosk without a keyring Electron falls back to a fixed key ('basic_text'), which seals
 * nothing: that counts as unavailable, and the store keeps a 0600 key file instead (README says so).
 */
export function createShellSecretStore(dir: string) {
  const available = () => {
    if (!safeStorage.isEncryptionAvailable()) return false;
    return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  };
  return createSealedSecretStore({
    dir,
    sealer: {
      isAvailable: available,
      seal: (plain) => safeStorage.encryptString(plain.toString('base64')),
      unseal: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
    },
  });
}
