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
  // Who made each change (docs/sync.md#who-made-a-change), and each device's audit head
  // (docs/security.md#the-audit-head-on-the-server): the last one it sent, and when it was found to have gone back.
  `
  ALTER TABLE feed_entries ADD COLUMN user_id text;
  ALTER TABLE feed_entries ADD COLUMN user_name text;
  ALTER TABLE devices ADD COLUMN audit_seq bigint;
  ALTER TABLE devices ADD COLUMN audit_hash text;
  ALTER TABLE devices ADD COLUMN audit_at timestamptz;
  ALTER TABLE devices ADD COLUMN audit_went_back_at timestamptz;
  ALTER TABLE devices ADD COLUMN audit_went_back text
  `,
  // A verified copy of each device's audit log (docs/sync.md#the-audit-log-on-the-server): one chain per branch, a
  // new branch when the device's log was rewritten or restored from a backup.
  `
  ALTER TABLE devices ADD COLUMN audit_branch integer NOT NULL DEFAULT 0;
  CREATE TABLE device_audit (
    device_id text NOT NULL REFERENCES devices (id), branch integer NOT NULL, seq bigint NOT NULL, at text NOT NULL,
    actor_kind text NOT NULL, actor_id text, actor_name text NOT NULL, action text NOT NULL, tbl text, row_id text, person_id text,
    changes text NOT NULL, note text, prev_hash text NOT NULL, hash text NOT NULL, PRIMARY KEY (device_id, branch, seq)
  )
  `,
  // Sharing a candidate's file with another organisation (docs/sync.md#sharing): the share, and the rows it carries.
  `
  CREATE TABLE shares (
    id text PRIMARY KEY, person_id text NOT NULL, from_feed text NOT NULL, from_org text NOT NULL REFERENCES orgs (id),
    to_org text NOT NULL REFERENCES orgs (id), created_at timestamptz NOT NULL DEFAULT now(), created_by text NOT NULL REFERENCES devices (id),
    revoked_at timestamptz, revoked_by text REFERENCES devices (id)
  );
  CREATE UNIQUE INDEX shares_active ON shares (person_id, to_org) WHERE revoked_at IS NULL;
  CREATE TABLE share_rows (share_id text NOT NULL REFERENCES shares (id), tbl text NOT NULL, row_id text NOT NULL, PRIMARY KEY (share_id, tbl, row_id));
  CREATE INDEX share_rows_row ON share_rows (tbl, row_id)
  `,
  // Attachments (docs/sync.md#attachments): files by the SHA-256 of their content, kept per tenant feed, in chunks.
  `
  CREATE TABLE attachments (
    feed text NOT NULL, hash text NOT NULL, size bigint NOT NULL, received bigint NOT NULL DEFAULT 0, complete boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(), completed_at timestamptz, PRIMARY KEY (feed, hash)
  );
  CREATE TABLE attachment_chunks (
    feed text NOT NULL, hash text NOT NULL, at bigint NOT NULL, data bytea NOT NULL, PRIMARY KEY (feed, hash, at),
    FOREIGN KEY (feed, hash) REFERENCES attachments (feed, hash) ON DELETE CASCADE
  );
  CREATE INDEX sync_cells_attachment ON sync_cells ((value #>> '{}')) WHERE col IN ('file_hash', 'photo_hash')
  `,
  // Snapshots and compaction (docs/sync.md#snapshots-and-compaction): a cell keeps the base of the change that set
  // it, so a snapshot carries what a feed entry would; a feed's horizon is the number it was compacted up to.
  `
  ALTER TABLE sync_cells ADD COLUMN base text;
  ALTER TABLE feeds ADD COLUMN horizon bigint NOT NULL DEFAULT 0;
  CREATE INDEX sync_rows_by_feed ON sync_rows (owner_feed, tbl, row_id)
  `,
  // Routing and carrying (docs/sync.md#tenants): the rows of a person's file carried into the feed of each vessel
  // they crew or are a candidate for, and an index to find a person's rows by their id.
  `
  CREATE TABLE sync_carries (feed text NOT NULL, tbl text NOT NULL, row_id text NOT NULL, PRIMARY KEY (feed, tbl, row_id));
  CREATE INDEX sync_carries_row ON sync_carries (tbl, row_id);
  CREATE INDEX sync_cells_person ON sync_cells ((value #>> '{}')) WHERE col = 'person_id'
  `,
  // The sweep of files (docs/sync.md#attachments): when an upload last received a chunk, and since when the sweeps
  // have found no row naming a file, so that only a file unnamed for the whole grace period is removed.
  `
  ALTER TABLE attachments ADD COLUMN touched_at timestamptz NOT NULL DEFAULT now();
  UPDATE attachments SET touched_at = coalesce(completed_at, created_at);
  ALTER TABLE attachments ADD COLUMN unnamed_since timestamptz
  `,
];
