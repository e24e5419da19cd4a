/**
 * The SQLite writer on a worker thread. better-sqlite3 runs every statement synchronously, and a
 * durable commit waits for the disk (fsync): on the request thread, each commit would stall
 * every other request this process serves, a small account's wallet read included. The writer
 * connection lives on its own thread instead; the driver sends it statements in order and the
 * request thread stays free. The worker's code is inline (a few lines of plain JavaScript) so
 * the package needs no extra file resolved at run time.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { Row } from './driver'
import type { SqliteConnection } from './sqlite-driver'

const WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
let db = null
let openError = null
try {
  db = new Database(workerData.filename)
  for (const pragma of workerData.pragmas) db.pragma(pragma)
} catch (error) {
  openError = error
}
const statements = new Map()
function prepare(sql) {
  let statement = statements.get(sql)
  if (!statement) {
    statement = db.prepare(sql)
    statements.set(sql, statement)
  }
  return statement
}
function run(op, sql, params) {
  if (openError) throw openError
  switch (op) {
    case 'exec':
      db.exec(sql)
      return null
    case 'all':
      return prepare(sql).all(...params)
    case 'get': {
      const statement = prepare(sql)
      if (!statement.reader) {
        statement.run(...params)
        return undefined
      }
      return statement.get(...params)
    }
    case 'run': {
      const statement = prepare(sql)
      if (statement.reader) return { changes: statement.all(...params).length }
      return { changes: statement.run(...params).changes }
    }
    case 'close':
      if (db && db.open) db.close()
      return null
    default:
      throw new Error('react-billing-panel: Unknown writer operation: ' + op)
  }
}
parentPort.on('message', ({ id, op, sql, params }) => {
  try {
    parentPort.postMessage({ id, result: run(op, sql, params) })
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } })
  }
  if (op === 'close') parentPort.close()
})
`

interface Reply {
  id: number
  result?: unknown
  error?: { message: string; code?: string }
}

const bind = (params: readonly unknown[] = []) =>
  params.map((p) => (p === undefined ? null : typeof p === 'boolean' ? (p ? 1 : 0) : p))

/**
 * Opens `filename` on a worker thread with `pragmas` applied. The worker keeps the process alive
 * only while a statement is in flight, so a host that forgets `close()` still exits.
 */
export function workerConnection(filename: string, pragmas: readonly string[]): SqliteConnection {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  // The worker's code is CommonJS; none of the host's Node flags (`--input-type=module`, loaders) apply to it.
  const worker = new Worker(WRITER_SOURCE, { eval: true, execArgv: [], workerData: { driver, filename, pragmas } })
  worker.unref()
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  let next = 0
  let stopped: Error | null = null
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  const fail = (error: Error) => {
    stopped ??= error
    for (const waiting of pending.values()) waiting.reject(error)
    pending.clear()
  }
  worker.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id)
    pending.delete(reply.id)
    if (pending.size === 0) worker.unref()
    if (!waiting) return
    if (reply.error) waiting.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }))
    else waiting.resolve(reply.result)
  })
  worker.on('error', fail)
  worker.on('exit', () => fail(new Error('The SQLite writer thread has stopped.')))

  function call<T>(op: string, sql = '', params?: readonly unknown[]): Promise<T> {
    if (stopped) return Promise.reject(stopped)
    return new Promise<T>((resolve, reject) => {
      next += 1
      pending.set(next, { resolve: resolve as (value: unknown) => void, reject })
      if (pending.size === 1) worker.ref()
      worker.postMessage({ id: next, op, sql, params: bind(params) })
    })
  }

  let closing: Promise<void> | null = null
  return {
    all: <T = Row>(sql: string, params?: readonly unknown[]) => call<T[]>('all', sql, params),
    get: <T = Row>(sql: string, params?: readonly unknown[]) => call<T | undefined>('get', sql, params),
    run: (sql, params) => call<{ changes: number }>('run', sql, params),
    exec: (sql) => call<void>('exec', sql),
    close() {
      closing ??= (async () => {
        if (!stopped) await call<void>('close')
        // Held until the thread is gone, so a process ending on close() waits for it.
        worker.ref()
        await exited
      })()
      return closing
    },
  }
}
