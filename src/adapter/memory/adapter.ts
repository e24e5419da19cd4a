import { BillingError } from '../errors'
import {
  type AddFundsInput,
  type AttachPaymentMethodInput,
  type AutoRechargeSettings,
  type BillingAdapter,
  type BillingAdapterMethod,
  type BillingProfile,
  CANCEL_REASONS,
  type CancelSubscriptionInput,
  type ChangePlanInput,
  type LedgerEntry,
  type Money,
  type PaymentMethod,
  type Plan,
  type PlanChangePreview,
  type Subscription,
  USAGE_UNITS,
  type UsageUnit,
  type Wallet,
} from '../types'
import { cardDetailsFor, chargeCard, isStripeTestToken } from './cards'
import { addDays, addMonths, type Clock, iso, type Latency, MINUTE_MS, monthKey, wait } from './clock'
import { ADAPTER_METHODS, type FaultPlan, Faults } from './faults'
import { type ChargeSource, generateHistory, type History, historyEntry } from './history'
import { Ledger } from './ledger'
import { clearState, loadState, type PersistedState, type SeedParams, saveState } from './persistence'
import { createPricing, DEFAULT_USAGE_QUANTITY } from './pricing'
import { hashString, mulberry32, token } from './random'
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
import type { IdempotencyRecord, MemoryState } from './state'
import { text, usageDescription } from './text'
import { autoRechargeErrors, rearm, runAutoRecharge, spend, topUpErrors, walletView } from './wallet'

export interface MemoryAdapterOptions {
  /** Deterministic demo data (default 1). */
  seed?: number
  /** Clock (default `() => new Date()`). */
  now?: () => Date
  /** Simulated time per call, in ms (default 0: answers on a microtask, no timers). */
  latency?: Latency
  /** Errors to inject, per method. */
  faults?: FaultPlan
  /** localStorage key: state is saved after each write and loaded on creation. */
  persist?: string | false
  /** Total seeded ledger entries (default 360, about 18 months of history). */
  ledgerSize?: number
  /** Wallet and prices currency (default 'USD'). */
  currency?: string
  /** Language of seeded names and descriptions (default 'es'). */
  locale?: 'es' | 'en'
  /** No cards, subscriptions, profile or ledger, and a zero balance. */
  empty?: boolean
}

export interface MemoryBillingAdapter extends Required<BillingAdapter> {
  setFaults(plan: FaultPlan): void
  setLatency(latency: Latency): void
  /** Spends like the product would (credits first, then balance) and runs auto-recharge. */
  simulateUsage(input?: { unit?: UsageUnit; quantity?: number; cost?: Money }): Promise<{ entries: LedgerEntry[]; wallet: Wallet }>
  /** Back to the seed; clears persisted state. */
  reset(): void
  /** How many times each method was called, failed calls included (for tests and benchmarks). */
  calls: Record<string, number>
  resetCalls(): void
}

const DEFAULT_LEDGER_SIZE = 360
const INVOICE_LINK_TTL_MS = 5 * MINUTE_MS
const INVOICE_HOST = 'https://billing.example.com'

interface World {
  anchor: Date
  state: MemoryState
  ledger: Ledger
}

