/**
 * The SQLite driver, on better-sqlite3: one writer connection, WAL, durable commits.
 * Transactions from concurrent requests are queued in this process, and `BEGIN IMMEDIATE` takes
 * the database's write lock so another process on the same file waits (up to `busy_timeout`)
 * instead of interleaving a check and its write. better-sqlite3 is synchronous: on a file, the
 * writer runs on a worker thread (see `sqlite-writer.ts`) so a commit's fsync never stalls the
 * requests this process is serving, and reads go to a read-only connection beside it.
 */
import type Database from 'better-sqlite3'
import type { Migration, Row, SqlDriver, SqlExecutor } from './driver'

export interface SqliteDriverOptions {
  /**
   * `FULL` (default) makes every acknowledged commit survive a power cut; `NORMAL` in WAL mode
   * survives a crashed process but may lose the last commits on power loss, for about twice
   * the write throughput.
   */
  synchronous?: 'FULL' | 'NORMAL'
  /** How long a writer waits for another process's write lock, in ms. Default 5 000. */
  busyTimeoutMs?: number
}

/** What the driver needs of a connection: statements (each prepared once) and plain SQL. */
export interface SqliteConnection extends SqlExecutor {
  exec(sql: string): Promise<void>
  close(): Promise<void>
}

export interface SqliteDriverParts {
  /** The connection every write and transaction runs on. */
  writer: SqliteConnection
  /**
   * A read-only connection to the same file for reads outside transactions, so a read never
   * queues behind this process's writes (WAL lets readers run beside the writer). Without it
   * (an in-memory database), reads wait their turn on the writer.
   */
  reader?: SqliteConnection
}

/** The pragmas every connection to a billing database gets, in the order they must run. */
export function connectionPragmas(options: SqliteDriverOptions, file: boolean): string[] {
  return [
    `busy_timeout = ${options.busyTimeoutMs ?? 5000}`,
    ...(file ? ['journal_mode = WAL'] : []),
    `synchronous = ${options.synchronous ?? 'FULL'}`,
    'foreign_keys = ON',
  ]
}

export function createSqliteDriver({ writer, reader }: SqliteDriverParts): SqlDriver {
  // One transaction at a time on the writer; reads without a reader queue behind it so they
  // never see another request's uncommitted writes.
  let queue: Promise<unknown> = Promise.resolve()
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn, fn)
    queue = run.catch(() => {})
    return run
  }

  async function inTransaction<T>(fn: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    await writer.exec('BEGIN IMMEDIATE')
    try {
      const result = await fn(writer)
      await writer.exec('COMMIT')
      return result
    } catch (error) {
      // A failed COMMIT may already have ended the transaction; nothing is left to roll back then.
      await writer.exec('ROLLBACK').catch(() => {})
      throw error
    }
  }

  const queued: SqlExecutor = {
    all: (sql, params) => exclusive(() => writer.all(sql, params)),
    get: (sql, params) => exclusive(() => writer.get(sql, params)),
    run: (sql, params) => exclusive(() => writer.run(sql, params)),
  }
  const readerFor = (sql: string): SqlExecutor => (reader && /^\s*(SELECT|WITH)\b/i.test(sql) ? reader : queued)
  const read: SqlExecutor = {
    all: (sql, params) => readerFor(sql).all(sql, params),
    get: (sql, params) => readerFor(sql).get(sql, params),
    run: (sql, params) => queued.run(sql, params),
  }

  return {
    dialect: 'sqlite',
    read,
    transaction: (fn) => exclusive(() => inTransaction(fn)),
    migrate: (migrations) =>
      exclusive(async () => {
        let version = 0
        for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
          version = await inTransaction(() => applyOne(writer, migration, migrations))
        }
        return version === 0 ? currentVersion(writer) : version
      }),
    async close() {
      await queue
      await reader?.close()
      await writer.close()
    },
  }
}

async function currentVersion(sql: SqliteConnection): Promise<number> {
  await sql.exec(
    'CREATE TABLE IF NOT EXISTS billing_schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT',
  )
  return (await sql.get<{ v: number }>('SELECT COALESCE(MAX(version), 0) AS v FROM billing_schema_migrations'))?.v ?? 0
}

/** Inside the write lock: applies `migration` unless a simultaneous start already did. */
async function applyOne(sql: SqliteConnection, migration: Migration, all: readonly Migration[]): Promise<number> {
  const current = await currentVersion(sql)
  const latest = all.reduce((max, m) => Math.max(max, m.version), 0)
  if (current > latest) {
    throw new Error(
      `react-billing-panel: The billing database is at schema version ${current}, newer than this code knows (${latest}). Update the server.`,
    )
  }
  if (migration.version <= current) return current
  await sql.exec(migration.sqlite)
  await sql.run('INSERT INTO billing_schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
    migration.version,
    migration.name,
    new Date().toISOString(),
  ])
  return migration.version
}

const bind = (params: readonly unknown[] = []) =>
  params.map((p) => (p === undefined ? null : typeof p === 'boolean' ? (p ? 1 : 0) : p))

/** A connection on this thread: statements run synchronously, each prepared once. */
export function inlineConnection(db: Database.Database): SqliteConnection {
  const statements = new Map<string, Database.Statement>()
  const prepare = (sql: string) => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }
  return {
    async all<T = Row>(sql: string, params?: readonly unknown[]) {
      return prepare(sql).all(...bind(params)) as T[]
    },
    async get<T = Row>(sql: string, params?: readonly unknown[]) {
      const statement = prepare(sql)
      if (!statement.reader) {
        statement.run(...bind(params))
        return undefined
      }
      return statement.get(...bind(params)) as T | undefined
    },
    async run(sql: string, params?: readonly unknown[]) {
      const statement = prepare(sql)
      if (statement.reader) return { changes: statement.all(...bind(params)).length }
      return { changes: statement.run(...bind(params)).changes }
    },
    async exec(sql: string) {
      db.exec(sql)
    },
    async close() {
      if (db.open) db.close()
    },
  }
}
