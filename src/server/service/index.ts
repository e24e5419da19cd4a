/**
 * `createBillingService`: the billing rules over a store and a card processor. `forAccount(id)`
 * gives the per-caller service `createBillingHandler` serves, so
 *
 *   createBillingHandler({ resolve: (req) => ({ service: billing.forAccount(idFrom(req)), permissions }) })
 *
 * is a complete back end. Each responsibility is its own module beside this file.
 */
import type { BillingService } from '../handler'
import type { PaymentProvider } from '../payments/provider'
import { createSimulatedPayments } from '../payments/simulated'
import type { BillingStore } from '../store/repository'
import { type CreateAccountInput, createAccount } from './accounts'
import { runAutoRecharge, updateAutoRecharge } from './auto-recharge'
import type { DocumentSettings, ServiceDeps } from './context'
import { getSpendSummary } from './insights'
import { getInvoiceLinks, serveDocument } from './invoices'
import { type LedgerVerification, listLedger, verifyLedger } from './ledger'
import {
  attachPaymentMethod,
  createSetupIntent,
  listPaymentMethods,
  removePaymentMethod,
  setDefaultPaymentMethod,
} from './payment-methods'
import { type ProcessorEvents, createProcessorEvents } from './processor-events'
import { getBillingProfile, updateBillingProfile } from './profile'
import {
  cancelSubscription,
  changePlan,
  listPlans,
  listSubscriptions,
  previewPlanChange,
  resumeSubscription,
} from './subscriptions'
import {
  type SourceInvoiceReport,
  type SubscriptionSource,
  cancelSourcedSubscription,
  listSourcedSubscriptions,
  recordSourceInvoice,
  resumeSourcedSubscription,
  sourcedInvoiceLinks,
} from './subscription-source'
import { addFunds, getWallet } from './top-ups'
import {
  type RecordUsageOptions,
  type UsageBatchResult,
  type UsageEvent,
  type UsageInput,
  type UsageResult,
  recordUsage,
  recordUsageBatch,
  resolvePolicy,
} from './usage'
import { type DueWorkResult, type RunDueWorkOptions, runDueWork } from './jobs'
import type { Mailer } from './mailer'
import { updateWalletNotifications } from './alerts'
import type { BillingEvent } from '../webhooks'

export type { CreateAccountInput } from './accounts'
export type { LedgerVerification } from './ledger'
export type { ProcessorChargeReport, ProcessorEvents, SettleResult } from './processor-events'
export type {
  InsufficientFundsReason,
  RecordUsageOptions,
  UsageBatchResult,
  UsageEvent,
  UsageEventResult,
  UsageInput,
  UsageRejectionCode,
  UsageResult,
} from './usage'
export type { DueWorkResult, RunDueWorkOptions } from './jobs'
export type { MailMessage, Mailer } from './emails'
export type { SourceInvoiceReport, SubscriptionSource, SubscriptionSourceScope } from './subscription-source'

export interface BillingServiceOptions {
  store: BillingStore
  /** The card processor; default the simulated one (Stripe's test cards, no network). */
  payments?: PaymentProvider
  /** Default `() => new Date()`. */
  clock?: () => Date
  /**
   * How long an in-flight charge owns its idempotency key (renewed while the processor works)
   * before another instance may take it over. Default 60 000 ms.
   */
  leaseMs?: number
  /** Signed links to invoice and receipt PDFs; without it, invoice links are null. */
  documents?: { secret: string; baseUrl: string; brandName: string; linkTtlMs?: number }
  /**
   * Where subscriptions live when not in our store (`createStripeBillingSource(…)`): listing,
   * cancel and resume, and its invoices' links go to it. Plan changes are not offered then.
   */
  subscriptions?: SubscriptionSource
  /**
   * What usage does when credits and balance cannot cover it: `reject` (default; the event is
   * refused with `insufficient_funds`) or `allowNegative` down to `floor` (minor units, ≤ 0).
   */
  usage?: { insufficientFunds?: 'reject' | 'allowNegative'; floor?: number }
  /** Called once per event (from the outbox, retried with backoff until it resolves). */
  onEvent?(event: BillingEvent): void | Promise<void>
  /** Signed outgoing webhooks: every event POSTed to `url`, signed with `secret` (see `verifyBillingWebhook`). */
  webhooks?: { url: string; secret: string; timeoutMs?: number }
  /** Receipts and balance alerts by email (`createSmtpMailer` from `react-billing-panel/server/email`). */
  email?: { mailer: Mailer; from: string }
}

/** The capabilities a subscription source does not offer. */
export type PlanChangeMethod = 'listPlans' | 'previewPlanChange' | 'changePlan'

