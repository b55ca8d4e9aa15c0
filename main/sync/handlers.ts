import type { KioskApiHandlers } from '../api/contract';
import type { CallContext } from '../api/dispatcher';
import { ApiError } from '../api/errors';
import type { SessionManager } from '../auth/session-manager';
import type { Connectivity } from './connectivity';
import type { DataLayer } from './layer';

type DataMethods =
  | 'sync.status'
  | 'connectivity.status'
  | 'outbox.status'
  | 'obligations.ofStudent'
  | 'obligations.mine'
  | 'obligations.ofMember'
  | 'obligations.ofCompany';

/** The terminal's data through the KioskApi. A person sees their own obligations only. */
export function createDataHandlers(deps: {
  data: DataLayer;
  connectivity: Connectivity;
  sessions: SessionManager;
}): Pick<KioskApiHandlers<CallContext>, DataMethods> {
  const { data, connectivity, sessions } = deps;
  // The access guard has checked that someone is signed in; these check that it is this subject.
  const signedInAs = (type: 'member' | 'company', id: string): void => {
    const person = sessions.currentPerson();
    if (!person || person.type !== type || person.id !== id)
      throw new ApiError('FORBIDDEN', 'obligations of another subject than the signed-in one');
  };
  return {
    'sync.status': async () => data.sync.status(),
    'connectivity.status': async () => connectivity.status(),
    'outbox.status': async () => data.outbox.status(),
    'obligations.ofStudent': async ({ studentId }) => data.obligations.listForStudent(studentId),
    'obligations.mine': async () => {
      const person = sessions.currentPerson();
      if (!person) throw new ApiError('UNAUTHENTICATED', 'person sign-in required', { reason: 'NO_PERSON_SESSION' });
      return person.type === 'member' ? data.obligations.listForMember(person.id) : data.obligations.listForCompany(person.id);
    },
    'obligations.ofMember': async ({ cedula }) => {
      signedInAs('member', cedula);
      return data.obligations.listForMember(cedula);
    },
    'obligations.ofCompany': async ({ nit }) => {
      signedInAs('company', nit);
      return data.obligations.listForCompany(nit);
    },
  };
}
