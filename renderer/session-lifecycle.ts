import { useEventListener } from '@vueuse/core';
import { effectScope, watch } from 'vue';
import type { Pinia } from 'pinia';
import type { Router } from 'vue-router';
import { resetAllStores } from './stores/reset';
import { useSessionStore, type EndReason } from './stores/session';
import { useOperatorStore } from './stores/operator';
import { useTerminalStore } from './stores/terminal';
import { useIngresoStore } from './stores/ingreso';
import { usePolling } from './composables/usePolling';

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
  // Everything below (watchers, the polling, the listeners) belongs to one scope: stopping it stops them all.
  const scope = effectScope(true);
  scope.run(() => watchSessions(pinia, router));
  return () => scope.stop();
}

function watchSessions(pinia: Pinia, router: Router): void {
  const session = useSessionStore(pinia);
  const operator = useOperatorStore(pinia);
  const terminal = useTerminalStore(pinia);
  const ingreso = useIngresoStore(pinia);
  let lastActivityAt = Date.now();
  let lastTouchAt = 0;
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

  watch(
    () => session.person,
    (now, before) => {
      if (before && !now) void forgetEverything(session.lastEnd?.reason ?? 'sign-out');
    },
  );
  watch(
    () => operatorActive(),
    (now, before) => {
      if (before && !now) void forgetEverything(null);
    },
  );

  async function poll(): Promise<void> {
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

  usePolling(poll, POLL_EVERY_MS);
  useEventListener(window, [...ACTIVITY_EVENTS], activity, { capture: true, passive: true });
}
