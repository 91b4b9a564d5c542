import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/config-hash.js';
import { parseDuration } from '../core/duration.js';
import { MIGRATIONS } from './migrations.js';
import type { ProofRecord } from './proof-schema.js';
import { openPGlite, openPostgres, type SqlClient } from './sql-client.js';
import type { ShownTexts } from '../core/shown-texts.js';

/** A stored record, as lookup and export give it back. */
export interface StoredRecord {
  seq: number;
  id: string;
  timestamp: string;
  receivedAt: string;
  decision: ProofRecord['decision'];
  method: ProofRecord['method'];
  categories: Record<string, boolean>;
  services: Record<string, boolean>;
  gpc: boolean;
  language: string;
  revision: number;
  configHash: string;
  /** The key of what the visitor was shown (`shown` in a lookup); null for a record sent without it. */
  shownHash: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** One consent id's whole history, with each text it was shown once. */
export interface ConsentHistory {
  id: string;
  records: StoredRecord[];
  shown: Record<string, ShownTexts>;
}

/** Where a record came from, when the service is told to keep it (off by default). */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface DailyCount {
  day: string;
  decision: string;
  count: number;
}

export interface RecordStoreOptions {
  /** A PostgreSQL server; else the embedded store. */
  databaseUrl?: string;
  /** The embedded store's data folder; in memory without one. */
  dataDir?: string;
  /** Connections to a PostgreSQL server. */
  poolSize?: number;
}

// Every time as ISO 8601 in UTC with milliseconds, whichever driver reads it.
const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const RECORD_COLUMNS = `seq::text AS seq, consent_id::text AS id, ${ISO('client_time')} AS timestamp, ${ISO('server_time')} AS "receivedAt",
  decision, method, categories, services, gpc, language, revision, config_hash AS "configHash", shown_hash AS "shownHash", ip, user_agent AS "userAgent"`;
const EXPORT_PAGE = 2000;
/** The most records one statement writes. */
const MAX_BATCH = 500;

/** A record as the batch writes it: its fields, where it came from, and its texts by hash. */
type PendingRow = Omit<ProofRecord, 'shown'> & { ip: string | null; userAgent: string | null; shownHash: string | null; texts: string | null };

const toRecord = (row: Record<string, unknown>): StoredRecord => ({ ...(row as unknown as StoredRecord), seq: Number(row.seq) });

/**
 * The consent records: append-only rows in PostgreSQL (embedded or a server), every query
 * parameterised. Each write is one statement, committed before it is acknowledged.
 */
export class RecordStore {
  /** Records waiting for the next batch. */
  private readonly pending: Array<{ row: PendingRow; resolve: (stored: boolean) => void; reject: (error: unknown) => void }> = [];
  /** Batches being written now. */
  private writing = 0;

  private constructor(
    private readonly sql: SqlClient,
    /** Batches written at once: one per connection of a PostgreSQL pool; the embedded store has one. */
    private readonly writers: number,
  ) {}

  /** Opens the store and brings its schema up to date. */
  static async open(options: RecordStoreOptions = {}): Promise<RecordStore> {
    const sql = options.databaseUrl ? await openPostgres(options.databaseUrl, options.poolSize) : await openPGlite(options.dataDir);
    const store = new RecordStore(sql, options.databaseUrl ? Math.max(1, Math.floor((options.poolSize ?? 10) / 2)) : 1);
    try {
      await store.migrate();
    } catch (error) {
      await sql.close();
      throw error;
    }
    return store;
  }

  get description(): string {
    return this.sql.description;
  }

