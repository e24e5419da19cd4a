/**
 * Subscriptions kept somewhere else (Stripe Billing, for one): a `SubscriptionSource` lists an
 * account's subscriptions, cancels and resumes them, and links its invoices, while this service
 * keeps what it always owns — who the caller is and which processor Customer is theirs. The
 * source is handed that Customer id from our store, never anything the caller sent, and checks
 * every subscription or invoice id it is given against it.
 *
 * A source's paid invoices reach the transaction history through `recordSourceInvoice` (the
 * processor's webhook): one `subscription_charge` entry per invoice, whose invoice links the
 * source answers.
 */
import type { CancelSubscriptionInput, InvoiceLinks, Subscription } from '../../adapter/types'
import type { BillingLocale } from '../../i18n/locales'
import type { ServiceContext } from '../handler'
import { type ServiceDeps, localeOf, notFound, requireAccount, write } from './context'
import { getInvoiceLinks } from './invoices'
import { appendEntry } from './ledger'

export interface SubscriptionSourceScope {
  /** The caller's sub-account, from its session. */
  accountId: string
  /** The account's processor Customer as our store keeps it; null while it has none. */
  customerId: string | null
  /** The account's language, for any text the source writes. */
  locale: BillingLocale
  /** Our id of a card this account saved, from the processor's id; null for any other card. */
  cardId(providerId: string | null): string | null
}

export interface SubscriptionSource {
  listSubscriptions(scope: SubscriptionSourceScope): Promise<Subscription[]>
  /** Sets the subscription to end at its period end. A request's Idempotency-Key comes along. */
  cancelSubscription(
    scope: SubscriptionSourceScope,
    input: CancelSubscriptionInput,
    idempotencyKey: string | null,
  ): Promise<Subscription>
  resumeSubscription(
    scope: SubscriptionSourceScope,
    subscriptionId: string,
    idempotencyKey: string | null,
  ): Promise<Subscription>
  /** Links to one of the account's invoices at the source; `not_found` when it is not theirs. */
  getInvoiceLinks(scope: SubscriptionSourceScope, invoiceId: string): Promise<InvoiceLinks>
}

/** The ledger key of a source invoice's entry: it fences a second delivery and marks whose links to ask for. */
export const sourceInvoiceKey = (invoiceId: string) => `source-invoice:${invoiceId}`

async function scopeFor(deps: ServiceDeps, accountId: string): Promise<SubscriptionSourceScope> {
  const account = await requireAccount(deps, accountId)
  const [customerId, cards] = await Promise.all([
    deps.store.read.processorCustomer(accountId),
    deps.store.read.paymentMethods(accountId),
  ])
  const byProvider = new Map(cards.filter((c) => c.providerId).map((c) => [c.providerId as string, c.id]))
  return {
    accountId,
    customerId,
    locale: localeOf(account),
    cardId: (providerId) => (providerId ? (byProvider.get(providerId) ?? null) : null),
  }
}

export async function listSourcedSubscriptions(deps: ServiceDeps, source: SubscriptionSource, accountId: string) {
  return source.listSubscriptions(await scopeFor(deps, accountId))
}

export async function cancelSourcedSubscription(
  deps: ServiceDeps,
  source: SubscriptionSource,
  accountId: string,
  input: CancelSubscriptionInput,
  context?: ServiceContext,
) {
  return source.cancelSubscription(await scopeFor(deps, accountId), input ?? {}, context?.idempotencyKey ?? null)
}

export async function resumeSourcedSubscription(
  deps: ServiceDeps,
  source: SubscriptionSource,
  accountId: string,
  subscriptionId: string,
  context?: ServiceContext,
) {
  return source.resumeSubscription(await scopeFor(deps, accountId), subscriptionId, context?.idempotencyKey ?? null)
}

/** A source invoice's links come from the source; our own invoices and receipts keep their signed links. */
export async function sourcedInvoiceLinks(
  deps: ServiceDeps,
  source: SubscriptionSource,
  accountId: string,
  invoiceId: string,
): Promise<InvoiceLinks> {
  if (typeof invoiceId !== 'string' || invoiceId === '') throw notFound(`invoice ${invoiceId}`)
  const entry = await deps.store.read.entryByKey(accountId, sourceInvoiceKey(invoiceId))
  if (!entry) return getInvoiceLinks(deps, accountId, invoiceId)
  return source.getInvoiceLinks(await scopeFor(deps, accountId), invoiceId)
}

export interface SourceInvoiceReport {
  /** The processor Customer the invoice belongs to; its account is looked up in our store. */
  customerId: string
  invoiceId: string
  /** The invoice's number at the source, shown in the history. */
  number: string
  /** What was paid, in minor units. */
  amountPaid: number
  currency: string
  description: string
}

/**
 * A paid source invoice, as one `subscription_charge` entry (card money, the wallet untouched).
 * `recorded`: written now; `already`: written before; `ignored`: no source, no account of ours,
 * or a currency other than the account's (its ledger is in one currency).
 */
export async function recordSourceInvoice(
  deps: ServiceDeps,
  hasSource: boolean,
  report: SourceInvoiceReport,
): Promise<'recorded' | 'already' | 'ignored'> {
  if (!hasSource || !Number.isSafeInteger(report.amountPaid) || report.amountPaid <= 0) return 'ignored'
  const accountId = await deps.store.read.processorAccountForCustomer(report.customerId)
  if (!accountId) return 'ignored'
  return write(deps, accountId, async (scope) => {
    if (report.currency.toUpperCase() !== scope.account.currency) return 'ignored'
    const key = sourceInvoiceKey(report.invoiceId)
    if (await scope.tx.entryByKey(accountId, key)) return 'already'
    await scope.tx.insertInvoice(accountId, {
      id: report.invoiceId,
      number: report.number,
      kind: 'invoice',
      createdAt: scope.at.toISOString(),
    })
    await appendEntry(scope, {
      type: 'subscription_charge',
      status: 'succeeded',
      description: report.description,
      amount: -report.amountPaid,
      walletDelta: 0,
      wallet: false,
      invoiceId: report.invoiceId,
      idempotencyKey: key,
    })
    return 'recorded'
  })
}
