/**
 * Boundary checks for what the panel's later sections read: subscriptions and plans, the wallet,
 * the ledger and its invoices, spend. Kept apart from `sanitize.ts` (cards and the billing
 * profile, which the first view shows) so the first view does not download them: the method
 * registry loads this module with the first result that needs it.
 */
import {
  bool,
  int,
  invalid,
  isObj,
  isoDate,
  lenient,
  list,
  obj,
  oneOf,
  optStr,
  reqMoney,
  reqStr,
  safeUrl,
  sanitizeMoney,
  str,
} from './sanitize'
import {
  LEDGER_ENTRY_STATUSES,
  LEDGER_ENTRY_TYPES,
  SUBSCRIPTION_STATUSES,
  USAGE_CATEGORY_PATTERN,
  type AddFundsResult,
  type AutoRechargeState,
  type BillingInterval,
  type InvoiceLinks,
  type LedgerEntry,
  type LedgerPage,
  type Money,
  type Plan,
  type PlanChangePreview,
  type SpendGranularity,
  type SpendPeriod,
  type SpendSummary,
  type Subscription,
  type UsageUnit,
  type Wallet,
  type WalletCredit,
} from './model'

const INTERVALS: readonly BillingInterval[] = ['day', 'week', 'month', 'year']

export function sanitizeSubscription(value: unknown): Subscription {
  const v = obj(value, 'subscription')
  const status = oneOf(v.status, SUBSCRIPTION_STATUSES)
  const kind = v.kind === 'platform' || v.kind === 'resale' || v.kind === 'marketplace' ? v.kind : 'resale'
  const interval =
    typeof v.interval === 'string' && (INTERVALS as string[]).includes(v.interval)
      ? (v.interval as BillingInterval)
      : null
  const quantity = int(v.quantity)
  const intervalCount = int(v.intervalCount)
  return {
    id: reqStr(v.id, 'subscription id', 200),
    kind,
    name: reqStr(v.name, 'subscription name', 500),
    description: optStr(v.description, 2000),
    status,
    rawStatus: status === 'unknown' ? optStr(v.status, 64) : null,
    price: sanitizeMoney(v.price),
    quantity: quantity !== null && quantity > 0 ? quantity : 1,
    interval,
    intervalCount: intervalCount !== null && intervalCount > 0 ? intervalCount : 1,
    startDate: isoDate(v.startDate),
    currentPeriodEnd: isoDate(v.currentPeriodEnd),
    cancelAtPeriodEnd: bool(v.cancelAtPeriodEnd),
    canceledAt: isoDate(v.canceledAt),
    trialEnd: isoDate(v.trialEnd),
    paymentMethodId: optStr(v.paymentMethodId, 200),
    planId: optStr(v.planId, 200),
    manageUrl: safeUrl(v.manageUrl),
  }
}

export function sanitizeSubscriptions(value: unknown): Subscription[] {
  return list(value, 'subscription list', lenient(sanitizeSubscription))
}

function sanitizeCredit(value: unknown): WalletCredit {
  const v = obj(value, 'wallet credit')
  return {
    id: reqStr(v.id, 'credit id', 200),
    description: optStr(v.description, 500),
    remaining: reqMoney(v.remaining, 'credit amount'),
    grantedAt: isoDate(v.grantedAt),
    expiresAt: isoDate(v.expiresAt),
  }
}

function sanitizeAutoRecharge(value: unknown, currency: string): AutoRechargeState {
  const v = isObj(value) ? value : {}
  const zero = { amount: 0, currency }
  const paused = isObj(v.paused)
    ? {
        reason: oneOf(v.paused.reason, ['card_declined', 'no_payment_method'] as const),
        since: isoDate(v.paused.since) ?? new Date(0).toISOString(),
      }
    : null
  const last = isObj(v.lastAttempt) ? v.lastAttempt : null
  const lastOutcome = last?.outcome
  return {
    enabled: bool(v.enabled),
    threshold: sanitizeMoney(v.threshold) ?? zero,
    mode: v.mode === 'target' ? 'target' : 'fixed',
    amount: sanitizeMoney(v.amount) ?? zero,
    monthlyCap: sanitizeMoney(v.monthlyCap),
    paused,
    consecutiveFailures: Math.max(0, int(v.consecutiveFailures) ?? 0),
    lastAttempt:
      last && (lastOutcome === 'succeeded' || lastOutcome === 'failed' || lastOutcome === 'skipped_cap')
        ? {
            at: isoDate(last.at) ?? new Date(0).toISOString(),
            outcome: lastOutcome,
            amount: sanitizeMoney(last.amount) ?? zero,
            declineCode: optStr(last.declineCode, 64),
          }
        : null,
    chargedThisMonth: sanitizeMoney(v.chargedThisMonth) ?? zero,
  }
}