  /** Runs the migrations not yet applied; several processes starting together apply each once. */
  private async migrate(): Promise<void> {
    await this.sql.transaction(async (client) => {
      // One process at a time, whichever starts first: the others then find nothing left to do.
      await client.query('SELECT pg_advisory_xact_lock(7413120526)');
      await client.query('CREATE TABLE IF NOT EXISTS consent_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      const applied = new Set((await client.query<{ version: number }>('SELECT version FROM consent_schema_migrations')).map((row) => row.version));
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        await client.exec(migration.sql);
        await client.query('INSERT INTO consent_schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      }
    });
  }

  /**
   * Stores a record (and what it shows, once per text): true when stored, false when the same
   * decision (consent id and time) was stored before, which is left as it was. Resolves once the
   * record is committed. Records that arrive while others are being written go in together in the
   * next statement: one commit (one flush of the log to disk) for many, under concurrent writers.
   */
  insert(proof: ProofRecord, client: ClientInfo = { ip: null, userAgent: null }): Promise<boolean> {
    const shown = proof.shown ? canonicalJson(proof.shown) : null;
    // The server names the text by its own hash: no write can point a record at another's text.
    const shownHash = shown === null ? null : `sha256:${createHash('sha256').update(`${proof.configHash}\n${proof.language}\n${shown}`).digest('hex')}`;
    const { shown: _texts, ...fields } = proof;
    return new Promise((resolve, reject) => {
      this.pending.push({ row: { ...fields, ip: client.ip, userAgent: client.userAgent, shownHash, texts: shown }, resolve, reject });
      if (this.writing < this.writers) void this.writeBatch();
    });
  }

  /** Writes every record waiting (up to a batch), then the next batch, while records keep arriving. */
  private async writeBatch(): Promise<void> {
    this.writing++;
    try {
      while (this.pending.length) {
        const batch = this.pending.splice(0, MAX_BATCH);
        try {
          const stored = await this.writeRows(batch.map(({ row }) => row));
          // A decision sent twice in one batch is stored by the first.
          batch.forEach(({ row, resolve }) => resolve(stored.delete(`${row.id} ${new Date(row.timestamp).toISOString()}`)));
        } catch (error) {
          for (const { reject } of batch) reject(error);
        }
      }
    } finally {
      this.writing--;
    }
  }

  /** One statement for the batch, texts and records; the keys (`id time`) of the records it stored. */
  private async writeRows(rows: PendingRow[]): Promise<Set<string>> {
    const stored = await this.sql.query<{ key: string }>(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r (
           id uuid, timestamp timestamptz, decision text, method text, categories jsonb, services jsonb, gpc boolean,
           revision integer, language text, "configHash" text, ip text, "userAgent" text, "shownHash" text, texts text)
       ), shown AS (
         INSERT INTO consent_shown (hash, config_hash, language, texts)
         SELECT DISTINCT ON ("shownHash") "shownHash", "configHash", language, texts::jsonb FROM input WHERE texts IS NOT NULL
         ON CONFLICT (hash) DO NOTHING
       )
       INSERT INTO consent_records (consent_id, client_time, decision, method, categories, services, gpc, revision, language, config_hash, ip, user_agent, shown_hash)
       SELECT id, timestamp, decision, method, categories, services, gpc, revision, language, "configHash", ip, "userAgent", "shownHash" FROM input
       ON CONFLICT (consent_id, client_time) DO NOTHING
       RETURNING consent_id::text || ' ' || ${ISO('client_time')} AS key`,
      [JSON.stringify(rows)],
    );
    return new Set(stored.map((row) => row.key));
  }

  /** Every record of a consent id, oldest first, with the texts they were shown; null when there is none. */
  async history(id: string): Promise<ConsentHistory | null> {
    const records = (await this.sql.query(`SELECT ${RECORD_COLUMNS} FROM consent_records WHERE consent_id = $1::uuid ORDER BY consent_records.client_time, consent_records.seq`, [id])).map(toRecord);
    if (!records.length) return null;
    const hashes = [...new Set(records.map((record) => record.shownHash).filter((hash): hash is string => hash !== null))];
    const texts = hashes.length ? await this.sql.query<{ hash: string; texts: ShownTexts }>('SELECT hash, texts FROM consent_shown WHERE hash = ANY($1::text[])', [hashes]) : [];
    return { id, records, shown: Object.fromEntries(texts.map((row) => [row.hash, row.texts])) };
  }

  /**
   * The records received in [from, to), oldest first, a page at a time: memory stays the same
   * whatever the number of records.
   */
  async *records(from: Date, to: Date, pageSize = EXPORT_PAGE): AsyncGenerator<StoredRecord> {
    // Every seq is at least 1, so (from, 0) is just before the first record received at `from`.
    let after: [string, string] = [from.toISOString(), '0'];
    for (;;) {
      const page = await this.sql.query(
        `SELECT ${RECORD_COLUMNS} FROM consent_records
         WHERE (server_time, seq) > ($1::timestamptz, $2::bigint) AND server_time < $3
         -- The table's columns (not the text the select makes of them), in the order of the index,
         -- so each page reads only its own rows, without statistics telling the planner so.
         ORDER BY consent_records.server_time, consent_records.seq LIMIT $4`,
        [after[0], after[1], to.toISOString(), pageSize],
      );
      for (const row of page) yield toRecord(row);
      if (page.length < pageSize) return;
      const last = page[page.length - 1];
      after = [String(last.receivedAt), String(last.seq)];
    }
  }

  /** How many records of each decision were received on each day (UTC) in [from, to). */
  async dailyCounts(from: Date, to: Date): Promise<DailyCount[]> {
    return this.sql.query<DailyCount>(
      `SELECT to_char(server_time AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, decision, count(*)::integer AS count
       FROM consent_records WHERE server_time >= $1 AND server_time < $2 GROUP BY 1, 2 ORDER BY 1, 2`,
      [from.toISOString(), to.toISOString()],
    );
  }

  /**
   * Deletes the records received longer ago than `olderThan` (an ISO 8601 duration, P6Y), then the
   * texts no record points at any more. Returns how many records went.
   */
  async purge(olderThan: string): Promise<number> {
    if (!parseDuration(olderThan)) throw new Error(`cookie-consent/records: "${olderThan}" is not an ISO 8601 duration (P6Y, P18M, P30D)`);
    return this.sql.transaction(async (client) => {
      const [{ count }] = await client.query<{ count: number }>(
        `WITH gone AS (DELETE FROM consent_records WHERE server_time < now() - $1::interval RETURNING 1) SELECT count(*)::integer AS count FROM gone`,
        [olderThan],
      );
      // Writers wait meanwhile (their insert of texts needs ROW EXCLUSIVE), and the delete sees every
      // record committed before: no text still shown by a record is deleted.
      await client.query('LOCK TABLE consent_shown IN SHARE ROW EXCLUSIVE MODE');
      await client.query('DELETE FROM consent_shown s WHERE NOT EXISTS (SELECT 1 FROM consent_records r WHERE r.shown_hash = s.hash)');
      return count;
    });
  }

  /** How many records the store holds. */
  async count(): Promise<number> {
    const [{ count }] = await this.sql.query<{ count: number }>('SELECT count(*)::integer AS count FROM consent_records');
    return count;
  }

  /** Runs SQL of the caller's own (tests and the benchmark fill the store with it). */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]> {
    return this.sql.query<Row>(text, params);
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}
