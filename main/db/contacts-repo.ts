import type { Db } from './connection';

export interface ContactChannelsRow {
  channels_json: string;
  fetched_at: string;
}

/** The one row of the contact channels last fetched from the central API. */
export function createContactsRepo(db: Db) {
  const read = db.prepare<[], ContactChannelsRow>('SELECT channels_json, fetched_at FROM contact_channels WHERE id = 1');
  const write = db.prepare<[string, string]>(
    `INSERT INTO contact_channels (id, channels_json, fetched_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET channels_json = excluded.channels_json, fetched_at = excluded.fetched_at`,
  );
  return {
    get: (): ContactChannelsRow | undefined => read.get(),
    save(channelsJson: string, fetchedAt: string): void {
      write.run(channelsJson, fetchedAt);
    },
  };
}
export type ContactsRepo = ReturnType<typeof createContactsRepo>;
