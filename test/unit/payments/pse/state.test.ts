import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  IllegalTransitionError,
  canApply,
  isFinal,
  nextState,
  paymentStates,
  verdictEvent,
  verdictOf,
  type PaymentEvent,
  type PaymentState,
} from '../../../../main/payments/pse/state';

const events: PaymentEvent[] = [
  { type: 'registered', orderId: 'o-1', formUrl: 'https://bank.example/pay' },
  { type: 'registerRefused', reason: 'refused' },
  { type: 'redirected' },
  { type: 'gatewayPending', cus: '123' },
  { type: 'gatewayApproved', cus: '123' },
  { type: 'gatewayRejected', cus: '123' },
  { type: 'gatewayFailed', cus: '123' },
  { type: 'windowElapsed' },
];

/** The whole machine, written out: [from, event] → to. Everything absent is illegal. */
const allowed: Record<string, PaymentState> = {
  'created/registered': 'registered',
  'created/registerRefused': 'failed',
  'registered/redirected': 'redirected',
  'registered/gatewayPending': 'pending',
  'registered/gatewayApproved': 'approved',
  'registered/gatewayRejected': 'rejected',
  'registered/gatewayFailed': 'failed',
  'registered/windowElapsed': 'expired',
  'redirected/gatewayPending': 'pending',
  'redirected/gatewayApproved': 'approved',
  'redirected/gatewayRejected': 'rejected',
  'redirected/gatewayFailed': 'failed',
  'redirected/windowElapsed': 'expired',
  'pending/gatewayPending': 'pending',
  'pending/gatewayApproved': 'approved',
  'pending/gatewayRejected': 'rejected',
  'pending/gatewayFailed': 'failed',
  'pending/windowElapsed': 'expired',
  'expired/gatewayPending': 'expired',
  'expired/gatewayApproved': 'approved',
  'expired/gatewayRejected': 'rejected',
  'expired/gatewayFailed': 'failed',
};

describe('payment state machine', () => {
  for (const from of paymentStates) {
    for (const event of events) {
      const key = `${from}/${event.type}`;
      const to = allowed[key];
      if (to) {
        it(`${from} --${event.type}--> ${to}`, () => {
          expect(canApply(from, event.type)).toBe(true);
          expect(nextState(from, event)).toBe(to);
        });
      } else {
        it(`${from} --${event.type}--> refused`, () => {
          expect(canApply(from, event.type)).toBe(false);
          expect(() => nextState(from, event)).toThrow(IllegalTransitionError);
        });
      }
    }
  }

  it('final states accept no event at all', () => {
    for (const state of ['approved', 'rejected', 'failed'] as const) {
      expect(isFinal(state)).toBe(true);
      for (const event of events) expect(() => nextState(state, event)).toThrow(IllegalTransitionError);
    }
  });

  it('no sequence of events approves one attempt twice, and a final state never changes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...events), { maxLength: 40 }), (sequence) => {
        let state: PaymentState = 'created';
        let approvals = 0;
        let finalSeen: PaymentState | null = null;
        for (const event of sequence) {
          let to: PaymentState;
          try {
            to = nextState(state, event);
          } catch (error) {
            expect(error).toBeInstanceOf(IllegalTransitionError);
            continue;
          }
          if (to === 'approved' && state !== 'approved') approvals++;
          state = to;
          if (isFinal(state)) finalSeen ??= state;
        }
        expect(approvals).toBeLessThanOrEqual(1);
        if (finalSeen) expect(state).toBe(finalSeen);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('reading the gateway', () => {
  it("maps Credibanco's order states and ACH's transaction states", () => {
    expect(verdictOf(2, 'OK')).toBe('approved');
    expect(verdictOf(2, undefined)).toBe('approved');
    expect(verdictOf(7, 'PENDING')).toBe('pending');
    expect(verdictOf(6, 'NOT_AUTHORIZED')).toBe('rejected');
    expect(verdictOf(6, 'FAILED')).toBe('failed');
    expect(verdictOf(0, null)).toBe('unpaid');
    expect(verdictOf(0, 'PENDING')).toBe('pending');
  });

  it('does not guess when the answers are incomplete or contradict each other', () => {
    expect(verdictOf(6, undefined)).toBe('unknown');
    expect(verdictOf(6, null)).toBe('unknown');
    expect(verdictOf(6, 'OK')).toBe('unknown');
    expect(verdictOf(0, 'OK')).toBe('unknown');
    expect(verdictOf(1, null)).toBe('unknown');
    expect(verdictEvent('unknown', null)).toBeNull();
    expect(verdictEvent('unpaid', null)).toBeNull();
    expect(verdictEvent('approved', '99')).toEqual({ type: 'gatewayApproved', cus: '99' });
  });
});
