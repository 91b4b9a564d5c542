/**
 * The store's schema, as numbered migrations run in order on start (each once, in a transaction):
 * the same PostgreSQL SQL for the embedded store (PGlite) and a PostgreSQL server. A release adds a
 * migration and never edits one that has shipped.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'consent records and the texts shown',
    sql: `
      CREATE TABLE consent_shown (
        hash text PRIMARY KEY,
        config_hash text NOT NULL,
        language text NOT NULL,
        texts jsonb NOT NULL,
        first_seen timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      );
      CREATE TABLE consent_records (
        seq bigserial PRIMARY KEY,
        consent_id uuid NOT NULL,
        client_time timestamptz NOT NULL,
        -- Milliseconds, as JavaScript reads times: the export pages through (server_time, seq).
        server_time timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        decision text NOT NULL CHECK (decision IN ('accept', 'reject', 'custom', 'withdraw')),
        method text NOT NULL CHECK (method IN ('banner', 'dialog', 'placeholder', 'api', 'gpc')),
        categories jsonb NOT NULL,
        services jsonb NOT NULL,
        gpc boolean NOT NULL,
        language text NOT NULL,
        revision integer NOT NULL,
        config_hash text NOT NULL,
        -- The texts this record's visitor was shown. No foreign key: every record of a batch would
        -- share-lock the same row of consent_shown, and PostgreSQL's shared row locks across
        -- concurrent writers cost more than the write. The insert writes the texts in the same
        -- statement, and the purge locks consent_shown while it deletes, so none goes missing.
        shown_hash text,
        ip text,
        user_agent text,
        -- A record re-sent by the widget (it did not see the answer) is the same decision: stored once.
        UNIQUE (consent_id, client_time)
      );
      CREATE INDEX consent_records_by_time ON consent_records (server_time, seq);
      CREATE INDEX consent_records_by_shown ON consent_records (shown_hash);
      -- Append-only: a record is proof, so none is ever changed (the retention purge deletes whole rows).
      CREATE FUNCTION consent_records_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'consent records are append-only';
        END
      $$;
      CREATE TRIGGER consent_records_append_only BEFORE UPDATE ON consent_records
        FOR EACH ROW EXECUTE FUNCTION consent_records_refuse_update();
    `,
  },
];
