import pg from 'pg'
import type { Migration, Row, SqlDriver, SqlExecutor } from './driver'

export interface PostgresDriverOptions {
  /** A pool the host owns (and closes); otherwise the driver creates one from `connectionString`. */
  pool?: pg.Pool
  connectionString?: string
  /** Pool size of the pool the driver creates. */
  max?: number
  /**
   * The only schema on the `search_path` of the driver's own pool (lower-case identifier), so
   * nothing falls through to `public`; `migrate` creates it. A supplied pool sets its own.
   */
  schema?: string
}

const UNIQUE_VIOLATION = '23505'
const RETRYABLE = new Set(['40001', '40P01']) // serialization_failure, deadlock_detected
const MAX_ATTEMPTS = 6 // the first try and five retries
// sha256('react-billing-panel migrations'), first 8 bytes as a signed bigint.
const MIGRATION_LOCK = '4988789911979919012'
const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === UNIQUE_VIOLATION
}

/** Integers that fit a JS number come back as numbers; anything larger throws instead of rounding. */
function parseInteger(text: string): number {
  const value = Number(text)
  if (!Number.isSafeInteger(value))
    throw new RangeError(`react-billing-panel: Integer ${text} from PostgreSQL exceeds Number.MAX_SAFE_INTEGER.`)
  return value
}

/** NUMERIC with a scale (`12.50`) or NaN stays text: a number could not hold it exactly. */
function parseNumeric(text: string): number | string {
  return /^-?\d+$/.test(text) ? parseInteger(text) : text
}

// Per query, so neither the global `pg.types` nor a host-supplied pool's parsers change.
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (format !== 'binary' && oid === pg.types.builtins.INT8) return parseInteger
    if (format !== 'binary' && oid === pg.types.builtins.NUMERIC) return parseNumeric
    return pg.types.getTypeParser(oid, format as 'text')
  }) as pg.CustomTypesConfig['getTypeParser'],
}

// SQL strings come from code, so the cache stays small; the cap guards generated SQL (IN lists).
const numbered = new Map<string, string>()
const CACHE_LIMIT = 1000

function numberPlaceholders(sql: string): string {
  let text = numbered.get(sql)
  if (text === undefined) {
    let n = 0
    text = sql.replace(/\?/g, () => `$${++n}`)
    if (numbered.size >= CACHE_LIMIT) numbered.clear()
    numbered.set(sql, text)
  }
  return text
}

type Query = (config: pg.QueryConfig) => Promise<pg.QueryResult>

function executor(db: Query): SqlExecutor {
  const query = (sql: string, params?: readonly unknown[]) =>
    db({ text: numberPlaceholders(sql), values: params as unknown[] | undefined, types: TYPES })
  return {
    async all<T = Row>(sql: string, params?: readonly unknown[]) {
      return (await query(sql, params)).rows as T[]
    },
    async get<T = Row>(sql: string, params?: readonly unknown[]) {
      return (await query(sql, params)).rows[0] as T | undefined
    },
    async run(sql: string, params?: readonly unknown[]) {
      return { changes: (await query(sql, params)).rowCount ?? 0 }
    },
  }
}

const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt))

function newerSchemaError(version: number, known: number) {
  return new Error(
    `The billing database is at schema version ${version}, newer than this code knows (${known}). Update the server.`,
  )
}

export function createPostgresDriver(options: PostgresDriverOptions): SqlDriver {
  const { schema } = options
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(
      `react-billing-panel: Schema name "${schema}" must be a lower-case SQL identifier ([a-z_][a-z0-9_]*).`,
    )
  }
  if (options.pool && schema !== undefined) {
    throw new Error(
      'react-billing-panel: `schema` applies to the pool the driver creates; set search_path on a supplied pool yourself.',
    )
  }
  if (!options.pool && !options.connectionString)
    throw new Error('react-billing-panel: createPostgresDriver needs `pool` or `connectionString`.')

  const owned = !options.pool
  const pool =
    options.pool ??
    new pg.Pool({
      connectionString: options.connectionString,
      max: options.max,
      options: schema ? `-c search_path=${schema}` : undefined,
    })
  // An idle connection that drops (server restart) would otherwise crash the process; the pool
  // discards it and the next query connects afresh.
  if (owned) pool.on('error', () => {})

  /** One attempt: BEGIN … COMMIT on one client, ROLLBACK on throw. */
  async function attempt<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect()
    // A checked-out client has no error listener; a dropped connection must not crash the process.
    const onError = () => {}
    client.on('error', onError)
    let broken: Error | undefined
    try {
      await client.query('BEGIN')
      const result = await fn(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      try {
        await client.query('ROLLBACK')
      } catch (rollbackError) {
        broken = rollbackError as Error
      }
      throw error
    } finally {
      client.off('error', onError)
      // Releasing with an error destroys the connection instead of pooling a broken one.
      client.release(broken)
    }
  }

  /** Re-runs the whole of `fn` when PostgreSQL aborted it for a serialization failure or deadlock. */
  async function withTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let tries = 1; ; tries++) {
      try {
        return await attempt(fn)
      } catch (error) {
        const code = sqlState(error)
        if (tries >= MAX_ATTEMPTS || code === undefined || !RETRYABLE.has(code)) throw error
        await backoff(tries)
      }
    }
  }

  /** Applies `migration` unless the database already has it; returns the version afterwards. */
  function step(migration: Migration | undefined, known: number): Promise<number> {
    return withTransaction(async (client) => {
      // The lock comes first: even CREATE … IF NOT EXISTS races between two connections on a fresh database.
      await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`)
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
      await client.query(
        'CREATE TABLE IF NOT EXISTS billing_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      )
      const { rows } = await client.query<{ version: number | null }>(
        'SELECT max(version) AS version FROM billing_schema_migrations',
      )
      const current = rows[0].version ?? 0
      if (current > known) throw newerSchemaError(current, known)
      if (!migration || migration.version <= current) return current
      // No parameters: the simple query protocol, which runs multi-statement bodies.
      await client.query(migration.postgres)
      await client.query('INSERT INTO billing_schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ])
      return migration.version
    })
  }

  return {
    dialect: 'postgres',
    read: executor((config) => pool.query(config)),
    transaction: (fn) => withTransaction((client) => fn(executor((config) => client.query(config)))),
    async migrate(migrations) {
      const ordered = [...migrations].sort((a, b) => a.version - b.version)
      for (const [i, m] of ordered.entries()) {
        if (!Number.isInteger(m.version) || m.version < 1)
          throw new Error(`react-billing-panel: Migration version ${m.version} must be >= 1.`)
        if (i > 0 && ordered[i - 1].version === m.version)
          throw new Error(`react-billing-panel: Two migrations have version ${m.version}.`)
      }
      const known = ordered.at(-1)?.version ?? 0
      // With nothing to apply, one step still checks the database is not ahead of the code.
      let version = ordered.length === 0 ? await step(undefined, known) : 0
      for (const migration of ordered) version = await step(migration, known)
      return version
    },
    async close() {
      if (owned) await pool.end()
    },
  }
}
