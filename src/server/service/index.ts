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
import { addFunds, getWallet } from './top-ups'
import { type UsageInput, type UsageResult, recordUsage } from './usage'

export type { CreateAccountInput } from './accounts'
export type { LedgerVerification } from './ledger'
export type { ProcessorChargeReport, ProcessorEvents, SettleResult } from './processor-events'
export type { UsageInput, UsageResult } from './usage'

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
}

/** The handler's per-caller service, plus what the host's own back end may call for the account. */
export interface AccountBillingService extends Required<BillingService> {
  readonly accountId: string
  recordUsage(input?: UsageInput): Promise<UsageResult>
}

export interface BillingServiceInstance {
  forAccount(accountId: string): AccountBillingService
  createAccount(input: CreateAccountInput): Promise<boolean>
  /** Recomputes an account's balance from its ledger and reports any drift. */
  verifyLedger(accountId: string): Promise<LedgerVerification>
  /** Runs a due auto-recharge for the account (after a host-side change to its balance). */
  runAutoRecharge(accountId: string): Promise<string | null>
  /** Serves `GET <documents.baseUrl>/<token>`: the signed invoice or receipt PDF. */
  serveDocument(request: Request): Promise<Response>
  /** What the card processor reports on its own (its webhooks): outcomes, refunds, disputes, card changes. */
  readonly processorEvents: ProcessorEvents
  readonly store: BillingStore
}

export function createBillingService(options: BillingServiceOptions): BillingServiceInstance {
  if (!options?.store)
    throw new TypeError('createBillingService needs { store }: createSqliteStore(…) or createPostgresStore(…).')
  const clock = options.clock ?? (() => new Date())
  let documents: DocumentSettings | null = null
  if (options.documents) {
    const { secret, baseUrl, brandName, linkTtlMs } = options.documents
    if (typeof secret !== 'string' || Buffer.byteLength(secret) < 32) {
      throw new TypeError('documents.secret must be at least 32 bytes; set BILLING_DOCUMENT_SECRET.')
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
  }

  function forAccount(accountId: string): AccountBillingService {
    if (typeof accountId !== 'string' || accountId === '') {
      throw new TypeError(
        'forAccount needs the caller’s sub-account id, taken from its session, never from the request.',
      )
    }
    return {
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
    }
  }

  return {
    forAccount,
    createAccount: (input) => createAccount(deps, input),
    verifyLedger: (accountId) => verifyLedger(deps, accountId),
    runAutoRecharge: (accountId) => runAutoRecharge(deps, accountId),
    serveDocument: (request) => serveDocument(deps, request),
    processorEvents: createProcessorEvents(deps),
    store: options.store,
  }
}