export function sanitizeWallet(value: unknown): Wallet {
  const v = obj(value, 'wallet')
  const balance = reqMoney(v.balance, 'wallet balance')
  const currency = typeof v.currency === 'string' && /^[A-Z]{3}$/.test(v.currency) ? v.currency : balance.currency
  const topUp = isObj(v.topUp) ? v.topUp : {}
  return {
    currency,
    balance,
    credits: Array.isArray(v.credits) ? list(v.credits, 'credits', lenient(sanitizeCredit)) : [],
    topUp: {
      min: sanitizeMoney(topUp.min) ?? { amount: 1, currency },
      max: sanitizeMoney(topUp.max) ?? { amount: Number.MAX_SAFE_INTEGER, currency },
      presets: Array.isArray(topUp.presets)
        ? topUp.presets.map(sanitizeMoney).filter((m): m is Money => m !== null)
        : [],
    },
    autoRecharge: sanitizeAutoRecharge(v.autoRecharge, currency),
    ...(isObj(v.notifications)
      ? {
          notifications: {
            lowBalanceEmail: sanitizeMoney(v.notifications.lowBalanceEmail),
            receipts: v.notifications.receipts === true,
          },
        }
      : {}),
  }
}

export function sanitizeLedgerEntry(value: unknown): LedgerEntry {
  const v = obj(value, 'ledger entry')
  const usage =
    isObj(v.usage) &&
    typeof v.usage.unit === 'string' &&
    USAGE_CATEGORY_PATTERN.test(v.usage.unit) &&
    int(v.usage.quantity) !== null
      ? {
          unit: v.usage.unit as UsageUnit,
          quantity: int(v.usage.quantity) as number,
          ...(str(v.usage.label, 80) ? { label: str(v.usage.label, 80) } : {}),
        }
      : null
  const invoice =
    isObj(v.invoice) && str(v.invoice.id)
      ? {
          id: str(v.invoice.id, 200) as string,
          number: str(v.invoice.number, 100) ?? (str(v.invoice.id, 100) as string),
        }
      : null
  return {
    id: reqStr(v.id, 'ledger entry id', 200),
    createdAt: isoDate(v.createdAt) ?? invalid('ledger entry date'),
    type: oneOf(v.type, LEDGER_ENTRY_TYPES),
    status: oneOf(v.status, LEDGER_ENTRY_STATUSES),
    description: str(v.description, 1000) ?? '',
    amount: sanitizeMoney(v.amount),
    balanceAfter: sanitizeMoney(v.balanceAfter),
    usage,
    invoice,
    paymentMethodId: optStr(v.paymentMethodId, 200),
    failureReason: optStr(v.failureReason, 200),
  }
}

export function sanitizeLedgerPage(value: unknown): LedgerPage {
  const v = obj(value, 'ledger page')
  const total = int(v.totalCount)
  return {
    entries: list(v.entries, 'ledger entries', lenient(sanitizeLedgerEntry)),
    nextCursor: optStr(v.nextCursor, 4096),
    totalCount: total !== null && total >= 0 ? total : null,
  }
}

export function sanitizeInvoiceLinks(value: unknown): InvoiceLinks {
  const v = obj(value, 'invoice links')
  return {
    viewUrl: safeUrl(v.viewUrl),
    downloadUrl: safeUrl(v.downloadUrl, { allowBlob: true }),
    expiresAt: isoDate(v.expiresAt),
  }
}

export function sanitizePlan(value: unknown): Plan {
  const v = obj(value, 'plan')
  const interval =
    typeof v.interval === 'string' && (INTERVALS as string[]).includes(v.interval)
      ? (v.interval as BillingInterval)
      : 'month'
  return {
    id: reqStr(v.id, 'plan id', 200),
    name: reqStr(v.name, 'plan name', 500),
    description: optStr(v.description, 2000),
    price: reqMoney(v.price, 'plan price'),
    interval,
    intervalCount: Math.max(1, int(v.intervalCount) ?? 1),
    current: bool(v.current),
  }
}