/** The handler's per-caller service, plus what the host's own back end may call for the account. */
export interface AccountBillingService extends Required<BillingService> {
  readonly accountId: string
  /** One usage event (the demo's developer drawer uses it); prefer `recordUsageBatch` with keys. */
  recordUsage(input?: UsageInput): Promise<UsageResult>
  /** Up to 1 000 usage events, each applied once by its idempotency key. */
  recordUsageBatch(events: readonly UsageEvent[], options?: RecordUsageOptions): Promise<UsageBatchResult>
}

/** The per-caller service when subscriptions come from a source: no plan changes. */
export type SourcedAccountBillingService = Omit<AccountBillingService, PlanChangeMethod> &
  Partial<Pick<AccountBillingService, PlanChangeMethod>>

export interface BillingServiceInstance<Account extends SourcedAccountBillingService = AccountBillingService> {
  forAccount(accountId: string): Account
  createAccount(input: CreateAccountInput): Promise<boolean>
  /** Recomputes an account's balance from its ledger and reports any drift. */
  verifyLedger(accountId: string): Promise<LedgerVerification>
  /** Runs a due auto-recharge for the account (after a host-side change to its balance). */
  runAutoRecharge(accountId: string): Promise<string | null>
  /** Serves `GET <documents.baseUrl>/<token>`: the signed invoice or receipt PDF. */
  serveDocument(request: Request): Promise<Response>
  /** What the card processor reports on its own (its webhooks): outcomes, refunds, disputes, card changes. */
  readonly processorEvents: ProcessorEvents & {
    /** A paid invoice of the subscription source, written once to the account's history. */
    recordSourceInvoice(report: SourceInvoiceReport): Promise<'recorded' | 'already' | 'ignored'>
  }
  /** The host's back end spends from an account's wallet: up to 1 000 events, each applied once by its key. */
  recordUsage(accountId: string, events: readonly UsageEvent[], options?: RecordUsageOptions): Promise<UsageBatchResult>
  /** Runs what the outbox holds that is due (retries, expiries, notifications, webhooks, emails); call it on an interval. */
  runDueWork(options?: RunDueWorkOptions): Promise<DueWorkResult>
  /** Calls `runDueWork` every `intervalMs` (default 5 000) until `stop()`, one run at a time. */
  startWorker(options?: { intervalMs?: number; onError?(error: unknown): void }): { stop(): Promise<void> }
  readonly store: BillingStore
}

