import { sql as initial } from './0001-initial';
import { sql as payments } from './0004-payments';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; a new migration is a new file and one more line here, never an edit of a shipped one. */
export const migrations: Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 4, name: 'payments', sql: payments },
];
