import type { SpendGranularity, SpendSummary, SpendSummaryInput } from '../../adapter/types'
import { utcDayStart } from './forecast'

const DAY_MS = 86_400_000
export const DAYS_SHOWN = 30
export const MONTHS_SHOWN = 12

/** Whole UTC days or months ending with today's, so the query key stays the same all day. */
export function rangeFor(granularity: SpendGranularity, now: Date): SpendSummaryInput {
  if (granularity === 'day') {
    const to = utcDayStart(now) + DAY_MS
    return { from: new Date(to - DAYS_SHOWN * DAY_MS).toISOString(), to: new Date(to).toISOString(), granularity }
  }
  const y = now.getUTCFullYear()
  const m = now.getUTCMonth()
  return {
    from: new Date(Date.UTC(y, m - MONTHS_SHOWN + 1, 1)).toISOString(),
    to: new Date(Date.UTC(y, m + 1, 1)).toISOString(),
    granularity,
  }
}

export interface Bar {
  period: string
  /** The period's first instant, for Intl. */
  start: string
  /** Minor units per category key, visible categories only. */
  values: Record<string, number>
  total: number
}

/** Every period of the range (also those without spend), oldest first, for the shown categories. */
export function barsOf(summary: SpendSummary, shown: readonly string[]): Bar[] {
  const byPeriod = new Map(summary.periods.map((p) => [p.period, p]))
  const bars: Bar[] = []
  const from = new Date(summary.from)
  const to = Date.parse(summary.to)
  for (let i = 0; ; i++) {
    const start =
      summary.granularity === 'day'
        ? new Date(utcDayStart(from) + i * DAY_MS)
        : new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + i, 1))
    if (start.getTime() >= to || i > 400) break
    const iso = start.toISOString()
    const period = iso.slice(0, summary.granularity === 'day' ? 10 : 7)
    const values: Record<string, number> = {}
    let total = 0
    for (const item of byPeriod.get(period)?.spend ?? []) {
      if (!shown.includes(item.category)) continue
      values[item.category] = item.amount.amount
      total += item.amount.amount
    }
    bars.push({ period, start: iso, values, total })
  }
  return bars
}

/** A round top for the scale: 1, 2 or 5 × a power of ten of the currency's major unit. */
export function niceMax(value: number, minorPerMajor: number): number {
  if (value <= 0) return minorPerMajor
  const major = value / minorPerMajor
  const power = 10 ** Math.floor(Math.log10(major))
  const step = [1, 2, 5, 10].find((f) => f * power >= major) ?? 10
  return Math.max(1, Math.round(step * power * minorPerMajor))
}
