import type { Logger } from 'pino';
import { ApiError, type Envelope } from './errors';
import { contract, isMethodName, type KioskApiHandlers, type MethodName } from './contract';
import type { AccessRule } from './contract/define';

/** What a transport knows about the caller; sessions attach who is signed in. */
export interface CallContext {
  transport: 'http' | 'ipc' | 'test';
  /** Opaque session handle the transport carries; resolved by the session guard. */
  sessionId?: string;
}

/** An admitted call. `commit` runs once the input has parsed, right before the handler (it consumes a single-use grant). */
export interface Admission {
  commit(): void;
}

/** Decides whether a caller may use a method of the given access; throws ApiError (UNAUTHENTICATED, FORBIDDEN) when not. */
export type AccessGuard = (method: MethodName, access: AccessRule, ctx: CallContext) => Admission | void;

/** What the log says for a method name that is not in the contract: never the text a caller sent. */
export const UNKNOWN_METHOD_TOKEN = '(unknown)';

export interface Dispatcher {
  dispatch(method: string, input: unknown, ctx: CallContext): Promise<Envelope>;
}

const publicOnly: AccessGuard = (_method, access) => {
  if (access !== 'public') throw new ApiError('UNAUTHENTICATED', 'sign-in required');
};

/**
 * Every call passes here: the method must exist, the caller must be allowed (before the input is parsed, so a
 * refused caller learns nothing of the inputs), the input must parse, and the handler's answer must match its
 * output schema (a mismatch is our bug: logged, and the caller sees INTERNAL). Only contract method names reach
 * the log; anything else a caller sends as a method name is logged as one fixed token.
 */
export function createDispatcher(handlers: KioskApiHandlers<CallContext>, logger: Logger, guard: AccessGuard = publicOnly): Dispatcher {
  async function run(method: MethodName, input: unknown, ctx: CallContext): Promise<unknown> {
    const spec = contract[method];
    const admission = guard(method, spec.access, ctx);
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      // A schema's own refusal may name its reason (e.g. `NIT_CHECK_DIGIT`): the screens word it in Spanish.
      const reason = parsed.error.issues
        .map((issue) => (issue.code === 'custom' ? (issue.params as { reason?: unknown } | undefined)?.reason : undefined))
        .find((r): r is string => typeof r === 'string');
      throw new ApiError('VALIDATION', `invalid input for ${method}`, {
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code, message: issue.message })),
        ...(reason ? { reason } : {}),
      });
    }
    // Nothing awaits between the guard's check and this commit, so two calls cannot share one grant.
    admission?.commit();
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
      const logged = isMethodName(method) ? method : UNKNOWN_METHOD_TOKEN;
      try {
        if (!isMethodName(method)) throw new ApiError('UNKNOWN_METHOD', 'unknown method');
        const data = await run(method, input, ctx);
        logger.debug({ method, ms: Math.round(performance.now() - started) }, 'call ok');
        return { ok: true, data };
      } catch (error) {
        if (error instanceof ApiError) {
          const reason = typeof error.details?.reason === 'string' ? error.details.reason : undefined;
          logger.info({ method: logged, code: error.code, reason, ms: Math.round(performance.now() - started) }, 'call refused');
          return { ok: false, error: error.toBody() };
        }
        logger.error({ method: logged, err: error }, 'call failed');
        return { ok: false, error: { code: 'INTERNAL', message: 'internal error' } };
      }
    },
  };
}
