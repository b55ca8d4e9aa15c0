import { sql as initial } from './0001-initial';
import { sql as sync } from './0002-sync';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; a new migration is a new file and one more line here, never an edit of a shipped one. */
export const migrations: Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'sync', sql: sync },
];
