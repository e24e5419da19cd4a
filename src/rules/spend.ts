/**
 * Spend insights: the range a summary may cover and the summary built from aggregate rows, the
 * same for the memory adapter and every store of the shipped service.
 */
import { BillingError } from '../adapter/errors'
import { SPEND_GRANULARITIES, type SpendGranularity, type SpendSummary, type SpendSummaryInput } from '../adapter/types'

/** One aggregate row: what a category cost in one UTC period (positive minor units). */
export interface SpendRow {
  period: string
  category: string
  amount: number
}

/** The longest range one summary covers: about three years of days or months. */
export const MAX_SPEND_RANGE_MS = 1100 * 24 * 60 * 60 * 1000

/** Checks and normalizes the range; a validation BillingError names each bad field. */
export function normalizeSpendInput(input: Partial<SpendSummaryInput> | undefined): SpendSummaryInput {
  const fieldErrors: Record<string, string> = {}
  const time = (value: unknown, field: string) => {
    const ms = typeof value === 'string' && value.length <= 64 ? Date.parse(value) : Number.NaN
    if (Number.isNaN(ms)) fieldErrors[field] = typeof value === 'string' && value !== '' ? 'invalid' : 'required'
    return ms
  }
  const from = time(input?.from, 'from')
  const to = time(input?.to, 'to')
  const granularity = input?.granularity
  if (!(SPEND_GRANULARITIES as readonly unknown[]).includes(granularity)) {
    fieldErrors.granularity = granularity === undefined ? 'required' : 'invalid'
  }
  if (!fieldErrors.from && !fieldErrors.to && (to <= from || to - from > MAX_SPEND_RANGE_MS)) fieldErrors.to = 'invalid'
  if (Object.keys(fieldErrors).length > 0) {
    throw new BillingError('validation', {
      message: 'A spend summary needs from < to (at most about three years apart) and a granularity of day or month.',
      fieldErrors,
    })
  }
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    granularity: granularity as SpendGranularity,
  }
}

/** The UTC period an ISO time falls in: the first 10 (day) or 7 (month) characters. */
export function periodOf(iso: string, granularity: SpendGranularity): string {
  return iso.slice(0, granularity === 'day' ? 10 : 7)
}

/** Assembles the contract's shape from aggregate rows, the same way for every store. */
export function buildSpendSummary(
  input: SpendSummaryInput,
  currency: string,
  rows: Iterable<SpendRow>,
  labelOf: (category: string) => string,
): SpendSummary {
  const periods = new Map<string, Map<string, number>>()
  const totals = new Map<string, number>()
  for (const row of rows) {
    if (row.amount === 0) continue
    let spend = periods.get(row.period)
    if (!spend) {
      spend = new Map()
      periods.set(row.period, spend)
    }
    spend.set(row.category, (spend.get(row.category) ?? 0) + row.amount)
    totals.set(row.category, (totals.get(row.category) ?? 0) + row.amount)
  }
  const money = (amount: number) => ({ amount, currency })
  const categories = [...totals]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([key, total]) => ({ key, label: labelOf(key), total: money(total) }))
  const order = categories.map((c) => c.key)
  return {
    ...input,
    currency,
    categories,
    periods: [...periods]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([period, spend]) => {
        const items = [...spend].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
        return {
          period,
          spend: items.map(([category, amount]) => ({ category, amount: money(amount) })),
          total: money(items.reduce((sum, [, amount]) => sum + amount, 0)),
        }
      }),
    total: money([...totals.values()].reduce((sum, amount) => sum + amount, 0)),
  }
}
