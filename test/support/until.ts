/**
 * Reads until `ok` holds or `ms` pass; returns the last value read (the test asserts on it). `everyMs` is the
 * pause between reads; a read that drives something (an outbox's drain) may ask for a shorter one.
 */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 10_000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Sends an outbox's items until none is pending (or `ms` pass), as its worker would: each round drains what is
 * due, then reads the backlog again. Returns the last backlog read (the test asserts it is 0).
 */
export async function drained(outbox: { drain(): Promise<unknown>; status(): { backlog: number } }, ms = 10_000): Promise<number> {
  return until(
    async () => {
      await outbox.drain();
      return outbox.status().backlog;
    },
    (backlog) => backlog === 0,
    ms,
    5,
  );
}
