/**
 * The contact channels the screens show (sede, jardín, customer service), as the central API last gave
 * them: one row, kept so a kiosk that starts offline still shows the current ones.
 */
export const sql = `
CREATE TABLE contact_channels (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  channels_json TEXT NOT NULL,
  fetched_at TEXT NOT NULL
) STRICT;
`;
