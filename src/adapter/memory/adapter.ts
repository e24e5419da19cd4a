import { type BillingLocale, toBillingLocale } from '../../i18n/locales'
import { createPricing, DEFAULT_USAGE_QUANTITY } from '../../rules/pricing'
import { normalizeProfile, profileErrors } from '../../rules/profile'
import { buildSpendSummary, normalizeSpendInput } from '../../rules/spend'
import { autoRechargeErrors, notificationErrors, topUpErrors } from '../../rules/wallet'
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
  type Subscription,
  type BuiltInUsageUnit,
  USAGE_CATEGORY_PATTERN,
  USAGE_UNITS,
  type UsageUnit,
  type Wallet,
  type WalletNotifications,
} from '../types'
import { cardDetailsFor, chargeCard, isStripeTestToken } from './cards'
import { type Clock, iso, type Latency, MINUTE_MS, wait } from './clock'
import { ADAPTER_METHODS, type FaultPlan, Faults } from './faults'
import { Ledger } from './ledger'
import { clearState, loadState, type PersistedState, type SeedParams, saveState } from './persistence'
import { previewPlanChange } from './plans'
import { hashString, mulberry32, token } from './random'
import type { IdempotencyRecord } from './state'
import { formatCount, text, usageDescription, usageLabel } from './text'
import { rearm, runAutoRecharge, spend, walletView } from './wallet'
import { type SeedConfig, seedWorld, type World } from './world'

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
  /**
   * Language of seeded names and of the descriptions entries are written with: any of the
   * panel's locales (default 'es'). Other tags go through `toBillingLocale` ('pt' → 'pt-BR').
   */
  locale?: BillingLocale
  /** No cards, subscriptions, profile or ledger, and a zero balance. */
  empty?: boolean
  /**
   * What `simulateUsage` does with a cost the wallet cannot cover: `allowNegative` (default) spends
   * it anyway, down to `floor` when given; `reject` refuses it as the server's usage API does by default.
   */
  usage?: { insufficientFunds?: 'reject' | 'allowNegative'; floor?: number }
}

export interface MemoryBillingAdapter extends Required<BillingAdapter> {
  setFaults(plan: FaultPlan): void
  setLatency(latency: Latency): void
  /**
   * Spends like the product would (credits first, then balance) and runs auto-recharge. A
   * host's own category (`whatsapp`) needs a `cost`, and shows with its `label`.
   */
  simulateUsage(input?: {
    unit?: UsageUnit
    quantity?: number
    cost?: Money
    label?: string
  }): Promise<{ entries: LedgerEntry[]; wallet: Wallet }>
  /** Back to the seed; clears persisted state. */
  reset(): void
  /** How many times each method was called, failed calls included (for tests and benchmarks). */
  calls: Record<string, number>
  resetCalls(): void
}

const INVOICE_LINK_TTL_MS = 5 * MINUTE_MS
const INVOICE_HOST = 'https://billing.example.com'

