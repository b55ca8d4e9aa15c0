import type { Clock } from '../../main/runtime/clock';

/**
 * Real time plus an offset the test moves: the simulator (`now`) and the core (`clock`) can share it, so a
 * code expires, or a session times out, without waiting.
 */
export function movableClock() {
  let offsetMs = 0;
  const now = () => Date.now() + offsetMs;
  const clock: Clock = { now: () => new Date(now()) };
  return {
    now,
    clock,
    advance(seconds: number): void {
      offsetMs += seconds * 1000;
    },
  };
}

export type MovableClock = ReturnType<typeof movableClock>;
