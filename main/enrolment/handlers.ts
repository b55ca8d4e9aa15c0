import { ApiError } from '../api/errors';
import type { CallContext } from '../api/dispatcher';
import { createDispatcher, type Dispatcher } from '../api/dispatcher';
import { methodNames, type KioskApiHandlers } from '../api/contract';
import type { Logger } from '../log/logger';
import type { EnrolmentService } from './service';

/** In an enrolled terminal (every running core): nothing to enrol, and a second enrolment is refused. */
export function enrolledHandlers(): Pick<KioskApiHandlers<CallContext>, 'enrolment.status' | 'enrolment.submit'> {
  return {
    'enrolment.status': async () => ({ required: false }),
    'enrolment.submit': async () => {
      throw new ApiError('FORBIDDEN', 'terminal already enrolled', { reason: 'ALREADY_ENROLLED' });
    },
  };
}

/**
 * The API of a terminal that is not enrolled yet (no core runs: there is no configuration to run it with).
 * Only enrolment answers; every other method says NOT_ENROLLED. `onEnrolled` runs after the answer is sent,
 * so the shell can start the real core and show the app.
 */
export function createEnrolmentApi(deps: { service: EnrolmentService; logger: Logger; onEnrolled: () => void }): Dispatcher {
  const notEnrolled = async (): Promise<never> => {
    throw new ApiError('UNAVAILABLE', 'terminal not enrolled', { reason: 'NOT_ENROLLED' });
  };
  const handlers = Object.fromEntries(methodNames.map((method) => [method, notEnrolled])) as unknown as KioskApiHandlers<CallContext>;
  handlers['enrolment.status'] = async () => ({ required: true });
  handlers['enrolment.submit'] = async (input) => {
    const answer = await deps.service.submit(input);
    setImmediate(deps.onEnrolled);
    return answer;
  };
  return createDispatcher(handlers, deps.logger);
}
