import { ApiError } from '../api/errors';
import type { Owner, OwnershipRepo } from '../db/auth-repo';
import type { SessionManager } from './session-manager';

/**
 * Ownership of what a caller names by id. The dispatcher has already decided who may call the method; these
 * decide which rows that caller may reach: a person only their own vouchers and the print jobs of them, an
 * unlocked operator any row of the terminal. Anything else is NOT_FOUND — the same answer as an id that does
 * not exist, so a person cannot learn that another person's voucher or job is there.
 * (Payments are checked by the payment service itself, against the session's subject.)
 */
export function createOwnershipRules(deps: { sessions: SessionManager; repo: OwnershipRepo }) {
  const { sessions, repo } = deps;

  function ownedBySignedInPerson(owner: Owner | null | undefined): boolean {
    const person = sessions.currentPerson();
    return !!person && !!owner && owner.subjectType === person.type && owner.subjectId === person.id;
  }

  function operatorHere(): boolean {
    const operator = sessions.currentOperator();
    return !!operator && !operator.locked;
  }

  return {
    /** printing.reprint: the signed-in person's own voucher. */
    requireOwnVoucher(voucherId: string): void {
      if (!ownedBySignedInPerson(repo.voucherOwner(voucherId)))
        throw new ApiError('NOT_FOUND', 'no such voucher', { reason: 'VOUCHER_NOT_FOUND' });
    },
    /** printing.jobStatus: any job for an operator; for a person, the jobs of their own vouchers. */
    requireVisibleJob(jobId: string): void {
      if (operatorHere()) return;
      if (!ownedBySignedInPerson(repo.printJobOwner(jobId)))
        throw new ApiError('NOT_FOUND', 'no such print job', { reason: 'JOB_NOT_FOUND' });
    },
  };
}
export type OwnershipRules = ReturnType<typeof createOwnershipRules>;
