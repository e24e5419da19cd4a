/**
 * What every service module shares: the store, the processor, the clock, and the errors the
 * billing rules speak in. Modules take this as their first argument and hold no state of their own.
 */
import { randomBytes } from 'node:crypto'
import { BillingError, type FieldErrors } from '../../adapter/errors'
import { type BillingLocale, toBillingLocale } from '../../i18n/locales'
import type { PaymentProvider } from '../payments/provider'
import type { BillingEvent } from '../webhooks'
import type { AccountRecord, WalletRecord } from '../store/records'
import type { BillingStore, StoreTx } from '../store/repository'
import type { Mailer } from './mailer'

export interface DocumentSettings {
  /** HMAC secret for document links, at least 32 bytes. */
  secret: string
  /** Where `serveDocument` is mounted, e.g. "https://billing.example.com/documents". */
  baseUrl: string
  /** Printed at the top of every invoice and receipt. */
  brandName: string
  /** How long a link works. Default 10 minutes. */
  linkTtlMs: number
}

export interface ServiceDeps {
  store: BillingStore
  payments: PaymentProvider
  now(): Date
  /** How long an in-flight charge owns its key (and an auto-recharge its account) before another instance may take over. */
  leaseMs: number
  documents: DocumentSettings | null
  /** Concurrent requests for one key in this process share one attempt. */
  inFlight: Map<string, { fingerprint: string; promise: Promise<unknown> }>
  /** What usage may do to a balance that cannot cover it. */
  usagePolicy: UsagePolicy
  /** Where events go; each target is an outbox job of its own. */
  notify: NotifySettings
}

export interface UsagePolicy {
  /** `reject` (default): an event the credits and balance cannot cover is refused; `allowNegative`: down to `floor`. */
  insufficientFunds: 'reject' | 'allowNegative'
  /** With `allowNegative`, how far below zero the paid balance may go, in minor units (a number ≤ 0). */
  floor: number
}

export interface NotifySettings {
  onEvent: ((event: BillingEvent) => void | Promise<void>) | null
  webhook: { url: string; secret: string; timeoutMs: number } | null
  mailer: Mailer | null
  /** The sender of receipts and alerts, e.g. "Acme CRM <billing@acme.test>". */
  emailFrom: string | null
  /** Printed in emails (and their PDFs) when `documents` does not name the brand. */
  brandName: string
}

export const newId = (prefix: string) => `${prefix}_${randomBytes(10).toString('hex')}`
export const iso = (date: Date) => date.toISOString()

export function notFound(what: string): BillingError {
  return new BillingError('not_found', { message: `No ${what}.` })
}

export function validation(fieldErrors: FieldErrors, message = 'Some fields are not valid.'): BillingError {
  return new BillingError('validation', { message, fieldErrors })
}

export function conflict(message: string, options: { retryable?: boolean; retryAfterMs?: number } = {}): BillingError {
  return new BillingError('conflict', {
    message,
    retryable: options.retryable ?? false,
    retryAfterMs: options.retryAfterMs,
  })
}

/** The language an account's entries, emails and documents are written in. */
export const localeOf = (account: AccountRecord): BillingLocale => toBillingLocale(account.locale)

export async function requireAccount(deps: ServiceDeps, accountId: string): Promise<AccountRecord> {
  const account = await deps.store.read.account(accountId)
  if (!account) throw notFound('billing account')
  return account
}

export interface WriteScope {
  tx: StoreTx
  account: AccountRecord
  /** The locked wallet row; `appendEntry` keeps its balance current. */
  wallet: WalletRecord
  at: Date
}

/**
 * One write transaction for one account, holding its wallet row lock throughout: writes for
 * one account queue, other accounts never wait.
 */
export function write<T>(deps: ServiceDeps, accountId: string, fn: (scope: WriteScope) => Promise<T>): Promise<T> {
  return deps.store.transaction(async (tx) => {
    const locked = await tx.lockAccount(accountId)
    if (!locked) throw notFound('billing account')
    const { wallet, account } = locked
    return fn({ tx, account, wallet, at: deps.now() })
  })
}

/** The same JSON a response carries, so a first answer and its replays are the same bytes. */
export const asStored = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null)) as T
