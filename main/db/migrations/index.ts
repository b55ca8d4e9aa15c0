import { sql as initial } from './0001-initial';
import { sql as sync } from './0002-sync';
import { sql as auth } from './0003-auth';
import { sql as payments } from './0004-payments';
import { sql as printJobs } from './0005-print-jobs';
import { sql as ownerIndex } from './0006-owner-index';
import { sql as contactChannels } from './0007-contact-channels';
import { sql as paymentMethods } from './0008-payment-methods';
import { sql as desk } from './0009-desk';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; a new migration is a new file and one more line here, never an edit of a shipped one. */
export const migrations: Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'sync', sql: sync },
  { version: 3, name: 'auth', sql: auth },
  { version: 4, name: 'payments', sql: payments },
  { version: 5, name: 'print-jobs', sql: printJobs },
  { version: 6, name: 'owner-index', sql: ownerIndex },
  { version: 7, name: 'contact-channels', sql: contactChannels },
  { version: 8, name: 'payment-methods', sql: paymentMethods },
  { version: 9, name: 'desk', sql: desk },
];