export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryBillingAdapter {
  const seed = options.seed ?? 1
  const clock: Clock = options.now ?? (() => new Date())
  const now = () => new Date(clock().getTime())
  const currency = (options.currency ?? 'USD').toUpperCase()
  const locale = options.locale ?? 'es'
  const empty = options.empty ?? false
  const ledgerSize =
    options.ledgerSize !== undefined && Number.isFinite(options.ledgerSize) ? Math.max(0, Math.floor(options.ledgerSize)) : null
  const persistKey = options.persist || null
  const params: SeedParams = { seed, ledgerSize, currency, locale, empty }
  const pricing = createPricing(currency)
  const t = text(locale)
  // One stream for latency jitter, fault rates and generated secrets, so runs repeat too.
  const random = mulberry32(seed ^ 0x9e3779b9)
  const faults = new Faults(random, options.faults)
  let latency: Latency = options.latency ?? 0
  const calls: Record<string, number> = {}
  const resetCalls = () => {
    for (const method of [...ADAPTER_METHODS, 'simulateUsage']) calls[method] = 0
  }
  resetCalls()
  /** Idempotent writes still running, so concurrent duplicates share one outcome. */
  const inFlight = new Map<string, { fingerprint: string; promise: Promise<string> }>()

  function seedWorld(anchor: Date): { state: MemoryState; history: History } {
    const plans = seedPlans(locale, pricing)
    const threshold = pricing.money(1000, true)
    // Recharge by the smallest preset ($25) and cap at eight of them ($200) a month.
    const rechargeAmount = { ...pricing.topUp.presets[0] }
    const monthlyCap = { amount: rechargeAmount.amount * 8, currency }
    const baseWallet = {
      currency,
      topUp: pricing.topUp,
      chargedMonth: monthKey(anchor),
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

  function freshWorld(): World {
    const anchor = now()
    const { state, history } = seedWorld(anchor)
    return { anchor, state, ledger: new Ledger(history) }
  }

  function restoredWorld(saved: PersistedState): World {
    const anchor = new Date(saved.anchor)
    // The seeded rows are regenerated from the original creation time, not stored.
    const { history } = seedWorld(anchor)
    return { anchor, state: saved.state, ledger: new Ledger(history, saved.written) }
  }

  const saved = persistKey ? loadState(persistKey, params) : null
  let world: World = saved ? restoredWorld(saved) : freshWorld()

  function save(w: World = world): void {
    if (!persistKey || w !== world) return
    saveState(persistKey, { params, anchor: iso(world.anchor), state: world.state, written: world.ledger.written })
  }

  /**
   * Counts the call, waits the latency, throws a planned fault before touching state.
   * The work runs against the world of the moment of the call, so a call still in flight
   * when `reset()` happens cannot leak into the fresh seed.
   */
  async function invoke<T>(method: BillingAdapterMethod, work: (w: World) => T, write = false): Promise<T> {
    calls[method] += 1
    const fault = faults.take(method)
    const w = world
    await wait(latency, random)
    if (fault) throw fault
    const result = work(w)
    if (write && w === world) save()
    return structuredClone(result)
  }

  /**
   * Runs a money-moving write once per key. The key is claimed before the latency, so
   * concurrent duplicates await the same attempt; a settled key answers from its record.
   * Successes and declines are remembered (a retry gets the same answer, as at Stripe);
   * validation errors are not, so the same key may be used again once the input is fixed.
   */
  async function idempotent(
    method: 'addFunds' | 'changePlan',
    key: unknown,
    fingerprint: string,
    perform: (id: string, w: World) => string,
  ): Promise<string> {
    const w = world
    if (typeof key !== 'string' || key.trim() === '') {
      await wait(latency, random)
      throw new BillingError('validation', { message: 'idempotencyKey is required', fieldErrors: { idempotencyKey: 'required' } })
    }
    const id = `${method}:${key}`
    const conflict = () =>
      new BillingError('conflict', { message: `Idempotency key "${key}" was already used with different parameters` })
    const record: IdempotencyRecord | undefined = w.state.idempotency[id]
    if (record) {
      await wait(latency, random)
      if (record.fingerprint !== fingerprint) throw conflict()
      if (record.outcome === 'declined') throw new BillingError('card_declined', { declineCode: record.declineCode })
      return record.ref
    }
    const running = inFlight.get(id)
    if (running) {
      if (running.fingerprint !== fingerprint) {
        await wait(latency, random)
        throw conflict()
      }
      return running.promise
    }
    const promise = (async () => {
      await wait(latency, random)
      return perform(id, w)
    })()
    inFlight.set(id, { fingerprint, promise })
    const release = () => {
      if (inFlight.get(id)?.promise === promise) inFlight.delete(id)
    }
    promise.then(release, release)
    return promise
  }

  /**
   * Charges a card with the customer present. A card that needs 3-D Secure first answers
   * `requires_action`; the same key asked again means the customer passed the challenge.
   */
  function chargeOnSession(w: World, id: string, fingerprint: string, card: PaymentMethod): void {
    const state = w.state
    const waiting = state.awaitingAction[id]
    if (waiting !== undefined && waiting !== fingerprint) {
      throw new BillingError('conflict', { message: 'Idempotency key was already used with different parameters' })
    }
    const outcome = chargeCard(card, now(), 'on')
    if (outcome.ok) return
    if ('requiresAction' in outcome) {
      if (waiting === fingerprint) {
        delete state.awaitingAction[id]
        return
      }
      state.awaitingAction[id] = fingerprint
      save(w)
      throw new BillingError('requires_action', { clientSecret: `pi_${token(random, 24)}_secret_${token(random, 24)}` })
    }
    state.idempotency[id] = { fingerprint, outcome: 'declined', declineCode: outcome.declineCode }
    save(w)
    throw new BillingError('card_declined', { declineCode: outcome.declineCode })
  }

  const findSubscription = (w: World, id: string): Subscription => {
    const sub = w.state.subscriptions.find((s) => s.id === id)
    if (!sub) throw new BillingError('not_found', { message: `No subscription ${id}` })
    return sub
  }
  const findCard = (w: World, id: string): PaymentMethod => {
    const card = w.state.paymentMethods.find((c) => c.id === id)
    if (!card) throw new BillingError('not_found', { message: `No payment method ${id}` })
    return card
  }
  const defaultCard = (w: World) => w.state.paymentMethods.find((c) => c.isDefault)

  function plansFor(w: World, sub: Subscription): Plan[] {
    if (sub.kind !== 'platform' || !sub.planId) return []
    return w.state.plans.map((plan) => ({ ...plan, current: plan.id === sub.planId }))
  }

  function preview(sub: Subscription, plan: Plan, at: Date): PlanChangePreview {
    if (sub.status === 'canceled') throw new BillingError('conflict', { message: 'The subscription is canceled' })
    if (sub.planId === plan.id) throw new BillingError('validation', { fieldErrors: { planId: 'same_plan' } })
    const current = sub.price?.amount ?? 0
    const oldTotal = current * sub.quantity
    const newTotal = plan.price.amount * sub.quantity
    const periodEndIso = sub.currentPeriodEnd ?? iso(addMonths(at, 1))
    const periodEnd = new Date(periodEndIso)
    const periodStart = periodStartOf(periodEnd, sub)
    const span = periodEnd.getTime() - periodStart.getTime()
    const fraction = span > 0 ? Math.min(1, Math.max(0, (periodEnd.getTime() - at.getTime()) / span)) : 0
    const nextCycle = { amount: { amount: newTotal, currency: plan.price.currency }, date: periodEndIso }
    const base = { subscriptionId: sub.id, planId: plan.id, nextCycle }
    // Upgrades are charged today for the rest of the period; downgrades wait for renewal.
    if (newTotal <= oldTotal) {
      return { ...base, effective: 'period_end', dueToday: { amount: 0, currency: plan.price.currency }, lines: [] }
    }
    const credit = -Math.round(oldTotal * fraction)
    const charge = Math.round(newTotal * fraction)
    return {
      ...base,
      effective: 'now',
      dueToday: { amount: charge + credit, currency: plan.price.currency },
      lines: [
        { description: t.unusedTime(sub.name), amount: { amount: credit, currency: plan.price.currency } },
        { description: t.remainingTime(plan.name), amount: { amount: charge, currency: plan.price.currency } },
      ],
    }
  }

  function profileErrors(profile: BillingProfile | null | undefined): Record<string, string> | null {
    const errors: Record<string, string> = {}
    if (!profile || typeof profile !== 'object') return { name: 'required' }
    if (!profile.name?.trim()) errors.name = 'required'
    if (typeof profile.email !== 'string' || !profile.email.includes('@')) errors.email = 'invalid'
    if (!profile.address?.line1?.trim()) errors['address.line1'] = 'required'
    if (!profile.address?.city?.trim()) errors['address.city'] = 'required'
    if (!/^[A-Za-z]{2}$/.test(profile.address?.country ?? '')) errors['address.country'] = 'invalid'
    return Object.keys(errors).length > 0 ? errors : null
  }

  const adapter: MemoryBillingAdapter = {
    calls,
    resetCalls,

    setFaults(plan) {
      faults.set(plan)
    },

    setLatency(next) {
      latency = next
    },

    reset() {
      inFlight.clear()
      if (persistKey) clearState(persistKey)
      world = freshWorld()
    },

    getBillingProfile: () => invoke('getBillingProfile', () => world.state.profile),

    listSubscriptions: () => invoke('listSubscriptions', () => world.state.subscriptions),

    listPaymentMethods: () => invoke('listPaymentMethods', () => world.state.paymentMethods),

    getWallet: () => invoke('getWallet', () => walletView(world.state.wallet, now())),

    listLedger: (input) => invoke('listLedger', () => world.ledger.list(input ?? {})),

    getInvoiceLinks: (invoiceId) =>
      invoke('getInvoiceLinks', () => {
        if (typeof invoiceId !== 'string' || !world.ledger.hasInvoice(invoiceId)) {
          throw new BillingError('not_found', { message: `No invoice ${String(invoiceId)}` })
        }
        const expiresAt = new Date(now().getTime() + INVOICE_LINK_TTL_MS)
        const exp = Math.floor(expiresAt.getTime() / 1000)
        const sig = hashString(`${seed}:${invoiceId}:${exp}`).toString(16).padStart(8, '0')
        return {
          viewUrl: `${INVOICE_HOST}/invoices/${invoiceId}`,
          downloadUrl: `${INVOICE_HOST}/invoices/${invoiceId}.pdf?sig=${sig}&exp=${exp}`,
          expiresAt: iso(expiresAt),
        }
      }),

    cancelSubscription: (input: CancelSubscriptionInput) =>
      invoke(
        'cancelSubscription',
        () => {
          const sub = findSubscription(input?.subscriptionId)
          if (input.reason !== undefined && !(CANCEL_REASONS as readonly string[]).includes(input.reason)) {
            throw new BillingError('validation', { fieldErrors: { reason: 'invalid' } })
          }
          if (sub.status === 'canceled') throw new BillingError('conflict', { message: 'The subscription is already canceled' })
          if (sub.cancelAtPeriodEnd) throw new BillingError('conflict', { message: 'The subscription is already set to cancel' })
          sub.cancelAtPeriodEnd = true
          sub.canceledAt = iso(now())
          return sub
        },
        true,
      ),

    resumeSubscription: (subscriptionId) =>
      invoke(
        'resumeSubscription',
        () => {
          const sub = findSubscription(subscriptionId)
          if (sub.status === 'canceled' || !sub.cancelAtPeriodEnd) {
            throw new BillingError('conflict', { message: 'The subscription is not set to cancel' })
          }
          sub.cancelAtPeriodEnd = false
          sub.canceledAt = null
          return sub
        },
        true,
      ),

    listPlans: (subscriptionId) => invoke('listPlans', () => plansFor(findSubscription(subscriptionId))),

    previewPlanChange: (input) =>
      invoke('previewPlanChange', () => {
        const sub = findSubscription(input?.subscriptionId)
        const plan = plansFor(sub).find((p) => p.id === input.planId)
        if (!plan) throw new BillingError('not_found', { message: `No plan ${input.planId} for ${sub.id}` })
        return preview(sub, plan, now())
      }),

    changePlan: async (input: ChangePlanInput) => {
      calls.changePlan += 1
      const fault = faults.take('changePlan')
      if (fault) {
        await wait(latency, random)
        throw fault
      }
      const ref = await idempotent('changePlan', input?.idempotencyKey, `${input?.subscriptionId}|${input?.planId}`, (id) => {
        const state = world.state
        const at = now()
        const sub = findSubscription(input.subscriptionId)
        const plan = plansFor(sub).find((p) => p.id === input.planId)
        if (!plan) throw new BillingError('not_found', { message: `No plan ${input.planId} for ${sub.id}` })
        const quote = preview(sub, plan, at)
        if (quote.effective === 'now' && quote.dueToday.amount > 0) {
          const card = sub.paymentMethodId ? findCard(sub.paymentMethodId) : defaultCard()
          if (!card) throw new BillingError('validation', { fieldErrors: { paymentMethodId: 'required' } })
          chargeOnSession(id, `${input.subscriptionId}|${input.planId}`, card)
          world.ledger.append(
            {
              createdAt: iso(at),
              type: 'subscription_charge',
              status: 'succeeded',
              description: t.planChange(plan.name),
              amount: { amount: -quote.dueToday.amount, currency: quote.dueToday.currency },
              balanceAfter: null,
              usage: null,
              paymentMethodId: card.id,
              failureReason: null,
            },
            state.invoiceCounter,
            true,
          )
        }
        // A downgrade is stored now: its new price is what the next renewal charges.
        sub.planId = plan.id
        sub.name = plan.name
        sub.description = plan.description ?? null
        sub.price = { ...plan.price }
        state.idempotency[id] = { fingerprint: `${input.subscriptionId}|${input.planId}`, outcome: 'succeeded', ref: sub.id }
        save()
        return sub.id
      })
      return structuredClone(findSubscription(ref))
    },

    createSetupIntent: () =>
      invoke(
        'createSetupIntent',
        () => {
          const state = world.state
          state.counters.setupIntents += 1
          const id = `seti_${state.counters.setupIntents.toString(36).padStart(3, '0')}${token(random, 14)}`
          state.setupIntents[id] = null
          return { clientSecret: `${id}_secret_${token(random, 24)}` }
        },
        true,
      ),

    attachPaymentMethod: (input: AttachPaymentMethodInput) =>
      invoke(
        'attachPaymentMethod',
        () => {
          const state = world.state
          const setupIntentId = String(input?.setupIntentId ?? '').split('_secret_')[0]
          if (!(setupIntentId in state.setupIntents)) {
            throw new BillingError('not_found', { message: `No SetupIntent ${setupIntentId}` })
          }
          // The same SetupIntent attached twice (a retried request) gives back the same card.
          const attached = state.setupIntents[setupIntentId]
          const already = attached ? state.paymentMethods.find((c) => c.id === attached) : undefined
          if (already) return already
          const given = input.paymentMethodId ?? null
          const existing = given ? state.paymentMethods.find((c) => c.id === given) : undefined
          if (existing) return existing
          state.counters.cards += 1
          const n = state.counters.cards
          const { brand, last4 } = cardDetailsFor(given, n)
          const at = now()
          const card: PaymentMethod = {
            id: given && !isStripeTestToken(given) ? given : `pm_added_${n}_${last4}`,
            type: 'card',
            brand,
            last4,
            expMonth: at.getUTCMonth() + 1,
            expYear: at.getUTCFullYear() + 4,
            wallet: null,
            bankName: null,
            holderName: state.profile?.name ?? null,
            isDefault: false,
          }
          const makeDefault = input.makeDefault || !defaultCard()
          if (makeDefault) {
            for (const other of state.paymentMethods) other.isDefault = false
            card.isDefault = true
            rearm(state.wallet)
          }
          state.paymentMethods.push(card)
          state.setupIntents[setupIntentId] = card.id
          return card
        },
        true,
      ),

    removePaymentMethod: (paymentMethodId) =>
      invoke(
        'removePaymentMethod',
        () => {
          const state = world.state
          const card = findCard(paymentMethodId)
          const paysSubscription = state.subscriptions.some(
            (s) => s.status !== 'canceled' && (s.paymentMethodId === card.id || (s.paymentMethodId === null && card.isDefault)),
          )
          if (paysSubscription) {
            throw new BillingError('conflict', { message: 'This card pays an active subscription; choose another card for it first' })
          }
          if (card.isDefault && state.wallet.autoRecharge.enabled) {
            throw new BillingError('conflict', { message: 'Auto-recharge charges this default card; turn it off or pick another default first' })
          }
          state.paymentMethods = state.paymentMethods.filter((c) => c.id !== card.id)
          return undefined
        },
        true,
      ),

    setDefaultPaymentMethod: (paymentMethodId) =>
      invoke(
        'setDefaultPaymentMethod',
        () => {
          const state = world.state
          const card = findCard(paymentMethodId)
          if (!card.isDefault) {
            for (const other of state.paymentMethods) other.isDefault = other.id === card.id
            rearm(state.wallet)
          }
          return state.paymentMethods
        },
        true,
      ),

    updateBillingProfile: (profile: BillingProfile) =>
      invoke(
        'updateBillingProfile',
        () => {
          const fieldErrors = profileErrors(profile)
          if (fieldErrors) throw new BillingError('validation', { fieldErrors })
          const taxId = profile.taxId?.value?.trim() ? { type: profile.taxId.type, value: profile.taxId.value.trim() } : null
          world.state.profile = {
            name: profile.name.trim(),
            company: profile.company?.trim() || null,
            email: profile.email.trim(),
            address: {
              line1: profile.address.line1.trim(),
              line2: profile.address.line2?.trim() || null,
              city: profile.address.city.trim(),
              region: profile.address.region?.trim() || null,
              postalCode: profile.address.postalCode?.trim() || null,
              country: profile.address.country.toUpperCase(),
            },
            taxId,
            walletReceipts: profile.walletReceipts === true,
          }
          return world.state.profile
        },
        true,
      ),

    addFunds: async (input: AddFundsInput) => {
      calls.addFunds += 1
      const fault = faults.take('addFunds')
      if (fault) {
        await wait(latency, random)
        throw fault
      }
      const fingerprint = `${input?.amount?.amount}|${input?.amount?.currency}|${input?.paymentMethodId}`
      const ref = await idempotent('addFunds', input?.idempotencyKey, fingerprint, (id) => {
        const state = world.state
        const fieldErrors = topUpErrors(state.wallet, input.amount)
        if (fieldErrors) throw new BillingError('validation', { fieldErrors })
        const card = findCard(input.paymentMethodId)
        chargeOnSession(id, fingerprint, card)
        state.wallet.balance += input.amount.amount
        const entry = world.ledger.append(
          {
            createdAt: iso(now()),
            type: 'top_up',
            status: 'succeeded',
            description: t.topUp,
            amount: { amount: input.amount.amount, currency: state.wallet.currency },
            balanceAfter: { amount: state.wallet.balance, currency: state.wallet.currency },
            usage: null,
            paymentMethodId: card.id,
            failureReason: null,
          },
          state.invoiceCounter,
        )
        state.idempotency[id] = { fingerprint, outcome: 'succeeded', ref: entry.id }
        save()
        return entry.id
      })
      const entry = world.ledger.findById(ref)
      if (!entry) throw new BillingError('not_found', { message: `No ledger entry ${ref}` })
      return { entry, wallet: walletView(world.state.wallet, now()) }
    },

    updateAutoRecharge: (settings: AutoRechargeSettings) =>
      invoke(
        'updateAutoRecharge',
        () => {
          const state = world.state
          const fieldErrors = settings ? autoRechargeErrors(state.wallet, settings) : { threshold: 'invalid' }
          if (fieldErrors) throw new BillingError('validation', { fieldErrors })
          const ar = state.wallet.autoRecharge
          ar.enabled = settings.enabled === true
          ar.threshold = { ...settings.threshold }
          ar.mode = settings.mode
          ar.amount = { ...settings.amount }
          ar.monthlyCap = settings.monthlyCap ? { ...settings.monthlyCap } : null
          rearm(state.wallet)
          // Turning it on while already at or below the threshold charges at once.
          runAutoRecharge({ state, ledger: world.ledger, now: now(), locale })
          return walletView(state.wallet, now())
        },
        true,
      ),

    simulateUsage: async (input = {}) => {
      calls.simulateUsage += 1
      await wait(latency, random)
      const unit = input.unit ?? 'sms'
      if (!(USAGE_UNITS as readonly string[]).includes(unit)) {
        throw new BillingError('validation', { fieldErrors: { unit: 'invalid' } })
      }
      const quantity = input.quantity ?? DEFAULT_USAGE_QUANTITY[unit]
      if (!Number.isSafeInteger(quantity) || quantity <= 0) {
        throw new BillingError('validation', { fieldErrors: { quantity: 'invalid' } })
      }
      const state = world.state
      const cost = input.cost?.amount ?? pricing.usageCost(unit, quantity)
      if (!Number.isSafeInteger(cost) || cost < 0 || (input.cost && input.cost.currency !== state.wallet.currency)) {
        throw new BillingError('validation', { fieldErrors: { cost: 'invalid' } })
      }
      const at = now()
      spend(state.wallet, cost, at)
      const usage = world.ledger.append(
        {
          createdAt: iso(at),
          type: 'usage',
          status: 'succeeded',
          description: usageDescription(locale, unit, quantity),
          amount: { amount: -cost, currency: state.wallet.currency },
          balanceAfter: { amount: state.wallet.balance, currency: state.wallet.currency },
          usage: { unit, quantity },
          paymentMethodId: null,
          failureReason: null,
        },
        state.invoiceCounter,
      )
      const recharge = runAutoRecharge({ state, ledger: world.ledger, now: at, locale })
      save()
      return { entries: recharge ? [recharge, usage] : [usage], wallet: walletView(state.wallet, now()) }
    },
  }
  return adapter
}

function periodStartOf(periodEnd: Date, sub: Subscription): Date {
  const count = sub.intervalCount || 1
  switch (sub.interval) {
    case 'day':
      return addDays(periodEnd, -count)
    case 'week':
      return addDays(periodEnd, -7 * count)
    case 'year':
      return addMonths(periodEnd, -12 * count)
    default:
      return addMonths(periodEnd, -count)
  }
}
