/**
 * The spend summary over a 100 000-entry ledger, in process (service → store, no HTTP), on both
 * stores: the 30-days-by-day and 12-months-by-month views the wallet's chart asks for. Run on its
 * own, it seeds a SQLite file and a throwaway PostgreSQL database, prints one JSON line and exits;
 * `npm run bench` and `npm run bench:server` print its figures.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { seedAccount } from '../../examples/server/seed'
import { openStore } from '../../examples/server/test-kit'
import type { SpendGranularity } from '../../src/adapter/types'
import { createBillingService } from '../../src/server/service/index'
import type { BillingStore } from '../../src/server/store/repository'
import { createTestDatabase, startPostgresCluster } from '../../tests/support/postgres-cluster'

export interface SpendFigures {
  /** Milliseconds per call: median and the slowest of the runs. */
  day: { median: number; max: number; periods: number; categories: number }
  month: { median: number; max: number; periods: number; categories: number }
  /** SQLite only: the plan reads the spend index alone (a covering index). */
  usesIndex?: boolean
}

const RUNS = 40

export async function measureSpendSummary(store: BillingStore, accountId: string): Promise<SpendFigures> {
  const service = createBillingService({ store }).forAccount(accountId)
  const now = new Date()
  const ranges: Record<SpendGranularity, { from: string; to: string }> = {
    day: { from: new Date(now.getTime() - 30 * 86_400_000).toISOString(), to: now.toISOString() },
    month: {
      from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)).toISOString(),
      to: now.toISOString(),
    },
  }
  const figures = {} as SpendFigures
  for (const granularity of ['day', 'month'] as const) {
    const input = { ...ranges[granularity], granularity }
    const summary = await service.getSpendSummary(input)
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now()
      await service.getSpendSummary(input)
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    figures[granularity] = {
      median: times[Math.floor(times.length / 2)],
      max: times[times.length - 1],
      periods: summary.periods.length,
      categories: summary.categories.length,
    }
  }
  if (store.dialect === 'sqlite') {
    const plan = await store.sql.all<{ detail: string }>(
      `EXPLAIN QUERY PLAN SELECT substr(created_at, 1, 10), usage_unit, SUM(amount) FROM ledger_entries
       WHERE account_id = ? AND type = 'usage' AND status = 'succeeded' AND created_at >= ? AND created_at < ?
       GROUP BY 1, 2`,
      [accountId, ranges.day.from, ranges.day.to],
    )
    figures.usesIndex = plan.some((row) => /USING COVERING INDEX ledger_usage_spend/.test(row.detail))
  }
  return figures
}

const LEDGER = Number(process.env.BENCH_LEDGER_SIZE ?? 100_000)

async function main() {
  const results: Record<string, SpendFigures> = {}
  const dir = mkdtempSync(path.join(tmpdir(), 'billing-spend-'))
  try {
    const sqlite = await openStore({ filename: path.join(dir, 'spend.sqlite') })
    await seedAccount(sqlite, { accountId: 'acct_big', currency: 'USD', locale: 'en', ledgerSize: LEDGER })
    results.sqlite = await measureSpendSummary(sqlite, 'acct_big')
    await sqlite.close()
    const cluster = await startPostgresCluster()
    try {
      const db = await createTestDatabase(cluster.url)
      const pg = await openStore({ postgresUrl: db.url })
      await seedAccount(pg, { accountId: 'acct_big', currency: 'USD', locale: 'en', ledgerSize: LEDGER })
      results.postgres = await measureSpendSummary(pg, 'acct_big')
      await pg.close()
    } finally {
      await cluster.stop()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  console.log(JSON.stringify(results))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