export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryBillingAdapter {
  const seed = options.seed ?? 1
  const clock: Clock = options.now ?? (() => new Date())
  const now = () => new Date(clock().getTime())
  const currency = (options.currency ?? 'USD').toUpperCase()
  const locale = options.locale === undefined ? 'es' : toBillingLocale(options.locale)
  const empty = options.empty ?? false
  const ledgerSize =
    options.ledgerSize !== undefined && Number.isFinite(options.ledgerSize)
      ? Math.max(0, Math.floor(options.ledgerSize))
      : null
  const persistKey = options.persist || null
  const params: SeedParams = { seed, ledgerSize, currency, locale, empty }
  const pricing = createPricing(currency)
  const t = text(locale)
  // One stream for latency jitter, fault rates and generated secrets, so runs repeat too.
  const random = mulberry32(seed ^ 0x9e3779b9)
  const faults = new Faults(random, options.faults)
  const usagePolicy = {
    insufficientFunds: options.usage?.insufficientFunds ?? 'allowNegative',
    floor: options.usage?.floor ?? (options.usage?.insufficientFunds === 'reject' ? 0 : Number.NEGATIVE_INFINITY),
  }
  /** The host's names for its own usage categories, as the server remembers them. */
  const hostLabels = new Map<string, string>()
  let latency: Latency = options.latency ?? 0
  const calls: Record<string, number> = {}
  const resetCalls = () => {
    for (const method of [...ADAPTER_METHODS, 'simulateUsage']) calls[method] = 0
  }
  resetCalls()
  /** Idempotent writes still running, so concurrent duplicates share one outcome. */
  const inFlight = new Map<string, { fingerprint: string; promise: Promise<string> }>()

  const seedConfig: SeedConfig = { seed, locale, pricing, currency, empty, ledgerSize }

  function freshWorld(): World {
    const anchor = now()
    const { state, history } = seedWorld(seedConfig, anchor)
    return { anchor, state, ledger: new Ledger(history) }
  }

  function restoredWorld(saved: PersistedState): World {
    const anchor = new Date(saved.anchor)
    // The seeded rows are regenerated from the original creation time, not stored.
    const { history } = seedWorld(seedConfig, anchor)
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
      throw new BillingError('validation', {
        message: 'idempotencyKey is required',
        fieldErrors: { idempotencyKey: 'required' },
      })
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
   * A decline writes no ledger entry (the person sees it on screen at once, unlike a failed
   * auto-recharge) and is remembered for the key, so a new attempt needs a new key.
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

    getBillingProfile: () => invoke('getBillingProfile', (w) => w.state.profile),

    listSubscriptions: () => invoke('listSubscriptions', (w) => w.state.subscriptions),

    listPaymentMethods: () => invoke('listPaymentMethods', (w) => w.state.paymentMethods),

    getWallet: () => invoke('getWallet', (w) => walletView(w.state.wallet, now())),

    listLedger: (input) => invoke('listLedger', (w) => w.ledger.list(input ?? {})),

    getSpendSummary: (input) =>
      invoke('getSpendSummary', (w) => {
        const range = normalizeSpendInput(input)
        return buildSpendSummary(
          range,
          currency,
          w.ledger.spendRows(range),
          (unit) => hostLabels.get(unit) ?? usageLabel(locale, unit),
        )
      }),

    getInvoiceLinks: (invoiceId) =>
      invoke('getInvoiceLinks', (w) => {
        if (typeof invoiceId !== 'string' || !w.ledger.hasInvoice(invoiceId)) {
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
        (w) => {
          const sub = findSubscription(w, input?.subscriptionId)
          if (input.reason !== undefined && !(CANCEL_REASONS as readonly string[]).includes(input.reason)) {
            throw new BillingError('validation', { fieldErrors: { reason: 'invalid' } })
          }
          if (sub.status === 'canceled')
            throw new BillingError('conflict', { message: 'The subscription is already canceled' })
          if (sub.cancelAtPeriodEnd)
            throw new BillingError('conflict', { message: 'The subscription is already set to cancel' })
          sub.cancelAtPeriodEnd = true
          sub.canceledAt = iso(now())
          return sub
        },
        true,
      ),

    resumeSubscription: (subscriptionId) =>
      invoke(
        'resumeSubscription',
        (w) => {
          const sub = findSubscription(w, subscriptionId)
          if (sub.status === 'canceled' || !sub.cancelAtPeriodEnd) {
            throw new BillingError('conflict', { message: 'The subscription is not set to cancel' })
          }
          sub.cancelAtPeriodEnd = false
          sub.canceledAt = null
          return sub
        },
        true,
      ),

    listPlans: (subscriptionId) => invoke('listPlans', (w) => plansFor(w, findSubscription(w, subscriptionId))),

    previewPlanChange: (input) =>
      invoke('previewPlanChange', (w) => {
        const sub = findSubscription(w, input?.subscriptionId)
        const plan = plansFor(w, sub).find((p) => p.id === input.planId)
        if (!plan) throw new BillingError('not_found', { message: `No plan ${input.planId} for ${sub.id}` })
        return previewPlanChange(sub, plan, now(), t)
      }),

    changePlan: async (input: ChangePlanInput) => {
      calls.changePlan += 1
      const current = world
      const fault = faults.take('changePlan')
      if (fault) {
        await wait(latency, random)
        throw fault
      }
      const ref = await idempotent(
        'changePlan',
        input?.idempotencyKey,
        `${input?.subscriptionId}|${input?.planId}`,
        (id, w) => {
          const state = w.state
          const at = now()
          const sub = findSubscription(w, input.subscriptionId)
          const plan = plansFor(w, sub).find((p) => p.id === input.planId)
          if (!plan) throw new BillingError('not_found', { message: `No plan ${input.planId} for ${sub.id}` })
          const quote = previewPlanChange(sub, plan, at, t)
          if (quote.effective === 'now' && quote.dueToday.amount > 0) {
            const card = sub.paymentMethodId ? findCard(w, sub.paymentMethodId) : defaultCard(w)
            if (!card) throw new BillingError('validation', { fieldErrors: { paymentMethodId: 'required' } })
            chargeOnSession(w, id, `${input.subscriptionId}|${input.planId}`, card)
            w.ledger.append(
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
          state.idempotency[id] = {
            fingerprint: `${input.subscriptionId}|${input.planId}`,
            outcome: 'succeeded',
            ref: sub.id,
          }
          save(w)
          return sub.id
        },
      )
      return structuredClone(findSubscription(current, ref))
    },

    createSetupIntent: () =>
      invoke(
        'createSetupIntent',
        (w) => {
          const state = w.state
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
        (w) => {
          const state = w.state
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
          const makeDefault = input.makeDefault || !defaultCard(w)
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
        (w) => {
          const state = w.state
          const card = findCard(w, paymentMethodId)
          // A card is in use when a live subscription names it, or relies on the default and
          // it is the default; auto-recharge always charges the default card.
          const paysSubscription = state.subscriptions.some(
            (s) =>
              s.status !== 'canceled' &&
              (s.paymentMethodId === card.id || (s.paymentMethodId === null && card.isDefault)),
          )
          if (paysSubscription) {
            throw new BillingError('conflict', {
              message: 'This card pays an active subscription; choose another card for it first',
            })
          }
          if (card.isDefault && state.wallet.autoRecharge.enabled) {
            throw new BillingError('conflict', {
              message: 'Auto-recharge charges this default card; turn it off or pick another default first',
            })
          }
          state.paymentMethods = state.paymentMethods.filter((c) => c.id !== card.id)
          return undefined
        },
        true,
      ),

    setDefaultPaymentMethod: (paymentMethodId) =>
      invoke(
        'setDefaultPaymentMethod',
        (w) => {
          const state = w.state
          const card = findCard(w, paymentMethodId)
          // An expired card may be made default: the UI warns about it, and charges decline.
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
        (w) => {
          const fieldErrors = profileErrors(profile)
          if (fieldErrors) throw new BillingError('validation', { fieldErrors })
          w.state.profile = normalizeProfile(profile)
          // One setting, shown in two places: the billing form and the wallet's emails.
          const notifications = w.state.wallet.notifications ?? { lowBalanceEmail: null, receipts: false }
          w.state.wallet.notifications = { ...notifications, receipts: w.state.profile.walletReceipts === true }
          return w.state.profile
        },
        true,
      ),

    addFunds: async (input: AddFundsInput) => {
      calls.addFunds += 1
      const current = world
      const fault = faults.take('addFunds')
      if (fault) {
        await wait(latency, random)
        throw fault
      }
      const fingerprint = `${input?.amount?.amount}|${input?.amount?.currency}|${input?.paymentMethodId}`
      const ref = await idempotent('addFunds', input?.idempotencyKey, fingerprint, (id, w) => {
        const state = w.state
        const fieldErrors = topUpErrors(state.wallet, input.amount)
        if (fieldErrors) throw new BillingError('validation', { fieldErrors })
        const card = findCard(w, input.paymentMethodId)
        chargeOnSession(w, id, fingerprint, card)
        state.wallet.balance += input.amount.amount
        const entry = w.ledger.append(
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
        save(w)
        return entry.id
      })
      const entry = current.ledger.findById(ref)
      if (!entry) throw new BillingError('not_found', { message: `No ledger entry ${ref}` })
      return { entry, wallet: walletView(current.state.wallet, now()) }
    },

    updateAutoRecharge: (settings: AutoRechargeSettings) =>
      invoke(
        'updateAutoRecharge',
        (w) => {
          const state = w.state
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
          runAutoRecharge({ state, ledger: w.ledger, now: now(), locale })
          return walletView(state.wallet, now())
        },
        true,
      ),

    updateWalletNotifications: (settings: WalletNotifications) =>
      invoke(
        'updateWalletNotifications',
        (w) => {
          const state = w.state
          const fieldErrors = notificationErrors(state.wallet.currency, settings, Boolean(state.profile?.email))
          if (fieldErrors) throw new BillingError('validation', { fieldErrors })
          state.wallet.notifications = {
            lowBalanceEmail: settings.lowBalanceEmail ? { ...settings.lowBalanceEmail } : null,
            receipts: settings.receipts,
          }
          if (state.profile) state.profile = { ...state.profile, walletReceipts: settings.receipts }
          return walletView(state.wallet, now())
        },
        true,
      ),

    simulateUsage: async (input = {}) => {
      calls.simulateUsage += 1
      const w = world
      await wait(latency, random)
      const unit = input.unit ?? 'sms'
      const builtIn = (USAGE_UNITS as readonly string[]).includes(unit) ? (unit as BuiltInUsageUnit) : null
      if (!USAGE_CATEGORY_PATTERN.test(unit) || (!builtIn && !input.cost)) {
        throw new BillingError('validation', { fieldErrors: { unit: 'invalid' } })
      }
      const label = typeof input.label === 'string' && input.label.trim() ? input.label.trim().slice(0, 80) : null
      if (label) hostLabels.set(unit, label)
      const quantity = input.quantity ?? (builtIn ? DEFAULT_USAGE_QUANTITY[builtIn] : 1)
      if (!Number.isSafeInteger(quantity) || quantity <= 0) {
        throw new BillingError('validation', { fieldErrors: { quantity: 'invalid' } })
      }
      const state = w.state
      const cost = input.cost?.amount ?? pricing.usageCost(builtIn ?? 'sms', quantity)
      if (!Number.isSafeInteger(cost) || cost < 0 || (input.cost && input.cost.currency !== state.wallet.currency)) {
        throw new BillingError('validation', { fieldErrors: { cost: 'invalid' } })
      }
      const at = now()
      // As the server's usage API does: with `reject`, a recharge gets its chance first; then a
      // cost the credits and balance (down to the floor) cannot cover is refused, nothing spent.
      let early: LedgerEntry | null = null
      const covered = () => {
        const view = walletView(state.wallet, at)
        const credits = view.credits.reduce((sum, c) => sum + c.remaining.amount, 0)
        return cost - credits <= Math.max(0, state.wallet.balance - usagePolicy.floor)
      }
      if (!covered()) {
        if (usagePolicy.insufficientFunds === 'reject') {
          early = runAutoRecharge({ state, ledger: w.ledger, now: at, locale })
          if (early) save(w)
        }
        if (!covered()) {
          throw new BillingError('conflict', {
            message: 'The wallet’s credits and balance do not cover this usage (insufficient_funds).',
          })
        }
      }
      spend(state.wallet, cost, at)
      const usage = w.ledger.append(
        {
          createdAt: iso(at),
          type: 'usage',
          status: 'succeeded',
          description:
            builtIn && !hostLabels.has(unit)
              ? usageDescription(locale, builtIn, quantity)
              : `${hostLabels.get(unit) ?? unit} — ${formatCount(locale, quantity)}`,
          amount: { amount: -cost, currency: state.wallet.currency },
          balanceAfter: { amount: state.wallet.balance, currency: state.wallet.currency },
          usage: hostLabels.has(unit) ? { unit, quantity, label: hostLabels.get(unit) } : { unit, quantity },
          paymentMethodId: null,
          failureReason: null,
        },
        state.invoiceCounter,
      )
      const recharge = runAutoRecharge({ state, ledger: w.ledger, now: at, locale }) ?? early
      save(w)
      return { entries: recharge ? [recharge, usage] : [usage], wallet: walletView(state.wallet, now()) }
    },
  }
  return adapter
}
