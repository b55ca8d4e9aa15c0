import { app } from 'electron';
import { homedir } from 'node:os';
import { applyLinuxAutostart } from '../main/install/autostart';
import { ELECTRON_JS_FLAGS } from '../main/runtime/screen-thread-flags';
import type { ShellLog } from './lockdown';

/**
 * `startup.withMachine`: a login item on Windows, an XDG autostart entry on Linux; turned off when false. Either
 * starts the app with the main process's V8 flags (main/runtime/screen-thread-flags.ts), as the Linux packages'
 * launchers do (build/electron-builder.yml).
 */
export function applyStartWithMachine(enabled: boolean, log: ShellLog): void {
  try {
    if (process.platform === 'win32') {
      app.setLoginItemSettings({ openAtLogin: enabled, path: process.execPath, args: [ELECTRON_JS_FLAGS] });
      log('start with the machine', { enabled, how: 'login item' });
    } else if (process.platform === 'linux') {
      const outcome = applyLinuxAutostart({
        enabled,
        home: homedir(),
        env: process.env,
        execPath: process.execPath,
        args: [ELECTRON_JS_FLAGS],
      });
      log('start with the machine', { enabled, how: 'xdg autostart', outcome });
    }
  } catch (error) {
    // Not starting with the machine is a técnico's problem to see in the log, never a reason not to start.
    log('start with the machine failed', { error: (error as Error).message });
  }
}
