import { describe, expect, it } from 'vitest';
import { createDispatcher, UNKNOWN_METHOD_TOKEN, type CallContext } from '../../../main/api/dispatcher';
import { ApiError } from '../../../main/api/errors';
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
    expect(log.lines().join('')).toContain('handler output failed its schema');
  });

  it('hides unexpected failures behind INTERNAL and keeps personal data out of the log', async () => {
    const { handlers } = countingHandlers({});
    const log = memoryLogger();
    const api = createDispatcher(handlers, log.logger);
    expect(await api.dispatch('terminal.contacts', {}, ctx)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const failed = log
      .lines()
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === 'call failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ method: 'terminal.contacts' });
    expect(log.lines().join('')).not.toContain('1045678901');
  });

  it('logs an unknown method name as one fixed token, never the text that was sent', async () => {
    const { handlers } = countingHandlers({});
    const log = memoryLogger();
    const api = createDispatcher(handlers, log.logger);
    const sent = 'x"}\n{"level":60,"msg":"forged 1045678901';
    expect(await api.dispatch(sent, {}, ctx)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const refused = log
      .lines()
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === 'call refused');
    expect(refused).toEqual([expect.objectContaining({ method: UNKNOWN_METHOD_TOKEN })]);
    expect(log.lines().join('\n')).not.toContain('forged');
    expect(log.lines().join('\n')).not.toContain('1045678901');
  });

  it('asks the guard before parsing the input, so a refused caller learns nothing about the inputs', async () => {
    const { handlers, calls } = countingHandlers({});
    const asked: string[] = [];
    const api = createDispatcher(handlers, memoryLogger().logger, (method, access) => {
      asked.push(`${method}:${String(access)}`);
      throw new ApiError('UNAUTHENTICATED', 'sign-in required');
    });
    const answer = await api.dispatch('terminal.status', { extra: 1 }, ctx);
    expect(answer).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'sign-in required' } });
    expect(asked).toEqual(['terminal.status:public']);
    expect(calls).toEqual([]);
  });

  it("commits the guard's admission only once the input has parsed, right before the handler", async () => {
    const { handlers, calls } = countingHandlers({});
    const commits: number[] = [];
    const api = createDispatcher(handlers, memoryLogger().logger, () => ({ commit: () => void commits.push(calls.length) }));
    expect(await api.dispatch('terminal.status', { extra: 1 }, ctx)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(commits).toEqual([]);
    await api.dispatch('terminal.status', {}, ctx);
    // Committed once, and before the handler ran (no call counted yet at that moment).
    expect(commits).toEqual([0]);
    expect(calls).toEqual(['terminal.status']);
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
