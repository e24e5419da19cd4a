import type { Money, SpendSummary, Wallet } from '../../adapter/types'

const DAY_MS = 86_400_000

/** What the forecast can honestly say, decided from the daily summary and the wallet. */
export type Forecast =
  | { kind: 'none'; reason: 'no_usage' | 'one_day' }
  | {
      kind: 'ready'
      /** Average spend per day over `basisDays`. */
      dailyRate: Money
      basisDays: number
      /** Funds that usage draws on: complimentary credits first, then the paid balance. */
      funds: 'balance' | 'credits' | 'both' | 'empty'
      /** Whole days the funds last at this rate; null when they last more than a year. */
      days: number | null
      recharge: RechargeForecast
    }

export type RechargeForecast =
  | { kind: 'off' }
  | { kind: 'paused' }
  | { kind: 'capped'; cap: Money }
  /** Fires around `date` and adds `amount`. */
  | { kind: 'likely'; amount: Money; date: string }
  /** Fires later than a year from now at this rate. */
  | { kind: 'distant' }

const MAX_DAYS = 365

/** UTC midnight of the day `at` falls in. */
export function utcDayStart(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS) * DAY_MS
}

/**
 * The run-rate forecast. The rate is the spend of the days since the first day with spend in
 * the summary (today included), so a new account is not averaged over days it did not exist;
 * fewer than two days with spend claim nothing.
 */
export function forecastRunway(summary: SpendSummary, wallet: Wallet, now: Date): Forecast {
  const days = summary.periods.filter((p) => p.total.amount > 0)
  if (days.length === 0) return { kind: 'none', reason: 'no_usage' }
  if (days.length < 2) return { kind: 'none', reason: 'one_day' }
  const today = utcDayStart(now)
  const first = Date.parse(`${days[0].period}T00:00:00.000Z`)
  const basisDays = Math.max(2, Math.round((today - first) / DAY_MS) + 1)
  const spent = days.reduce((sum, p) => sum + p.total.amount, 0)
  const rate = spent / basisDays
  const currency = wallet.currency
  const credits = wallet.credits
    .filter((c) => c.remaining.currency === currency)
    .reduce((sum, c) => sum + Math.max(0, c.remaining.amount), 0)
  const balance = Math.max(0, wallet.balance.amount)
  const available = credits + balance
  const funds = available <= 0 ? 'empty' : credits === 0 ? 'balance' : balance === 0 ? 'credits' : 'both'
  const lastDays = (amount: number) => {
    const d = Math.floor(amount / rate)
    return d > MAX_DAYS ? null : d
  }
  return {
    kind: 'ready',
    dailyRate: { amount: Math.round(rate), currency },
    basisDays,
    funds,
    days: available <= 0 ? 0 : lastDays(available),
    recharge: rechargeForecast(wallet, credits, rate, now),
  }
}

function rechargeForecast(wallet: Wallet, credits: number, rate: number, now: Date): RechargeForecast {
  const ar = wallet.autoRecharge
  if (!ar.enabled) return { kind: 'off' }
  if (ar.paused) return { kind: 'paused' }
  // Usage spends credits, then the paid balance down to the threshold, where a recharge fires.
  const room = Math.max(0, credits + wallet.balance.amount - ar.threshold.amount)
  const inDays = Math.ceil(room / rate)
  if (inDays > MAX_DAYS) return { kind: 'distant' }
  const at = new Date(utcDayStart(now) + inDays * 86_400_000)
  const added = ar.mode === 'fixed' ? ar.amount.amount : Math.max(0, ar.amount.amount - ar.threshold.amount)
  const amount = { amount: added, currency: ar.amount.currency }
  if (ar.monthlyCap) {
    const sameMonth = at.getUTCFullYear() === now.getUTCFullYear() && at.getUTCMonth() === now.getUTCMonth()
    const charged = sameMonth ? ar.chargedThisMonth.amount : 0
    if (charged + added > ar.monthlyCap.amount) return { kind: 'capped', cap: ar.monthlyCap }
  }
  return { kind: 'likely', amount, date: at.toISOString() }
}
