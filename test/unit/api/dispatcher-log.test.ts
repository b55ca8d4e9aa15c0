import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDispatcher, type CallContext } from '../../../main/api/dispatcher';
import type { KioskApiHandlers } from '../../../main/api/contract';
import { memoryLogger } from '../../support/logs';

const handlers = { 'terminal.status': async () => ({}) } as unknown as KioskApiHandlers<CallContext>;

describe('the dispatcher logs only method names of the contract', () => {
  it('writes an unknown method as (unknown), whatever the caller sent (property)', async () => {
    const { logger, lines } = memoryLogger();
    const api = createDispatcher(handlers, logger);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 80 }).filter((name) => !name.includes('.')),
        async (name) => {
          const before = lines().length;
          expect(await api.dispatch(`forged ${name}`, {}, { transport: 'test' })).toMatchObject({
            ok: false,
            error: { code: 'UNKNOWN_METHOD' },
          });
          const written = lines().slice(before);
          expect(written).toHaveLength(1);
          expect(JSON.parse(written[0] ?? '{}')).toMatchObject({ method: '(unknown)', code: 'UNKNOWN_METHOD', msg: 'call refused' });
          expect(written[0]).not.toContain('forged');
        },
      ),
      { numRuns: 100 },
    );
  });

  it('names a known method as it is', async () => {
    const { logger, lines } = memoryLogger();
    await createDispatcher(handlers, logger).dispatch('terminal.status', { extra: 1 }, { transport: 'test' });
    expect(lines()).toHaveLength(1);
    expect(JSON.parse(lines()[0] ?? '{}')).toMatchObject({ method: 'terminal.status', code: 'VALIDATION' });
  });
});
