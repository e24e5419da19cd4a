import type { SpendSummary, Wallet } from '../../src/adapter/types'
import { forecastRunway } from '../../src/components/SpendInsights/forecast'
import { barsOf, niceMax, rangeFor } from '../../src/components/SpendInsights/series'

const NOW = new Date('2026-11-26T15:00:00Z')
const usd = (amount: number) => ({ amount, currency: 'USD' })

/** A daily summary with `perDay` spent on each of the given days (YYYY-MM-DD). */
function daily(days: Record<string, number>): SpendSummary {
  const periods = Object.entries(days).map(([period, amount]) => ({
    period,
    spend: [{ category: 'sms', amount: usd(amount) }],
    total: usd(amount),
  }))
  const total = periods.reduce((s, p) => s + p.total.amount, 0)
  return {
    ...rangeFor('day', NOW),
    currency: 'USD',
    categories: total > 0 ? [{ key: 'sms', label: 'SMS', total: usd(total) }] : [],
    periods,
    total: usd(total),
  }
}

function wallet(overrides: Partial<Wallet> = {}, autoRecharge: Partial<Wallet['autoRecharge']> = {}): Wallet {
  return {
    currency: 'USD',
    balance: usd(6000),
    credits: [],
    topUp: { min: usd(1000), max: usd(50000), presets: [] },
    autoRecharge: {
      enabled: false,
      threshold: usd(1000),
      mode: 'fixed',
      amount: usd(2500),
      monthlyCap: null,
      paused: null,
      consecutiveFailures: 0,
      lastAttempt: null,
      chargedThisMonth: usd(0),
      ...autoRecharge,
    },
    ...overrides,
  }
}

/** $5.00 a day on each of the last ten days, today included. */
const tenDays = daily(
  Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`2026-11-${String(17 + i).padStart(2, '0')}`, 500])),
)

describe('forecastRunway', () => {
  it('claims nothing without usage', () => {
    expect(forecastRunway(daily({}), wallet(), NOW)).toEqual({ kind: 'none', reason: 'no_usage' })
  })

  it('claims nothing from a single day of data', () => {
    expect(forecastRunway(daily({ '2026-11-26': 900 }), wallet(), NOW)).toEqual({ kind: 'none', reason: 'one_day' })
  })

  it('divides the balance by the average daily spend since the first day with spend', () => {
    const f = forecastRunway(tenDays, wallet(), NOW)
    expect(f).toMatchObject({ kind: 'ready', dailyRate: usd(500), basisDays: 10, funds: 'balance', days: 12 })
    expect(f.kind === 'ready' && f.recharge).toEqual({ kind: 'off' })
  })

  it('counts the days without spend between the first day and today', () => {
    const f = forecastRunway(daily({ '2026-11-07': 1000, '2026-11-26': 1000 }), wallet(), NOW)
    expect(f).toMatchObject({ kind: 'ready', basisDays: 20, dailyRate: usd(100), days: 60 })
  })

  it('with credits only, says how long the credits last', () => {
    const credits = [{ id: 'c', remaining: usd(2000), expiresAt: null }]
    const f = forecastRunway(tenDays, wallet({ balance: usd(0), credits }), NOW)
    expect(f).toMatchObject({ kind: 'ready', funds: 'credits', days: 4 })
  })

  it('an empty or negative balance lasts no days', () => {
    expect(forecastRunway(tenDays, wallet({ balance: usd(-300) }), NOW)).toMatchObject({ funds: 'empty', days: 0 })
  })

  it('more than a year is not counted in days', () => {
    expect(forecastRunway(tenDays, wallet({ balance: usd(500 * 400) }), NOW)).toMatchObject({ days: null })
  })

  it('with auto-recharge on, says when it will likely add how much', () => {
    const f = forecastRunway(tenDays, wallet({}, { enabled: true }), NOW)
    // $60 down to the $10 threshold at $5 a day: 10 days from today.
    expect(f.kind === 'ready' && f.recharge).toEqual({
      kind: 'likely',
      amount: usd(2500),
      date: '2026-12-06T00:00:00.000Z',
    })
  })

  it('a target recharge adds what brings the threshold back to the target', () => {
    const f = forecastRunway(tenDays, wallet({}, { enabled: true, mode: 'target', amount: usd(4000) }), NOW)
    expect(f.kind === 'ready' && f.recharge).toMatchObject({ kind: 'likely', amount: usd(3000) })
  })

  it('paused auto-recharge claims no recharge', () => {
    const paused = { reason: 'card_declined' as const, since: NOW.toISOString() }
    const f = forecastRunway(tenDays, wallet({}, { enabled: true, paused }), NOW)
    expect(f.kind === 'ready' && f.recharge).toEqual({ kind: 'paused' })
  })

  it('a recharge this month that would pass the monthly cap is not promised', () => {
    const f = forecastRunway(
      daily({ '2026-11-25': 3000, '2026-11-26': 3000 }),
      wallet({}, { enabled: true, monthlyCap: usd(5000), chargedThisMonth: usd(5000) }),
      NOW,
    )
    expect(f.kind === 'ready' && f.recharge).toEqual({ kind: 'capped', cap: usd(5000) })
  })

  it('the cap of this month does not stop a recharge next month', () => {
    const f = forecastRunway(
      tenDays,
      wallet({}, { enabled: true, monthlyCap: usd(5000), chargedThisMonth: usd(5000) }),
      NOW,
    )
    expect(f.kind === 'ready' && f.recharge).toMatchObject({ kind: 'likely', date: '2026-12-06T00:00:00.000Z' })
  })
})

describe('series', () => {
  it('ranges are whole UTC days and months ending with today’s', () => {
    expect(rangeFor('day', NOW)).toEqual({
      from: '2026-10-28T00:00:00.000Z',
      to: '2026-11-27T00:00:00.000Z',
      granularity: 'day',
    })
    expect(rangeFor('month', NOW)).toEqual({
      from: '2025-12-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      granularity: 'month',
    })
  })

  it('fills every period, zero where nothing was spent, and drops hidden categories', () => {
    const bars = barsOf(tenDays, ['sms'])
    expect(bars).toHaveLength(30)
    expect(bars[0]).toMatchObject({ period: '2026-10-28', total: 0 })
    expect(bars[29]).toMatchObject({ period: '2026-11-26', total: 500, values: { sms: 500 } })
    expect(barsOf(tenDays, []).every((b) => b.total === 0)).toBe(true)
  })

  it('rounds the scale up to 1, 2 or 5 of a power of ten', () => {
    expect(niceMax(1234, 100)).toBe(2000)
    expect(niceMax(37, 100)).toBe(50)
    expect(niceMax(0, 100)).toBe(100)
    expect(niceMax(5000, 100)).toBe(5000)
  })
})