export function sanitizePlans(value: unknown): Plan[] {
  return list(value, 'plan list', lenient(sanitizePlan))
}

export function sanitizePlanChangePreview(value: unknown): PlanChangePreview {
  const v = obj(value, 'plan change preview')
  const next = obj(v.nextCycle, 'plan change preview')
  return {
    subscriptionId: reqStr(v.subscriptionId, 'subscription id'),
    planId: reqStr(v.planId, 'plan id'),
    effective: v.effective === 'period_end' ? 'period_end' : 'now',
    dueToday: reqMoney(v.dueToday, 'amount due today'),
    nextCycle: {
      amount: reqMoney(next.amount, 'next cycle amount'),
      date: isoDate(next.date) ?? invalid('next cycle date'),
    },
    lines: Array.isArray(v.lines)
      ? list(
          v.lines,
          'proration lines',
          lenient((line) => {
            const l = obj(line, 'proration line')
            return { description: str(l.description, 500) ?? '', amount: reqMoney(l.amount, 'proration amount') }
          }),
        )
      : [],
  }
}

const PERIOD_PATTERN = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/ } as const
const MAX_SPEND_PERIODS = 1000
const MAX_SPEND_CATEGORIES = 50

/**
 * Keeps the well-formed part of a spend summary: periods of the asked granularity, oldest first,
 * once each; non-negative whole amounts in the summary currency. Totals are recomputed from what
 * is kept, so the chart, its table and the totals can never disagree.
 */
export function sanitizeSpendSummary(value: unknown): SpendSummary {
  const v = obj(value, 'spend summary')
  const granularity: SpendGranularity = v.granularity === 'month' ? 'month' : 'day'
  const currency = typeof v.currency === 'string' ? v.currency.toUpperCase() : ''
  if (!/^[A-Z]{3}$/.test(currency)) invalid('spend summary currency')
  const amountOf = (m: unknown) => {
    const money = sanitizeMoney(m)
    return money && money.currency === currency && money.amount >= 0 ? money.amount : null
  }
  const labels = new Map<string, string>()
  if (Array.isArray(v.categories)) {
    for (const c of v.categories.slice(0, MAX_SPEND_CATEGORIES)) {
      const key = isObj(c) ? str(c.key, 100) : null
      if (key && !labels.has(key)) labels.set(key, str(isObj(c) ? c.label : null, 200) || key)
    }
  }
  const byCategory = new Map<string, number>()
  const seen = new Set<string>()
  const periods: SpendPeriod[] = []
  for (const p of list(v.periods, 'spend periods', (item) => item).slice(0, MAX_SPEND_PERIODS)) {
    if (!isObj(p) || !Array.isArray(p.spend)) continue
    const period = str(p.period, 10)
    if (!period || !PERIOD_PATTERN[granularity].test(period) || seen.has(period)) continue
    seen.add(period)
    const spend: SpendPeriod['spend'] = []
    let total = 0
    for (const s of p.spend) {
      const category = isObj(s) ? str(s.category, 100) : null
      const amount = isObj(s) ? amountOf(s.amount) : null
      if (!category || amount === null || spend.some((x) => x.category === category)) continue
      if (!labels.has(category)) labels.set(category, category)
      spend.push({ category, amount: { amount, currency } })
      byCategory.set(category, (byCategory.get(category) ?? 0) + amount)
      total += amount
    }
    periods.push({ period, spend, total: { amount: total, currency } })
  }
  periods.sort((a, b) => (a.period < b.period ? -1 : 1))
  const categories = [...labels]
    .filter(([key]) => byCategory.has(key))
    .map(([key, label]) => ({ key, label, total: { amount: byCategory.get(key) ?? 0, currency } }))
    .sort((a, b) => b.total.amount - a.total.amount)
  return {
    from: isoDate(v.from) ?? invalid('spend summary range'),
    to: isoDate(v.to) ?? invalid('spend summary range'),
    granularity,
    currency,
    categories,
    periods,
    total: { amount: periods.reduce((sum, p) => sum + p.total.amount, 0), currency },
  }
}

export function sanitizeAddFundsResult(value: unknown): AddFundsResult {
  const v = isObj(value) ? value : {}
  return { entry: sanitizeLedgerEntry(v.entry), wallet: sanitizeWallet(v.wallet) }
}
