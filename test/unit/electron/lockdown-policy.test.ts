import { describe, expect, it } from 'vitest';
import { devToolsAllowed } from '../../../electron/policy/devtools';
import { refuseDownload } from '../../../electron/policy/downloads';
import { afterPersonEnd, INGRESO_URL, PERSON_STORAGES } from '../../../electron/policy/person-end';
import { BACKOFF_MS, MAX_QUICK_RELOADS, recoveryFor, WINDOW_MS } from '../../../electron/policy/renderer-recovery';

describe('kiosk lock-down policies', () => {
  it('allows DevTools only in an unpackaged (development) run', () => {
    expect(devToolsAllowed({ isPackaged: true })).toBe(false);
    expect(devToolsAllowed({ isPackaged: false })).toBe(true);
  });

  it('cancels every download before it starts and reports only its origin', () => {
    const calls: string[] = [];
    const origin = refuseDownload(
      { preventDefault: () => calls.push('preventDefault') },
      { cancel: () => calls.push('cancel'), getURL: () => 'https://banco.example/extracto.pdf?cedula=1045678901' },
    );
    expect(calls).toEqual(['preventDefault', 'cancel']);
    expect(origin).toBe('https://banco.example');
    expect(refuseDownload({ preventDefault: () => undefined }, { cancel: () => undefined, getURL: () => 'not a url' })).toBe('unknown');
  });

  it('brings the window back to Ingreso from a bank page when the session ends, and wipes browser storage', () => {
    const atBank = afterPersonEnd('https://banco.example/pse/login?ref=1');
    expect(atBank.loadUrl).toBe(INGRESO_URL);
    expect(atBank.clearStorages).toEqual(expect.arrayContaining(['cookies', 'localstorage', 'indexdb', 'cachestorage', 'serviceworkers']));
    for (const elsewhere of ['https://retorno.pagos-express.invalid/pse/retorno', 'app://other/index.html', 'about:blank', '']) {
      expect(afterPersonEnd(elsewhere).loadUrl, elsewhere).toBe(INGRESO_URL);
    }
  });

  it('leaves an app screen to the renderer (it moves to Ingreso itself) but still wipes storage', () => {
    const inApp = afterPersonEnd('app://renderer/index.html#/menu/creditos');
    expect(inApp.loadUrl).toBeUndefined();
    expect(inApp.clearStorages).toEqual(PERSON_STORAGES);
  });

  it('reloads a crashed page at once, and a hung one after ending its process', () => {
    expect(recoveryFor({ kind: 'gone', reason: 'crashed' }, [], 1_000)).toEqual({ action: 'reload', delayMs: 0, crashFirst: false });
    expect(recoveryFor({ kind: 'gone', reason: 'oom' }, [], 1_000)).toEqual({ action: 'reload', delayMs: 0, crashFirst: false });
    expect(recoveryFor({ kind: 'unresponsive' }, [], 1_000)).toEqual({ action: 'reload', delayMs: 0, crashFirst: true });
    expect(recoveryFor({ kind: 'gone', reason: 'clean-exit' }, [], 1_000)).toEqual({ action: 'none' });
  });

  it('backs off when the page keeps crashing, and forgets reloads older than the window', () => {
    const now = 10 * WINDOW_MS;
    const quick = Array.from({ length: MAX_QUICK_RELOADS }, (_, i) => now - 1_000 * (i + 1));
    expect(recoveryFor({ kind: 'gone', reason: 'crashed' }, quick, now)).toMatchObject({ action: 'reload', delayMs: BACKOFF_MS });
    const old = quick.map((at) => at - WINDOW_MS);
    expect(recoveryFor({ kind: 'gone', reason: 'crashed' }, old, now)).toMatchObject({ action: 'reload', delayMs: 0 });
  });
});