export function createBillingService(
  options: BillingServiceOptions & { subscriptions: SubscriptionSource },
): BillingServiceInstance<SourcedAccountBillingService>
export function createBillingService(
  options: BillingServiceOptions & { subscriptions?: undefined },
): BillingServiceInstance
export function createBillingService(
  options: BillingServiceOptions,
): BillingServiceInstance<SourcedAccountBillingService> | BillingServiceInstance
export function createBillingService(
  options: BillingServiceOptions,
): BillingServiceInstance<SourcedAccountBillingService> {
  if (!options?.store)
    throw new TypeError(
      'react-billing-panel: createBillingService needs { store }: createSqliteStore(…) or createPostgresStore(…).',
    )
  const clock = options.clock ?? (() => new Date())
  let documents: DocumentSettings | null = null
  if (options.documents) {
    const { secret, baseUrl, brandName, linkTtlMs } = options.documents
    if (typeof secret !== 'string' || Buffer.byteLength(secret) < 32) {
      throw new TypeError(
        'react-billing-panel: documents.secret must be at least 32 bytes; set BILLING_DOCUMENT_SECRET.',
      )
    }
    documents = { secret, baseUrl, brandName, linkTtlMs: linkTtlMs ?? 10 * 60_000 }
  }
  const deps: ServiceDeps = {
    store: options.store,
    payments: options.payments ?? createSimulatedPayments(),
    now: () => new Date(clock().getTime()),
    leaseMs: options.leaseMs ?? 60_000,
    documents,
    inFlight: new Map(),
    usagePolicy: resolvePolicy({ insufficientFunds: 'reject', floor: 0 }, options.usage ?? {}),
    notify: notifySettings(options),
  }

  const source = options.subscriptions ?? null

  function forAccount(accountId: string): SourcedAccountBillingService {
    if (typeof accountId !== 'string' || accountId === '') {
      throw new TypeError(
        'react-billing-panel: forAccount needs the caller’s sub-account id, taken from its session, never from the request.',
      )
    }
    const own: AccountBillingService = {
      accountId,
      getBillingProfile: () => getBillingProfile(deps, accountId),
      listSubscriptions: () => listSubscriptions(deps, accountId),
      listPaymentMethods: () => listPaymentMethods(deps, accountId),
      getWallet: () => getWallet(deps, accountId),
      listLedger: (input) => listLedger(deps, accountId, input ?? {}),
      getSpendSummary: (input) => getSpendSummary(deps, accountId, input),
      getInvoiceLinks: (invoiceId) => getInvoiceLinks(deps, accountId, invoiceId),
      cancelSubscription: (input, context) => cancelSubscription(deps, accountId, input, context),
      resumeSubscription: (id, context) => resumeSubscription(deps, accountId, id, context),
      listPlans: (id) => listPlans(deps, accountId, id),
      previewPlanChange: (input) => previewPlanChange(deps, accountId, input),
      changePlan: (input) => changePlan(deps, accountId, input),
      createSetupIntent: () => createSetupIntent(deps, accountId),
      attachPaymentMethod: (input, context) => attachPaymentMethod(deps, accountId, input, context),
      removePaymentMethod: (id, context) => removePaymentMethod(deps, accountId, id, context),
      setDefaultPaymentMethod: (id, context) => setDefaultPaymentMethod(deps, accountId, id, context),
      updateBillingProfile: (profile, context) => updateBillingProfile(deps, accountId, profile, context),
      addFunds: (input) => addFunds(deps, accountId, input),
      updateAutoRecharge: (settings, context) => updateAutoRecharge(deps, accountId, settings, context),
      recordUsage: (input) => recordUsage(deps, accountId, input),
      recordUsageBatch: (events, opts) => recordUsageBatch(deps, accountId, events, opts),
      updateWalletNotifications: (settings, context) => updateWalletNotifications(deps, accountId, settings, context),
    }
    if (!source) return own
    const { listPlans: _plans, previewPlanChange: _preview, changePlan: _change, ...rest } = own
    return {
      ...rest,
      listSubscriptions: () => listSourcedSubscriptions(deps, source, accountId),
      cancelSubscription: (input, context) => cancelSourcedSubscription(deps, source, accountId, input, context),
      resumeSubscription: (id, context) => resumeSourcedSubscription(deps, source, accountId, id, context),
      getInvoiceLinks: (invoiceId) => sourcedInvoiceLinks(deps, source, accountId, invoiceId),
    }
  }

  return {
    forAccount,
    createAccount: (input) => createAccount(deps, input),
    verifyLedger: (accountId) => verifyLedger(deps, accountId),
    runAutoRecharge: (accountId) => runAutoRecharge(deps, accountId),
    serveDocument: (request) => serveDocument(deps, request),
    processorEvents: {
      ...createProcessorEvents(deps),
      recordSourceInvoice: (report) => recordSourceInvoice(deps, source !== null, report),
    },
    recordUsage: (accountId, events, opts) => recordUsageBatch(deps, accountId, events, opts),
    runDueWork: (opts) => runDueWork(deps, opts),
    startWorker: (opts) => startWorker(deps, opts),
    store: options.store,
  }
}

function notifySettings(options: BillingServiceOptions): ServiceDeps['notify'] {
  const { webhooks, email } = options
  if (webhooks && (typeof webhooks.url !== 'string' || !/^https?:\/\//.test(webhooks.url))) {
    throw new TypeError('react-billing-panel: webhooks.url must be an http(s) URL; set BILLING_WEBHOOK_URL.')
  }
  if (webhooks && (typeof webhooks.secret !== 'string' || Buffer.byteLength(webhooks.secret) < 32)) {
    throw new TypeError('react-billing-panel: webhooks.secret must be at least 32 bytes; set BILLING_WEBHOOK_SECRET.')
  }
  if (email && (typeof email.mailer?.send !== 'function' || typeof email.from !== 'string' || email.from === '')) {
    throw new TypeError(
      'react-billing-panel: email needs { mailer, from }: createSmtpMailer({ url }) and a sender address.',
    )
  }
  return {
    onEvent: options.onEvent ?? null,
    webhook: webhooks ? { url: webhooks.url, secret: webhooks.secret, timeoutMs: webhooks.timeoutMs ?? 10_000 } : null,
    mailer: email?.mailer ?? null,
    emailFrom: email?.from ?? null,
    brandName: options.documents?.brandName ?? 'Billing',
  }
}

function startWorker(
  deps: ServiceDeps,
  options: { intervalMs?: number; onError?(error: unknown): void } = {},
): { stop(): Promise<void> } {
  const intervalMs = options.intervalMs ?? 5000
  if (!Number.isSafeInteger(intervalMs) || intervalMs < 10)
    throw new TypeError('react-billing-panel: intervalMs must be at least 10.')
  let running: Promise<unknown> = Promise.resolve()
  let busy = false
  const tick = () => {
    if (busy) return
    busy = true
    running = runDueWork(deps, {}, (error) => options.onError?.(error))
      .catch((error) => options.onError?.(error))
      .finally(() => {
        busy = false
      })
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref?.()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
