// @vitest-environment node
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Migration, SqlDriver, SqlExecutor } from '../../src/server/store/driver'
import { createPostgresDriver, isUniqueViolation } from '../../src/server/store/postgres-driver'
import { createTestDatabase, type TestDatabase } from '../support/postgres-cluster'

const databases: TestDatabase[] = []
const drivers: SqlDriver[] = []
afterAll(async () => {
  await Promise.all(drivers.map((d) => d.close()))
  await Promise.all(databases.map((d) => d.drop()))
})

async function freshDatabase() {
  const database = await createTestDatabase(inject('postgresUrl'))
  databases.push(database)
  return database.url
}

function driverOn(url: string, options: { schema?: string } = {}) {
  const driver = createPostgresDriver({ connectionString: url, ...options })
  drivers.push(driver)
  return driver
}

function deferred<T = void>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

/** Resolves once backend `pid` waits on a lock another backend holds. */
async function blocked(driver: SqlDriver, pid: number) {
  for (;;) {
    const row = await driver.read.get<{ n: number }>('SELECT cardinality(pg_blocking_pids(?)) AS n', [pid])
    if (row && row.n > 0) return
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

// Version 1 fails if run twice (CREATE TABLE); version 2 is multi-statement and seeds one row.
const MIGRATIONS: Migration[] = [
  { version: 1, name: 'accounts', sqlite: '', postgres: 'CREATE TABLE accounts (id text PRIMARY KEY)' },
  {
    version: 2,
    name: 'ledger',
    sqlite: '',
    postgres: `CREATE TABLE ledger (id bigint PRIMARY KEY, account text NOT NULL REFERENCES accounts (id));
      INSERT INTO accounts (id) VALUES ('acc_seed');`,
  },
]
const V3: Migration = { version: 3, name: 'memo', sqlite: '', postgres: 'ALTER TABLE ledger ADD COLUMN memo text' }

describe('PostgreSQL driver', () => {
  let driver: SqlDriver
  beforeAll(async () => {
    driver = driverOn(await freshDatabase())
    await driver.read.run('CREATE TABLE wallet (id integer PRIMARY KEY, balance bigint NOT NULL)')
    await driver.read.run('CREATE TABLE amounts (id integer PRIMARY KEY, big bigint, exact numeric(12, 2))')
  })

  it('numbers ? placeholders, many of them too', async () => {
    expect(await driver.read.get('SELECT ?::int AS a, ?::text AS b', [7, 'x?'])).toEqual({ a: 7, b: 'x?' })
    const values = Array.from({ length: 40 }, (_, i) => i + 1)
    const sum = values.map(() => '?::int').join(' + ')
    expect(await driver.read.get(`SELECT ${sum} AS total`, values)).toEqual({ total: 820 })
    // The cached conversion serves a second call with other values.
    expect(
      await driver.read.get(
        `SELECT ${sum} AS total`,
        values.map(() => 1),
      ),
    ).toEqual({ total: 40 })
  })

  it('run reports affected rows, all lists rows, get is undefined without a row', async () => {
    expect(await driver.read.run('INSERT INTO wallet (id, balance) VALUES (?, ?), (?, ?)', [1, 100, 2, 200])).toEqual({
      changes: 2,
    })
    expect(await driver.read.run('UPDATE wallet SET balance = balance WHERE id > ?', [0])).toEqual({ changes: 2 })
    expect(await driver.read.all('SELECT id, balance FROM wallet ORDER BY id')).toEqual([
      { id: 1, balance: 100 },
      { id: 2, balance: 200 },
    ])
    expect(await driver.read.get('SELECT id FROM wallet WHERE id = ?', [99])).toBeUndefined()
    await driver.read.run('DELETE FROM wallet')
  })

  it('returns BIGINT and integral NUMERIC as numbers, and refuses to round past MAX_SAFE_INTEGER', async () => {
    await driver.read.run('INSERT INTO amounts (id, big, exact) VALUES (?, ?, ?), (?, ?, ?)', [
      1,
      Number.MAX_SAFE_INTEGER,
      '12.50',
      2,
      -5,
      '0.25',
    ])
    expect(await driver.read.get('SELECT big, exact FROM amounts WHERE id = ?', [1])).toEqual({
      big: Number.MAX_SAFE_INTEGER,
      exact: '12.50', // a scaled NUMERIC stays exact text
    })
    // count(*) is BIGINT and sum(bigint) is NUMERIC.
    expect(await driver.read.get('SELECT count(*) AS n, sum(big) AS total FROM amounts WHERE id = ?', [2])).toEqual({
      n: 1,
      total: -5,
    })
    await expect(driver.read.get('SELECT ?::bigint + 1 AS big', [Number.MAX_SAFE_INTEGER])).rejects.toThrow(
      /exceeds Number\.MAX_SAFE_INTEGER/,
    )
    await expect(driver.read.get('SELECT sum(big) + 10 AS total FROM amounts')).rejects.toThrow(RangeError)
    // The global parsers are untouched: a plain pg client still reads BIGINT as text.
    const client = new pg.Client({ connectionString: databases[0].url })
    await client.connect()
    expect((await client.query('SELECT 5::bigint AS big')).rows[0]).toEqual({ big: '5' })
    await client.end()
  })

  it('rolls back everything a throwing transaction wrote, once, and rethrows its error', async () => {
    const failure = new Error('card declined')
    let calls = 0
    await expect(
      driver.transaction(async (sql) => {
        calls++
        await sql.run('INSERT INTO wallet (id, balance) VALUES (?, ?)', [10, 1])
        await sql.run('INSERT INTO wallet (id, balance) VALUES (?, ?)', [11, 2])
        expect(await sql.get('SELECT count(*) AS n FROM wallet')).toEqual({ n: 2 })
        throw failure
      }),
    ).rejects.toBe(failure)
    expect(calls).toBe(1)
    expect(await driver.read.all('SELECT id FROM wallet')).toEqual([])
  })

  it('commits what a resolving transaction wrote and returns its value', async () => {
    const result = await driver.transaction(async (sql) => {
      await sql.run('INSERT INTO wallet (id, balance) VALUES (?, ?)', [20, 5])
      return 'done'
    })
    expect(result).toBe('done')
    expect(await driver.read.get('SELECT balance FROM wallet WHERE id = ?', [20])).toEqual({ balance: 5 })
  })

  it('serialises two transactions that lock the same row FOR UPDATE', async () => {
    await driver.read.run('INSERT INTO wallet (id, balance) VALUES (?, ?)', [30, 100])
    const firstLocked = deferred()
    const secondPid = deferred<number>()
    const credit = async (sql: SqlExecutor) => {
      const row = await sql.get<{ balance: number }>('SELECT balance FROM wallet WHERE id = ? FOR UPDATE', [30])
      await sql.run('UPDATE wallet SET balance = ? WHERE id = ?', [(row?.balance ?? 0) + 10, 30])
      return row?.balance
    }
    const first = driver.transaction(async (sql) => {
      const row = await sql.get('SELECT balance FROM wallet WHERE id = ? FOR UPDATE', [30])
      firstLocked.resolve()
      // Write only once the second transaction is queued behind this one's row lock.
      await blocked(driver, await secondPid.promise)
      await credit(sql)
      return row
    })
    await firstLocked.promise
    const second = driver.transaction(async (sql) => {
      const own = await sql.get<{ pid: number }>('SELECT pg_backend_pid() AS pid')
      secondPid.resolve(own?.pid ?? 0)
      return credit(sql)
    })
    expect(await first).toEqual({ balance: 100 })
    expect(await second).toBe(110) // it read the first one's committed write
    expect(await driver.read.get('SELECT balance FROM wallet WHERE id = ?', [30])).toEqual({ balance: 120 })
  })

  it('re-runs the transaction PostgreSQL aborted for a deadlock', async () => {
    await driver.read.run('INSERT INTO wallet (id, balance) VALUES (?, 0), (?, 0)', [41, 42])
    const locked = { 41: deferred(), 42: deferred() }
    let calls = 0
    const both = (mine: 41 | 42, theirs: 41 | 42) =>
      driver.transaction(async (sql) => {
        calls++
        await sql.get('SELECT id FROM wallet WHERE id = ? FOR UPDATE', [mine])
        locked[mine].resolve()
        await locked[theirs].promise
        await sql.get('SELECT id FROM wallet WHERE id = ? FOR UPDATE', [theirs])
        await sql.run('UPDATE wallet SET balance = balance + 1 WHERE id IN (?, ?)', [41, 42])
      })
    await Promise.all([both(41, 42), both(42, 41)])
    expect(calls).toBe(3) // one of the two was aborted and ran again
    expect(await driver.read.all('SELECT balance FROM wallet WHERE id IN (41, 42)')).toEqual([
      { balance: 2 },
      { balance: 2 },
    ])
  }, 30_000)

  it('gives up after five retries of a serialization failure', async () => {
    let calls = 0
    const conflict = Object.assign(new Error('could not serialize access'), { code: '40001' })
    await expect(
      driver.transaction(async () => {
        calls++
        throw conflict
      }),
    ).rejects.toBe(conflict)
    expect(calls).toBe(6)
  })

  it('flags unique violations by SQLSTATE', async () => {
    const error = await driver.read.run('INSERT INTO wallet (id, balance) VALUES (?, ?)', [20, 1]).catch((e) => e)
    expect(isUniqueViolation(error)).toBe(true)
    expect(isUniqueViolation(new Error('other'))).toBe(false)
    expect(isUniqueViolation(null)).toBe(false)
  })

  it('leaves a supplied pool open on close', async () => {
    const pool = new pg.Pool({ connectionString: databases[0].url })
    const borrowed = createPostgresDriver({ pool })
    expect(await borrowed.read.get('SELECT 1::bigint AS one')).toEqual({ one: 1 })
    await borrowed.close()
    expect((await pool.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }])
    await pool.end()
  })
})

describe('PostgreSQL migrations', () => {
  it('five drivers migrating one fresh database at once apply each migration exactly once', async () => {
    const url = await freshDatabase()
    const five = Array.from({ length: 5 }, () => driverOn(url))
    // Connected first, so the five migrate calls reach the server together.
    await Promise.all(five.map((d) => d.read.get('SELECT 1')))
    expect(await Promise.all(five.map((d) => d.migrate(MIGRATIONS)))).toEqual([2, 2, 2, 2, 2])
    expect(await five[0].read.all('SELECT version, name FROM billing_schema_migrations ORDER BY version')).toEqual([
      { version: 1, name: 'accounts' },
      { version: 2, name: 'ledger' },
    ])
    expect(await five[0].read.all('SELECT id FROM accounts')).toEqual([{ id: 'acc_seed' }])
  })

  it('a second migrate is a no-op, and a later one applies only the new version', async () => {
    const driver = driverOn(await freshDatabase())
    expect(await driver.migrate(MIGRATIONS)).toBe(2)
    const before = await driver.read.all('SELECT version, applied_at FROM billing_schema_migrations ORDER BY version')
    expect(await driver.migrate(MIGRATIONS)).toBe(2)
    expect(await driver.read.all('SELECT version, applied_at FROM billing_schema_migrations ORDER BY version')).toEqual(
      before,
    )
    expect(await driver.migrate([V3, ...MIGRATIONS])).toBe(3)
    expect(await driver.read.all('SELECT version FROM billing_schema_migrations ORDER BY version')).toEqual([
      { version: 1 },
      { version: 2 },
      { version: 3 },
    ])
    expect(await driver.read.all('SELECT id FROM accounts')).toEqual([{ id: 'acc_seed' }])
  })

  it('refuses a database at a newer schema version than the code knows', async () => {
    const url = await freshDatabase()
    expect(await driverOn(url).migrate([...MIGRATIONS, V3])).toBe(3)
    const older = driverOn(url)
    await expect(older.migrate(MIGRATIONS)).rejects.toThrow(
      'The billing database is at schema version 3, newer than this code knows (2). Update the server.',
    )
    await expect(older.migrate([])).rejects.toThrow(/schema version 3, newer than this code knows \(0\)/)
  })

  it('migrates into the schema named by the schema option', async () => {
    const url = await freshDatabase()
    const tenant = driverOn(url, { schema: 'tenant_a' })
    expect(await tenant.migrate(MIGRATIONS)).toBe(2)
    expect(
      await tenant.read.all(
        "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY table_name",
      ),
    ).toEqual([
      { table_schema: 'tenant_a', table_name: 'accounts' },
      { table_schema: 'tenant_a', table_name: 'billing_schema_migrations' },
      { table_schema: 'tenant_a', table_name: 'ledger' },
    ])
    expect(() => createPostgresDriver({ connectionString: url, schema: 'Bad-Name' })).toThrow(
      /lower-case SQL identifier/,
    )
  })
})
