/**
 * `npm run bench:server`: the shipped back end under load on this machine, SQLite and PostgreSQL
 * side by side. An account with 100 000 ledger entries against a fresh one; bounded autocannon
 * runs against server processes on 127.0.0.1, each stopped by its pid at the end. Prints figures
 * and the goals they are held to, and writes bench/server/results.json.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { seedAccount } from '../../examples/server/seed'
import { openStore } from '../../examples/server/test-kit'
import { type SpendFigures, measureSpendSummary } from './spend'
import type { BillingStore } from '../../src/server/store/repository'
import { createTestDatabase, startPostgresCluster } from '../../tests/support/postgres-cluster'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
const BIG = 'acct_big'
const FRESH = 'acct_fresh'
const BIG_LEDGER = Number(process.env.BENCH_LEDGER_SIZE ?? 100_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
/** Accounts the throughput runs spread top-ups over (one account's writes queue on its wallet row). */
const SPREAD = Array.from({ length: 8 }, (_, i) => `acct_spread_${i}`)

interface Server {
  url: string
  stop(): Promise<void>
}

function serve(env: Record<string, string>): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'serve.ts')], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /listening (\S+)/.exec(chunk.toString())
      if (match)
        resolve({
          url: match[1],
          async stop() {
            child.kill('SIGTERM')
            await exited
          },
        })
    })
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
}

const auth = (account: string) => ({ Authorization: `Bearer tok-${account}` })
let keys = 0
const topUp = (account: string) => ({
  method: 'POST' as const,
  path: '/v1/wallet/top-ups',
  setupRequest(request: autocannon.Request) {
    keys += 1
    return {
      ...request,
      headers: {
        ...request.headers,
        ...auth(account),
        'Content-Type': 'application/json',
        'Idempotency-Key': `bench-${keys}-${Date.now()}`,
      },
      body: JSON.stringify({ amount: { amount: 1000, currency: 'USD' }, paymentMethodId: 'pm_visa_4242' }),
    }
  },
})

function load(url: string, options: Partial<autocannon.Options>): Promise<autocannon.Result> {
  return autocannon({ url, connections: 8, duration: SECONDS, ...options } as autocannon.Options)
}

async function lastCursor(store: BillingStore): Promise<string> {
  const row = await store.sql.get<{ created_at: string; seq: unknown }>(
    'SELECT created_at, seq FROM ledger_entries WHERE account_id = ? ORDER BY created_at, seq LIMIT 1 OFFSET 50',
    [BIG],
  )
  return Buffer.from(JSON.stringify([row?.created_at, Number(row?.seq)])).toString('base64url')
}

interface Figures {
  walletP99: { big: number; fresh: number }
  ledgerP99: { first: number; deepest: number }
  topUpsPerSecond: { one: number; two: number }
  freshP99: { idle: number; whileBigTakesTopUps: number }
  spend: SpendFigures
  errors: number
}

async function benchStore(
  kind: 'sqlite' | 'postgres',
  env: Record<string, string>,
  store: BillingStore,
): Promise<Figures> {
  const seedStart = performance.now()
  await seedAccount(store, { accountId: BIG, currency: 'USD', locale: 'en', ledgerSize: BIG_LEDGER })
  await seedAccount(store, { accountId: FRESH, currency: 'USD', locale: 'en', empty: false })
  for (const account of SPREAD) await seedAccount(store, { accountId: account, currency: 'USD', locale: 'en' })
  console.log(`${kind}: seeded ${BIG_LEDGER} entries in ${Math.round(performance.now() - seedStart)} ms`)
  const cursor = await lastCursor(store)
  const spend = await measureSpendSummary(store, BIG)
  const one = await serve(env)
  let errors = 0
  const count = (r: autocannon.Result) => {
    errors += r.errors + r.non2xx
    return r
  }
  try {
    const wallet = async (account: string) =>
      count(await load(`${one.url}/v1/wallet`, { headers: auth(account) })).latency.p99
    // Warm the server (JIT, statement caches, page cache) before the first measured run.
    await load(`${one.url}/v1/wallet`, { headers: auth(FRESH), duration: 2 })
    await load(`${one.url}/v1/ledger?limit=50`, { headers: auth(FRESH), duration: 1 })
    const walletBig = await wallet(BIG)
    const walletFresh = await wallet(FRESH)
    const firstPage = count(await load(`${one.url}/v1/ledger?limit=50`, { headers: auth(BIG) })).latency.p99
    const deepest = count(await load(`${one.url}/v1/ledger?limit=50&cursor=${cursor}`, { headers: auth(BIG) })).latency
      .p99
    const spreadLoad = (url: string) => load(url, { connections: 16, requests: SPREAD.map(topUp) }).then(count)
    const single = await spreadLoad(one.url)
    let pair = single.requests.average
    if (kind === 'postgres') {
      const two = await serve(env)
      try {
        const [x, y] = await Promise.all([spreadLoad(one.url), spreadLoad(two.url)])
        pair = x.requests.average + y.requests.average
      } finally {
        await two.stop()
      }
    }
    const idle = await wallet(FRESH)
    const [busy] = await Promise.all([
      load(`${one.url}/v1/wallet`, { headers: auth(FRESH), connections: 4 }).then(count),
      load(one.url, { connections: 8, requests: [topUp(BIG)] }).then(count),
    ])
    return {
      walletP99: { big: walletBig, fresh: walletFresh },
      ledgerP99: { first: firstPage, deepest },
      topUpsPerSecond: { one: single.requests.average, two: pair },
      freshP99: { idle, whileBigTakesTopUps: busy.latency.p99 },
      spend,
      errors,
    }
  } finally {
    await one.stop()
  }
}

