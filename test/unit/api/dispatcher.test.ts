import { describe, expect, it } from 'vitest';
import { createDispatcher, type CallContext } from '../../../main/api/dispatcher';
import type { KioskApiHandlers } from '../../../main/api/contract';
import { memoryLogger } from '../../support/logs';

/** Handlers that count their calls: the dispatcher is what is under test, not them. */
function countingHandlers(statusAnswer: unknown) {
  const calls: string[] = [];
  const handlers = {
    'terminal.status': async () => {
      calls.push('terminal.status');
      return statusAnswer;
    },
    'terminal.contacts': async () => {
      calls.push('terminal.contacts');
      throw new Error('boom with cedula 1045678901');
    },
  } as unknown as KioskApiHandlers<CallContext>;
  return { handlers, calls };
}

const ctx: CallContext = { transport: 'test' };

describe('dispatcher', () => {
  it('does not call the handler when the input fails its schema', async () => {
    const { handlers, calls } = countingHandlers({});
    const api = createDispatcher(handlers, memoryLogger().logger);
    const answer = await api.dispatch('terminal.status', { extra: 1 }, ctx);
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(calls).toEqual([]);
  });

  it('turns an answer that breaks its own output schema into INTERNAL and logs it', async () => {
    const { handlers } = countingHandlers({ appVersion: 1 });
    const log = memoryLogger();
    const api = createDispatcher(handlers, log.logger);
    expect(await api.dispatch('terminal.status', {}, ctx)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(log.lines().join('')).toContain('handler output failed its schema');
  });

  it('hides unexpected failures behind INTERNAL and keeps personal data out of the log', async () => {
    const { handlers } = countingHandlers({});
    const log = memoryLogger();
    const api = createDispatcher(handlers, log.logger);
    expect(await api.dispatch('terminal.contacts', {}, ctx)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(log.lines().join('')).not.toContain('1045678901');
  });

  it('asks the access guard before any handler runs', async () => {
    const { handlers, calls } = countingHandlers({});
    const api = createDispatcher(handlers, memoryLogger().logger, () => {
      throw Object.assign(new (class extends Error {})(), {});
    });
    const answer = await api.dispatch('terminal.status', {}, ctx);
    expect(answer.ok).toBe(false);
    expect(calls).toEqual([]);
  });
});
