/**
 * The spend summary's one statement: succeeded usage per UTC period and unit, summed by the
 * database from the partial `ledger_usage_spend (account_id, created_at, usage_unit, amount)`
 * index alone, so the cost follows the usage in the range, not the size of the ledger. `created_at` is ISO text in both
 * dialects, so its first 10 (day) or 7 (month) characters are the UTC period in both.
 */
import type { SpendGranularity } from '../../adapter/types'
import type { SqlExecutor } from './driver'

export interface SpendAggregateRow {
  period: string
  unit: string
  /** Positive minor units: what the usage cost. */
  spent: number
}

const PERIOD_LENGTH: Record<SpendGranularity, 7 | 10> = { day: 10, month: 7 }

export function insightsQueries(sql: SqlExecutor) {
  return {
    async spendByPeriod(
      accountId: string,
      range: { from: string; to: string; granularity: SpendGranularity },
    ): Promise<SpendAggregateRow[]> {
      // A literal from a fixed table, not a parameter: PostgreSQL would not know the parameter's type.
      const period = `substr(created_at, 1, ${PERIOD_LENGTH[range.granularity]})`
      const rows = await sql.all<{ period: unknown; unit: unknown; spent: unknown }>(
        `SELECT ${period} AS period, COALESCE(usage_unit, 'unknown') AS unit, -SUM(COALESCE(amount, 0)) AS spent
         FROM ledger_entries
         WHERE account_id = ? AND type = 'usage' AND status = 'succeeded' AND created_at >= ? AND created_at < ?
         GROUP BY ${period}, COALESCE(usage_unit, 'unknown')`,
        [accountId, range.from, range.to],
      )
      // PostgreSQL sums integers as numeric and hands them over as strings.
      return rows.map((r) => ({ period: String(r.period), unit: String(r.unit), spent: Number(r.spent) }))
    },
  }
}