const results: Record<string, Figures> = {}
const dir = mkdtempSync(path.join(tmpdir(), 'billing-bench-'))
try {
  const filename = path.join(dir, 'bench.sqlite')
  const sqlite = await openStore({ filename })
  results.sqlite = await benchStore('sqlite', { BILLING_DB: filename }, sqlite)
  await sqlite.close()

  const cluster = await startPostgresCluster()
  try {
    const db = await createTestDatabase(cluster.url)
    const pg = await openStore({ postgresUrl: db.url })
    results.postgres = await benchStore('postgres', { DATABASE_URL: db.url }, pg)
    await pg.close()
  } finally {
    await cluster.stop()
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const ms = (n: number) => `${n.toFixed(1)} ms`
const ratio = (a: number, b: number) => `${(a / Math.max(b, 0.01)).toFixed(2)}×`
const rows: Array<[string, string, string, string]> = []
for (const [kind, f] of Object.entries(results)) {
  rows.push(
    [
      kind,
      'GET /v1/wallet p99, 100 000-entry vs fresh account',
      `${ms(f.walletP99.big)} vs ${ms(f.walletP99.fresh)} (${ratio(f.walletP99.big, f.walletP99.fresh)})`,
      '≤ 1.5×',
    ],
    [
      kind,
      'ledger page p99, deepest vs first',
      `${ms(f.ledgerP99.deepest)} vs ${ms(f.ledgerP99.first)} (${ratio(f.ledgerP99.deepest, f.ledgerP99.first)})`,
      '≤ 1.3×',
    ],
    [
      kind,
      kind === 'postgres' ? 'top-ups req/s, one vs two instances' : 'top-ups req/s',
      kind === 'postgres'
        ? `${f.topUpsPerSecond.one.toFixed(0)} → ${f.topUpsPerSecond.two.toFixed(0)}`
        : f.topUpsPerSecond.one.toFixed(0),
      kind === 'postgres' ? 'two > one' : '≥ 300',
    ],
    [
      kind,
      'fresh account wallet p99, idle vs while the big one takes top-ups',
      `${ms(f.freshP99.idle)} vs ${ms(f.freshP99.whileBigTakesTopUps)} (${ratio(f.freshP99.whileBigTakesTopUps, f.freshP99.idle)})`,
      '≤ 2×',
    ],
    [
      kind,
      'spend summary in process, 30 days by day / 12 months by month (median)',
      `${ms(f.spend.day.median)} / ${ms(f.spend.month.median)}`,
      kind === 'sqlite' ? '≤ 50 ms' : '',
    ],
    [kind, 'errors and non-2xx answers', String(f.errors), '0'],
  )
}
const width = rows.reduce((w, r) => w.map((n, i) => Math.max(n, r[i].length)), [5, 6, 5, 4])
for (const r of [['store', 'figure', 'value', 'goal'] as [string, string, string, string], ...rows]) {
  console.log(r.map((cell, i) => cell.padEnd(width[i])).join('  '))
}
writeFileSync(path.join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
