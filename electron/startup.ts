import { app } from 'electron';
import { homedir } from 'node:os';
import { applyLinuxAutostart } from '../main/install/autostart';
import type { ShellLog } from './lockdown';

/** `startup.withMachine`: a login item on Windows, an XDG autostart entry on Linux; turned off when false. */
export function applyStartWithMachine(enabled: boolean, log: ShellLog): void {
  try {
    if (process.platform === 'win32') {
      app.setLoginItemSettings({ openAtLogin: enabled, path: process.execPath });
      log('start with the machine', { enabled, how: 'login item' });
    } else if (process.platform === 'linux') {
      const outcome = applyLinuxAutostart({ enabled, home: homedir(), env: process.env, execPath: process.execPath });
      log('start with the machine', { enabled, how: 'xdg autostart', outcome });
    }
  } catch (error) {
    // Not starting with the machine is a técnico's problem to see in the log, never a reason not to start.
    log('start with the machine failed', { error: (error as Error).message });
  }
}
