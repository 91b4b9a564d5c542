/**
 * The two drivers behind one small interface, so every query of the store is the same SQL. Both are
 * optional peer dependencies, loaded only when a store opens: a site that uses only the script tag
 * or `cookie-consent/server` installs neither.
 */

/** A connection inside a transaction. */
export interface TransactionClient {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Several statements without parameters (a migration). */
  exec(script: string): Promise<void>;
}

/** What the store needs from a database connection. */
export interface SqlClient {
  /** One parameterised statement; rows as plain objects. */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `work` in one transaction, on one connection. */
  transaction<T>(work: (client: TransactionClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Which database this is, for messages: "embedded store in <dir>" or "PostgreSQL <host>/<db>". */
  readonly description: string;
}

async function importDriver<T>(name: string, purpose: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' || (error as { code?: string }).code === 'MODULE_NOT_FOUND') {
      throw new Error(`cookie-consent/records: ${purpose} needs the package "${name}", which is not installed: npm install ${name}`);
    }
    throw error;
  }
}

interface PGliteQueryable {
  query<Row>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec(script: string): Promise<unknown>;
}
interface PGliteInstance extends PGliteQueryable {
  transaction<T>(work: (tx: PGliteQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The embedded store: PostgreSQL in WebAssembly, its data in `dataDir` (in memory without one). */
export async function openPGlite(dataDir?: string): Promise<SqlClient> {
  const { PGlite } = await importDriver<{ PGlite: { create(dataDir?: string): Promise<PGliteInstance> } }>('@electric-sql/pglite', 'the embedded store');
  const db = await PGlite.create(dataDir);
  const wrap = (queryable: PGliteQueryable) => ({
    query: async <Row>(text: string, params?: unknown[]) => (await queryable.query<Row>(text, params)).rows,
    exec: async (script: string) => void (await queryable.exec(script)),
  });
  return {
    ...wrap(db),
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    close: () => db.close(),
    description: dataDir ? `embedded store in ${dataDir}` : 'embedded store in memory',
  };
}

interface PgPoolClient {
  query<Row>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  release(error?: Error): void;
}
interface PgPool {
  query<Row>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  connect(): Promise<PgPoolClient>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): void;
}

/** A PostgreSQL server: a pool of connections, so several writers (and several processes) share it. */
export async function openPostgres(databaseUrl: string, poolSize = 10): Promise<SqlClient> {
  const pg = await importDriver<{ default: { Pool: new (options: object) => PgPool } }>('pg', 'a PostgreSQL store (DATABASE_URL)');
  const pool = new pg.default.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle connection the server drops is replaced on the next query; it must not end the process.
  pool.on('error', (error) => console.error(`cookie-consent/records: a PostgreSQL connection failed: ${error.message}`));
  const url = new URL(databaseUrl);
  return {
    query: async <Row>(text: string, params?: unknown[]) => (await pool.query<Row>(text, params)).rows,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <Row>(text: string, params?: unknown[]) => (await client.query<Row>(text, params)).rows,
          // Without parameters pg sends the simple query protocol, which takes several statements.
          exec: async (script: string) => void (await client.query(script)),
        });
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release(error as Error);
        throw error;
      }
    },
    close: () => pool.end(),
    description: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
  };
}
