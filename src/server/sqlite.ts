/**
 * `react-billing-panel/server/sqlite`: the embedded store, on better-sqlite3 (an optional peer
 * dependency: install it only if you use this entry). Zero set-up: one file, or `:memory:`.
 */
import Database from 'better-sqlite3'
import {
  type SqliteConnection,
  type SqliteDriverOptions,
  connectionPragmas,
  createSqliteDriver,
  inlineConnection,
} from './store/sqlite-driver'
import { workerConnection } from './store/sqlite-writer'
import { type BillingStore, createSqlStore } from './store/repository'

export interface SqliteStoreOptions extends SqliteDriverOptions {
  /** A database file (created when missing) or ":memory:". Ignored when `database` is given. */
  filename?: string
  /**
   * A connection the host opened itself; the store sets its pragmas and closes it on `close()`.
   * Writes then run on the request thread (a connection cannot move to another thread).
   */
  database?: Database.Database
  /**
   * Where a database file's writer runs: `'worker'` (default) on its own thread, so a commit's
   * wait for the disk never stalls other requests; `'inline'` on the calling thread.
   */
  writer?: 'worker' | 'inline'
}

/** Opens the store; call `await store.migrate()` before use (safe when several processes start at once). */
export function createSqliteStore(options: SqliteStoreOptions = {}): BillingStore {
  const filename = options.filename ?? ':memory:'
  const onThread = options.database !== undefined || options.writer === 'inline' || isMemory(filename)
  if (onThread) {
    const db = options.database ?? new Database(filename)
    for (const pragma of connectionPragmas(options, !db.memory)) db.pragma(pragma)
    const file = db.memory ? null : db.name
    return createSqlStore(
      createSqliteDriver({ writer: inlineConnection(db), reader: file ? lazyReader(file, options) : undefined }),
    )
  }
  const writer = workerConnection(filename, connectionPragmas(options, true))
  return createSqlStore(createSqliteDriver({ writer, reader: lazyReader(filename, options, writer) }))
}

function isMemory(filename: string): boolean {
  return filename === ':memory:' || filename === '' || filename.startsWith('file::memory:')
}

/**
 * The read-only connection, opened on first read: by then the writer has created the file
 * (`opened` waits for a worker writer's first answer).
 */
function lazyReader(file: string, options: SqliteDriverOptions, opened?: SqliteConnection): SqliteConnection {
  let connection: Promise<SqliteConnection> | null = null
  const open = () => {
    connection ??= (async () => {
      await opened?.get('SELECT 1')
      const db = new Database(file, { readonly: true, fileMustExist: true })
      db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`)
      return inlineConnection(db)
    })()
    return connection
  }
  return {
    all: async (sql, params) => (await open()).all(sql, params),
    get: async (sql, params) => (await open()).get(sql, params),
    run: async (sql, params) => (await open()).run(sql, params),
    exec: async (sql) => (await open()).exec(sql),
    async close() {
      if (connection) await (await connection).close()
    },
  }
}

export type { BillingStore } from './store/repository'
