/**
 * The SQLite driver, on better-sqlite3: one connection, WAL, durable commits. better-sqlite3 is
 * synchronous, so transactions from concurrent requests are queued in this process, and
 * `BEGIN IMMEDIATE` takes the database's write lock so another process on the same file waits
 * (up to `busy_timeout`) instead of interleaving a check and its write.
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
  /**
   * Opens a second, read-only connection to the same file for reads outside transactions, so a
   * read never queues behind this process's writes (WAL lets readers run beside the writer).
   * Without it (an in-memory database), reads wait their turn on the one connection.
   */
  openReader?: () => Database.Database
}

const bind = (params: readonly unknown[] = []) =>
  params.map((p) => (p === undefined ? null : typeof p === 'boolean' ? (p ? 1 : 0) : p))

export function createSqliteDriver(db: Database.Database, options: SqliteDriverOptions = {}): SqlDriver {
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`)
  if (!db.memory) db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`)
  db.pragma('foreign_keys = ON')

  const executor = executorFor(db)

  // One transaction at a time on the connection; reads queue behind it so they never see
  // another request's uncommitted writes.
  let queue: Promise<unknown> = Promise.resolve()
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn, fn)
    queue = run.catch(() => {})
    return run
  }

  async function inTransaction<T>(fn: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    db.exec('BEGIN IMMEDIATE')
    try {
      const result = await fn(executor)
      db.exec('COMMIT')
      return result
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK')
      throw error
    }
  }

  const queued: SqlExecutor = {
    all: (sql, params) => exclusive(() => executor.all(sql, params)),
    get: (sql, params) => exclusive(() => executor.get(sql, params)),
    run: (sql, params) => exclusive(() => executor.run(sql, params)),
  }
  let reader: Database.Database | null = null
  let readerExecutor: SqlExecutor | null = null
  const readerFor = (sql: string): SqlExecutor | null => {
    if (!options.openReader || !/^\s*(SELECT|WITH)\b/i.test(sql)) return null
    if (!readerExecutor) {
      reader = options.openReader()
      reader.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`)
      readerExecutor = executorFor(reader)
    }
    return readerExecutor
  }
  const read: SqlExecutor = {
    all: (sql, params) => (readerFor(sql) ?? queued).all(sql, params),
    get: (sql, params) => (readerFor(sql) ?? queued).get(sql, params),
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
          version = await inTransaction(async () => applyOne(db, migration, migrations))
        }
        return version === 0 ? currentVersion(db) : version
      }),
    async close() {
      await queue
      reader?.close()
      db.close()
    },
  }
}

function currentVersion(db: Database.Database): number {
  db.exec(
    'CREATE TABLE IF NOT EXISTS billing_schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT',
  )
  return (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM billing_schema_migrations').get() as { v: number }).v
}

/** Inside the write lock: applies `migration` unless a simultaneous start already did. */
function applyOne(db: Database.Database, migration: Migration, all: readonly Migration[]): number {
  const current = currentVersion(db)
  const latest = all.reduce((max, m) => Math.max(max, m.version), 0)
  if (current > latest) {
    throw new Error(
      `The billing database is at schema version ${current}, newer than this code knows (${latest}). Update the server.`,
    )
  }
  if (migration.version <= current) return current
  db.exec(migration.sqlite)
  db.prepare('INSERT INTO billing_schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
    migration.version,
    migration.name,
    new Date().toISOString(),
  )
  return migration.version
}

/** Statements on one connection, each prepared once. */
function executorFor(db: Database.Database): SqlExecutor {
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
  }
}
