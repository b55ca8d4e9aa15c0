import type { Logger } from 'pino';
import { ApiError, type Envelope } from './errors';
import { contract, isMethodName, type KioskApiHandlers, type MethodName } from './contract';
import type { Access } from './contract/define';

/** What a transport knows about the caller; sessions attach who is signed in. */
export interface CallContext {
  transport: 'http' | 'ipc' | 'test';
  /** Opaque session handle the transport carries; resolved by the session guard. */
  sessionId?: string;
}

/** Decides whether a caller may use a method of the given access; throws ApiError when not. */
export type AccessGuard = (access: Access, ctx: CallContext) => void;

export interface Dispatcher {
  dispatch(method: string, input: unknown, ctx: CallContext): Promise<Envelope>;
}

const publicOnly: AccessGuard = (access) => {
  if (access !== 'public') throw new ApiError('UNAUTHENTICATED', 'sign-in required');
};

/**
 * Every call passes here: the method must exist, the input must parse, the caller must be allowed, and the
 * handler's answer must match its output schema (a mismatch is our bug: logged, and the caller sees INTERNAL).
 */
export function createDispatcher(
  handlers: KioskApiHandlers<CallContext>,
  logger: Logger,
  guard: AccessGuard = publicOnly,
): Dispatcher {
  async function run(method: MethodName, input: unknown, ctx: CallContext): Promise<unknown> {
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      throw new ApiError('VALIDATION', `invalid input for ${method}`, {
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code, message: issue.message })),
      });
    }
    guard(spec.access, ctx);
    const handler = handlers[method] as (input: unknown, ctx: CallContext) => Promise<unknown>;
    const result = await handler(parsed.data, ctx);
    const checked = spec.output.safeParse(result);
    if (!checked.success) {
      logger.error({ method, issues: checked.error.issues.map((i) => i.path.join('.')) }, 'handler output failed its schema');
      throw new ApiError('INTERNAL', 'internal error');
    }
    return checked.data;
  }

  return {
    async dispatch(method, input, ctx) {
      const started = performance.now();
      // A caller may send any text as the method: only names of the contract reach the log.
      const logged = isMethodName(method) ? method : '(unknown)';
      try {
        if (!isMethodName(method)) throw new ApiError('UNKNOWN_METHOD', 'unknown method');
        const data = await run(method, input, ctx);
        logger.debug({ method, ms: Math.round(performance.now() - started) }, 'call ok');
        return { ok: true, data };
      } catch (error) {
        if (error instanceof ApiError) {
          logger.info({ method: logged, code: error.code, ms: Math.round(performance.now() - started) }, 'call refused');
          return { ok: false, error: error.toBody() };
        }
        logger.error({ method: logged, err: error }, 'call failed');
        return { ok: false, error: { code: 'INTERNAL', message: 'internal error' } };
      }
    },
  };
}
