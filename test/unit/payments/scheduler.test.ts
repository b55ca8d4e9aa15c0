import { describe, expect, it } from 'vitest';
import { startPaymentScheduler, type SchedulerTimers } from '../../../main/payments/scheduler';
import type { PaymentService } from '../../../main/payments/service';

function manualTimers() {
  let callback: (() => void) | undefined;
  const timers: SchedulerTimers = {
    setInterval: (cb) => {
      callback = cb;
      return 1;
    },
    clearInterval: () => {
      callback = undefined;
    },
  };
  return {
    timers,
    fire: () => callback?.(),
    get active() {
      return callback !== undefined;
    },
  };
}

describe('payment scheduler', () => {
  it('re-asks open payments at start, then polls due ones, one round at a time, and stops cleanly', async () => {
    const calls: string[] = [];
    let release: () => void = () => undefined;
    const service = {
      resume: async () => {
        calls.push('resume');
        return 0;
      },
      runDue: () => {
        calls.push('runDue');
        return new Promise<number>((resolve) => {
          release = () => resolve(1);
        });
      },
    } as unknown as PaymentService;
    const t = manualTimers();
    const scheduler = startPaymentScheduler({ service, timers: t.timers });
    await scheduler.ready;
    expect(calls).toEqual(['resume']);
    t.fire();
    t.fire(); // a round is still running: no second one on top of it
    expect(calls).toEqual(['resume', 'runDue']);
    const stopping = scheduler.stop();
    expect(t.active).toBe(false);
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    release();
    await stopping;
    t.fire();
    expect(calls).toEqual(['resume', 'runDue']);
  });

  it('keeps polling after a failed round', async () => {
    let rounds = 0;
    const service = {
      resume: async () => {
        throw new Error('gateway exploded');
      },
      runDue: async () => {
        rounds++;
        return 0;
      },
    } as unknown as PaymentService;
    const t = manualTimers();
    const scheduler = startPaymentScheduler({ service, timers: t.timers });
    await scheduler.ready;
    await scheduler.tick();
    await scheduler.tick();
    expect(rounds).toBe(2);
    await scheduler.stop();
  });
});
