/**
 * The wallet ledger: entries are appended (never changed) in the transaction that moves the
 * balance they explain, each recording the balance after it; pages are read by keyset; and
 * `verifyLedger` recomputes the balance from the history to report any drift.
 */
import {
  LEDGER_ENTRY_TYPES,
  type LedgerEntry,
  type LedgerPage,
  type ListLedgerInput,
  type UsageUnit,
} from '../../adapter/types'
import type { LedgerRecord } from '../store/records'
import { type ServiceDeps, type WriteScope, iso, newId, validation } from './context'

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 200

export interface EntryDraft {
  type: LedgerEntry['type']
  status: 'succeeded' | 'failed'
  description: string
  amount: number | null
  /** What the entry does to the paid balance (ignored unless it succeeded). */
  walletDelta: number
  /** Wallet entries record the balance after them; card charges for subscriptions do not. */
  wallet: boolean
  usage?: { unit: string; quantity: number } | null
  invoiceId?: string | null
  paymentMethodId?: string | null
  failureReason?: string | null
  /** The idempotency key that caused it; the store refuses a second entry for one key. */
  idempotencyKey?: string | null
  id?: string
}

export async function appendEntry(scope: WriteScope, draft: EntryDraft): Promise<LedgerRecord> {
  const delta = draft.status === 'succeeded' ? draft.walletDelta : 0
  const record: LedgerRecord = {
    seq: 0,
    accountId: scope.account.id,
    id: draft.id ?? newId('txn'),
    createdAt: iso(scope.at),
    type: draft.type,
    status: draft.status,
    description: draft.description,
    amount: draft.amount,
    currency: scope.account.currency,
    walletDelta: delta,
    balanceAfter: draft.wallet ? scope.wallet.balance + delta : null,
    usageUnit: draft.usage?.unit ?? null,
    usageQuantity: draft.usage?.quantity ?? null,
    invoiceId: draft.invoiceId ?? null,
    invoiceNumber: null,
    paymentMethodId: draft.paymentMethodId ?? null,
    failureReason: draft.failureReason ?? null,
    idempotencyKey: draft.idempotencyKey ?? null,
  }
  const { seq: _seq, invoiceNumber: _number, ...row } = record
  await scope.tx.appendLedger(row, record.createdAt)
  scope.wallet.balance += delta
  scope.wallet.entryCount += 1
  return record
}

/** `labels`: the host's names for its usage categories, by key. */
export function toLedgerEntry(r: LedgerRecord, labels?: ReadonlyMap<string, string>): LedgerEntry {
  const money = (amount: number | null) => (amount === null ? null : { amount, currency: r.currency })
  return {
    id: r.id,
    createdAt: r.createdAt,
    type: r.type as LedgerEntry['type'],
    status: r.status,
    description: r.description,
    amount: money(r.amount),
    balanceAfter: money(r.balanceAfter),
    usage: r.usageUnit
      ? {
          unit: r.usageUnit as UsageUnit,
          quantity: r.usageQuantity ?? 0,
          ...(labels?.has(r.usageUnit) ? { label: labels.get(r.usageUnit) } : {}),
        }
      : null,
    invoice: r.invoiceId ? { id: r.invoiceId, number: r.invoiceNumber ?? r.invoiceId } : null,
    paymentMethodId: r.paymentMethodId,
    failureReason: r.failureReason,
  }
}

function normalizeIso(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value === '') return null
  const ms = Date.parse(value)
  if (Number.isNaN(ms)) throw validation({ [field]: 'invalid' })
  return new Date(ms).toISOString()
}

function encodeCursor(r: LedgerRecord): string {
  return Buffer.from(JSON.stringify([r.createdAt, r.seq])).toString('base64url')
}

function decodeCursor(cursor: string): { createdAt: string; seq: number } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(value) && typeof value[0] === 'string' && Number.isSafeInteger(value[1]))
      return { createdAt: value[0], seq: value[1] }
  } catch {
    // Falls through to the validation error.
  }
  throw validation({ cursor: 'invalid' }, 'The ledger cursor is not one this server issued.')
}

export async function listLedger(
  deps: ServiceDeps,
  accountId: string,
  input: ListLedgerInput = {},
): Promise<LedgerPage> {
  const filter = input.filter ?? {}
  const requested = filter.types ?? []
  const types = requested.filter((t) => (LEDGER_ENTRY_TYPES as readonly string[]).includes(t))
  if (requested.length > types.length) throw validation({ types: 'invalid' })
  const from = normalizeIso(filter.from, 'from')
  const to = normalizeIso(filter.to, 'to')
  const limitInput = input.limit ?? DEFAULT_PAGE_SIZE
  if (!Number.isSafeInteger(limitInput) || limitInput < 1) throw validation({ limit: 'invalid' })
  const limit = Math.min(limitInput, MAX_PAGE_SIZE)
  const before = input.cursor ? decodeCursor(input.cursor) : null
  const reads = deps.store.read
  const rows = await reads.ledgerPage(accountId, { types, from, to, before, limit: limit + 1 })
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  // The whole ledger's size is kept on the wallet row; a filtered count is not worth a scan.
  const unfiltered = types.length === 0 && !from && !to
  const wallet = unfiltered ? await reads.wallet(accountId) : undefined
  const labels = page.some((r) => r.usageUnit) ? await reads.usageCategories() : undefined
  return {
    entries: page.map((r) => toLedgerEntry(r, labels)),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    totalCount: wallet ? wallet.entryCount : null,
  }
}

export interface LedgerVerification {
  accountId: string
  ok: boolean
  /** The balance kept on the wallet row and the one the ledger adds up to. */
  balance: { stored: number; fromLedger: number }
  entryCount: { stored: number; fromLedger: number }
  /** Entries whose balance_after disagrees with the running sum before them. */
  chainBreaks: Array<{ entryId: string; balanceAfter: number; expected: number }>
  /** Idempotency keys that explain more than one entry (the store should make this impossible). */
  duplicateKeys: string[]
  creditDrift: Array<{ creditId: string; remaining: number; expected: number }>
}

/** Recomputes an account's balance, entry count, balance chain and credits from the history. */
export async function verifyLedger(deps: ServiceDeps, accountId: string): Promise<LedgerVerification> {
  const reads = deps.store.read
  const [wallet, audit] = await Promise.all([reads.wallet(accountId), reads.ledgerAudit(accountId)])
  const stored = { balance: wallet?.balance ?? 0, entryCount: wallet?.entryCount ?? 0 }
  const result: LedgerVerification = {
    accountId,
    ok: false,
    balance: { stored: stored.balance, fromLedger: audit.balance },
    entryCount: { stored: stored.entryCount, fromLedger: audit.entryCount },
    chainBreaks: audit.chainBreaks,
    duplicateKeys: audit.duplicateKeys,
    creditDrift: audit.creditDrift,
  }
  result.ok =
    stored.balance === audit.balance &&
    stored.entryCount === audit.entryCount &&
    audit.chainBreaks.length === 0 &&
    audit.duplicateKeys.length === 0 &&
    audit.creditDrift.length === 0
  return result
}
