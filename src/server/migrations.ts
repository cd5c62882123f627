/**
 * The server's schema, one entry per version, applied in order and never edited once shipped (docs/sync.md#the-server).
 * Plain SQL that PGlite and PostgreSQL both run; statements are separated by semicolons.
 */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE server_meta (key text PRIMARY KEY, value text NOT NULL);
  CREATE TABLE orgs (id text PRIMARY KEY, name text NOT NULL UNIQUE, created_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE vessels (id text PRIMARY KEY, org_id text NOT NULL REFERENCES orgs (id));
  CREATE TABLE enrolment_codes (
    code_hash text PRIMARY KEY, org_id text NOT NULL REFERENCES orgs (id), vessel_id text REFERENCES vessels (id),
    expires_at timestamptz NOT NULL, used_at timestamptz
  );
  CREATE TABLE devices (
    id text PRIMARY KEY, name text NOT NULL, org_id text NOT NULL REFERENCES orgs (id), vessel_id text REFERENCES vessels (id),
    token_hash text NOT NULL UNIQUE, last_seq bigint NOT NULL DEFAULT 0, last_hlc text, created_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz, revoked_at timestamptz
  );
  CREATE TABLE sync_rows (tbl text NOT NULL, row_id text NOT NULL, owner_feed text NOT NULL, PRIMARY KEY (tbl, row_id));
  CREATE TABLE sync_cells (
    tbl text NOT NULL, row_id text NOT NULL, col text NOT NULL, value jsonb, hlc text NOT NULL, PRIMARY KEY (tbl, row_id, col)
  );
  CREATE TABLE feeds (feed text PRIMARY KEY, last_seq bigint NOT NULL DEFAULT 0);
  CREATE TABLE feed_entries (
    feed text NOT NULL, seq bigint NOT NULL, tx text NOT NULL, device_id text NOT NULL, tbl text NOT NULL, row_id text NOT NULL,
    col text NOT NULL, value jsonb, hlc text NOT NULL, base text, PRIMARY KEY (feed, seq)
  )
  `,
  // Snapshots and compaction (docs/sync.md#snapshots-and-compaction): a cell keeps the base of the change that set
  // it, so a snapshot carries what a feed entry would; a feed's horizon is the number it was compacted up to.
  `
  ALTER TABLE sync_cells ADD COLUMN base text;
  ALTER TABLE feeds ADD COLUMN horizon bigint NOT NULL DEFAULT 0;
  CREATE INDEX sync_rows_by_feed ON sync_rows (owner_feed, tbl, row_id)
  `,
];
