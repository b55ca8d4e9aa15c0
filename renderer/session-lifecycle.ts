import { watch } from 'vue';
import type { Pinia } from 'pinia';
import type { Router } from 'vue-router';
import { resetAllStores } from './stores/reset';
import { useSessionStore, type EndReason } from './stores/session';
import { useOperatorStore } from './stores/operator';
import { useTerminalStore } from './stores/terminal';
import { useIngresoStore } from './stores/ingreso';

/** Activity reaches the core at most this often, except during the *¿Sigue ahí?* warning. */
const TOUCH_EVERY_MS = 5000;
const POLL_EVERY_MS = 1000;
/** How long Ingreso says why the last session ended (inactivity, maximum length): long enough to read it. */
export const ENDED_NOTICE_MS = 60_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Keeps the screen in step with the sessions in the core: polls while something is open, reports activity
 * (throttled), and when a session ends — Salir, inactivity, maximum length, a desk locking — resets every
 * store and returns to the sign-in screen, so nothing of the person stays on the page or in memory.
 */
export function startSessionLifecycle(pinia: Pinia, router: Router): () => void {
  const session = useSessionStore(pinia);
  const operator = useOperatorStore(pinia);
  const terminal = useTerminalStore(pinia);
  const ingreso = useIngresoStore(pinia);
  let lastActivityAt = Date.now();
  let lastTouchAt = 0;
  let polling = false;
  let endedAt = 0;

  const home = () => (terminal.status?.role === 'desk' ? '/caja' : '/');
  const operatorActive = () => operator.operator !== null && !operator.locked;

  async function forgetEverything(reason: EndReason | null): Promise<void> {
    resetAllStores(pinia);
    session.endedReason = reason;
    endedAt = Date.now();
    await Promise.all([terminal.refresh(), operator.refresh().catch(() => undefined)]);
    await router.replace(home());
  }

  const stopPersonWatch = watch(
    () => session.person,
    (now, before) => {
      if (before && !now) void forgetEverything(session.lastEnd?.reason ?? 'sign-out');
    },
  );
  const stopOperatorWatch = watch(
    () => operatorActive(),
    (now, before) => {
      if (before && !now) void forgetEverything(null);
    },
  );

  async function poll(): Promise<void> {
    if (polling) return;
    polling = true;
    try {
      if (session.person || session.challenge) await session.refresh();
      if (operator.operator) await operator.refresh();
      if (session.endedReason && Date.now() - endedAt > ENDED_NOTICE_MS) session.endedReason = null;
      const idle = terminal.status?.idle;
      const quietFor = Date.now() - lastActivityAt;
      // A form typed into and left: the next person must not find a document or a code on the screen.
      if (idle && !session.person && ingreso.isDirty() && quietFor > (idle.warnAfterSeconds + idle.graceSeconds) * 1000) {
        await ingreso.clear();
      }
    } catch {
      // The next tick tries again; a transport failure must not stop the clock of the session.
    } finally {
      polling = false;
    }
  }

  function activity(): void {
    lastActivityAt = Date.now();
    if (!session.person && !operatorActive()) return;
    const urgent = session.idle?.warning === true;
    if (!urgent && lastActivityAt - lastTouchAt < TOUCH_EVERY_MS) return;
    lastTouchAt = lastActivityAt;
    void session.touch().catch(() => undefined);
  }

  const timer = setInterval(() => void poll(), POLL_EVERY_MS);
  for (const name of ACTIVITY_EVENTS) window.addEventListener(name, activity, { capture: true, passive: true });

  return () => {
    clearInterval(timer);
    stopPersonWatch();
    stopOperatorWatch();
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, activity, { capture: true });
  };
}
