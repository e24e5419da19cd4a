import type { Money } from '../types'
import { monthOf } from '../../rules/wallet'
import { addMonths } from './clock'
import { type ChargeSource, generateHistory, type History, historyEntry } from './history'
import type { Ledger } from './ledger'
import type { Pricing } from '../../rules/pricing'
import {
  creditGrantName,
  expiredCardUntil,
  PROMO_CREDIT_DAYS_AGO,
  SEED_CARDS,
  seedCredits,
  seedPaymentMethods,
  seedPlans,
  seedProfile,
  seedSubscriptions,
} from './seed'
import type { MemoryState } from './state'
import type { BillingLocale } from '../../i18n/locales'

/** About 18 months of history for one agency. */
export const DEFAULT_LEDGER_SIZE = 360

export interface SeedConfig {
  seed: number
  locale: BillingLocale
  pricing: Pricing
  currency: string
  empty: boolean
  /** null = DEFAULT_LEDGER_SIZE. */
  ledgerSize: number | null
}

/** Everything one adapter instance holds; `reset()` swaps in a new one. */
export interface World {
  /** When the seed was made; the seeded history is dated back from it. */
  anchor: Date
  state: MemoryState
  ledger: Ledger
}

/** The seed at `anchor`: the mutable state and the seeded ledger history. */
export function seedWorld(config: SeedConfig, anchor: Date): { state: MemoryState; history: History } {
  const { seed, locale, pricing, currency, empty, ledgerSize } = config
  const plans = seedPlans(locale, pricing)
  const threshold = pricing.money(1000, true)
  // Recharge by the smallest preset ($25) and cap at eight of them ($200) a month.
  const rechargeAmount = { ...pricing.topUp.presets[0] }
  const monthlyCap = { amount: rechargeAmount.amount * 8, currency }
  const baseWallet = {
    currency,
    topUp: pricing.topUp,
    chargedMonth: monthOf(anchor),
  }
  const autoRechargeBase = {
    threshold,
    mode: 'fixed' as const,
    amount: rechargeAmount,
    monthlyCap,
    paused: null,
    consecutiveFailures: 0,
    lastAttempt: null,
    chargedThisMonth: { amount: 0, currency },
  }
  const common = {
    plans,
    setupIntents: {},
    idempotency: {},
    awaitingAction: {},
    counters: { cards: 0, setupIntents: 0 },
  }
  if (empty) {
    const history = generateHistory({
      seed,
      anchor,
      size: 0,
      locale,
      pricing,
      balance: 0,
      threshold: threshold.amount,
      rechargeAmount: rechargeAmount.amount,
      monthlyCap: monthlyCap.amount,
      sources: [],
      cards: [],
      olderCardUntil: 0,
      creditGrant: { name: creditGrantName(locale), amount: 0, daysAgo: PROMO_CREDIT_DAYS_AGO },
    })
    return {
      history,
      state: {
        ...common,
        profile: null,
        subscriptions: [],
        paymentMethods: [],
        wallet: { ...baseWallet, balance: 0, credits: [], autoRecharge: { ...autoRechargeBase, enabled: false } },
        invoiceCounter: { year: anchor.getUTCFullYear(), n: 0 },
      },
    }
  }

  const subscriptions = seedSubscriptions(anchor, locale, pricing, plans)
  const paymentMethods = seedPaymentMethods(anchor)
  const { credits, promoGrant } = seedCredits(anchor, locale, pricing)
  const balance = pricing.minor(4250, true)
  const sources: ChargeSource[] = subscriptions
    .filter((s) => s.status !== 'trialing' && s.price)
    .map((s) => ({
      name: s.name,
      quantity: s.quantity,
      amount: (s.price as Money).amount * s.quantity,
      paymentMethodId: s.paymentMethodId ?? SEED_CARDS.visa,
      since: Date.parse(s.startDate ?? anchor.toISOString()),
      lastRenewal: addMonths(new Date(s.currentPeriodEnd ?? anchor.toISOString()), -1).getTime(),
      lastFailed: s.status === 'past_due',
    }))
  const history = generateHistory({
    seed,
    anchor,
    size: ledgerSize ?? DEFAULT_LEDGER_SIZE,
    locale,
    pricing,
    balance,
    threshold: threshold.amount,
    rechargeAmount: rechargeAmount.amount,
    monthlyCap: monthlyCap.amount,
    sources,
    cards: [SEED_CARDS.visa, SEED_CARDS.mastercardExpired, SEED_CARDS.amexExpiring],
    olderCardUntil: expiredCardUntil(anchor),
    creditGrant: { name: creditGrantName(locale), amount: promoGrant.amount, daysAgo: PROMO_CREDIT_DAYS_AGO },
  })
  const last = history.lastAutoRecharge >= 0 ? historyEntry(history, history.lastAutoRecharge) : null
  const lastFailed = last?.status === 'failed'
  return {
    history,
    state: {
      ...common,
      profile: seedProfile(),
      subscriptions,
      paymentMethods,
      wallet: {
        ...baseWallet,
        balance,
        credits,
        autoRecharge: {
          ...autoRechargeBase,
          enabled: true,
          consecutiveFailures: lastFailed ? 1 : 0,
          lastAttempt: last
            ? {
                at: last.createdAt,
                outcome: lastFailed ? 'failed' : 'succeeded',
                amount: last.amount as Money,
                declineCode: last.failureReason ?? null,
              }
            : null,
          chargedThisMonth: { amount: history.chargedThisMonth, currency },
        },
      },
      invoiceCounter: { ...history.invoiceCounter },
    },
  }
}
