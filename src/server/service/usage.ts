/**
 * Usage: the host's back end spends from a wallet for what the sub-account used, in batches of
 * up to 1 000 events, each applied once by its idempotency key (a replayed batch answers the
 * same per-event results and applies nothing again). Complimentary credits go first, soonest to
 * expire first, then the paid balance. An event the wallet cannot cover is refused
 * (`insufficient_funds`, the default) or, under `allowNegative`, taken down to the floor. When
 * the balance is at or below the auto-recharge threshold, the recharge runs before an event is
 * refused, and the refusal says why the wallet could not be refilled.
 */
import { IDEMPOTENCY_KEY_PATTERN } from '../../adapter/http/wire'
import { DEFAULT_USAGE_QUANTITY, createPricing } from '../../rules/pricing'
import { exceedsMonthlyCap, rechargeAmount, takeFromCredits } from '../../rules/wallet'
import { formatCount, usageDescription, usageLabel } from '../../adapter/memory/text'
import type { BillingLocale } from '../../i18n/locales'
import {
  BUILT_IN_USAGE_UNITS,
  type BuiltInUsageUnit,
  type LedgerEntry,
  type Money,
  USAGE_CATEGORY_PATTERN,
  type UsageUnit,
  type Wallet,
} from '../../adapter/types'
import type { FieldErrors } from '../../adapter/errors'
import type { CreditRecord } from '../store/records'
import { checkLowBalance } from './alerts'
import { runAutoRecharge } from './auto-recharge'
import {
  type ServiceDeps,
  type UsagePolicy,
  type WriteScope,
  iso,
  localeOf,
  newId,
  requireAccount,
  validation,
  write,
} from './context'
import { expireCredits } from './credits'
import { appendEntry, toLedgerEntry } from './ledger'
import { emit, enqueue } from './outbox'
import { chargedThisMonth, currentWalletView, rechargeSettings } from './wallet'

export const MAX_USAGE_BATCH = 1000

/** One thing the sub-account used, as the host's back end reports it. */
export interface UsageEvent {
  /** Unique per account; the same key is the same event, applied once. */
  idempotencyKey: string
  /** The host's category key (`sms`, `whatsapp`, `ai_tokens`…), or the key with its label. */
  category: string | { key: string; label?: string }
  /** Shown for the category in the history and spend insights; remembered per key. */
  label?: string
  /** A positive whole number; default 1. */
  quantity?: number
  /** What it cost, in minor units of the wallet currency. */
  amount?: number | Money
  /** Or the price of one unit (fractions allowed), times the quantity, rounded to the minor unit. */
  unitPrice?: number | Money
  description?: string
  /** When it happened (ISO 8601); default now. */
  occurredAt?: string
}

export interface RecordUsageOptions {
  /** Overrides the service's `usage.insufficientFunds` for this call. */
  insufficientFunds?: UsagePolicy['insufficientFunds']
  /** Overrides the service's `usage.floor` for this call. */
  floor?: number
}

export type UsageRejectionCode = 'insufficient_funds' | 'validation' | 'conflict'

/** Why the wallet could not cover an event. */
export type InsufficientFundsReason =
  | 'no_auto_recharge'
  | 'auto_recharge_paused'
  | 'monthly_cap_reached'
  | 'auto_recharge_failed'
  | 'below_floor'

export interface UsageEventResult {
  idempotencyKey: string
  status: 'applied' | 'rejected'
  /** The usage entry in the ledger, when applied. */
  entryId: string | null
  amount: Money | null
  fromCredits: Money | null
  fromBalance: Money | null
  balanceAfter: Money | null
  error: {
    code: UsageRejectionCode
    message: string
    reason?: InsufficientFundsReason
    /** With `auto_recharge_paused`: `card_declined` or `no_payment_method`. */
    pausedReason?: string
    fieldErrors?: FieldErrors
  } | null
}

export interface UsageBatchResult {
  /** One per event, in the order sent. */
  results: UsageEventResult[]
  applied: number
  rejected: number
  /** Events whose key had been seen before: their first answer, applied nothing now. */
  replayed: number
  wallet: Wallet
}

/** The single-event form (`forAccount(id).recordUsage`) the demo and older callers use. */
export interface UsageInput {
  unit?: UsageUnit
  quantity?: number
  /** Minor units of the wallet currency; default the unit price × quantity. */
  cost?: Money
  idempotencyKey?: string
  label?: string
  description?: string
}

export interface UsageResult {
  /** The usage entry, and the auto-recharge entry first when one ran. */
  entries: LedgerEntry[]
  wallet: Wallet
  /** The event's own answer (the server always sends it; the memory adapter's drawer has none). */
  result?: UsageEventResult
}

interface PreparedEvent {
  key: string
  fingerprint: string
  category: string
  label: string | null
  quantity: number
  cost: number
  description: string | null
  occurredAt: string
}

type Prepared = { ok: PreparedEvent } | { invalid: UsageEventResult }

type UsageMessage = 'insufficient' | InsufficientFundsReason | 'conflict' | 'validation'

/** Why an event was refused, in the account's language; `code` and `reason` are what programs read. */
export const USAGE_MESSAGES: Record<BillingLocale, Record<UsageMessage, string>> = {
  en: {
    insufficient: 'The wallet’s credits and balance do not cover this usage.',
    no_auto_recharge: 'The wallet’s credits and balance do not cover this usage, and auto-recharge is off.',
    auto_recharge_paused: 'The wallet cannot cover this usage: auto-recharge is paused.',
    monthly_cap_reached: 'The wallet cannot cover this usage: auto-recharge reached its monthly cap.',
    auto_recharge_failed: 'The wallet cannot cover this usage: the auto-recharge charge failed.',
    below_floor: 'This usage would take the balance below the allowed floor.',
    conflict: 'This idempotency key was already used for a different usage event.',
    validation: 'This usage event is not valid.',
  },
  es: {
    insufficient: 'Los créditos y el saldo de la cartera no cubren este consumo.',
    no_auto_recharge:
      'Los créditos y el saldo de la cartera no cubren este consumo, y la recarga automática está desactivada.',
    auto_recharge_paused: 'La cartera no puede cubrir este consumo: la recarga automática está en pausa.',
    monthly_cap_reached: 'La cartera no puede cubrir este consumo: la recarga automática alcanzó su límite mensual.',
    auto_recharge_failed: 'La cartera no puede cubrir este consumo: falló el cargo de la recarga automática.',
    below_floor: 'Este consumo dejaría el saldo por debajo del mínimo permitido.',
    conflict: 'Esta clave de idempotencia ya se usó para otro evento de consumo.',
    validation: 'Este evento de consumo no es válido.',
  },
  'pt-BR': {
    insufficient: 'Os créditos e o saldo da carteira não cobrem este uso.',
    no_auto_recharge: 'Os créditos e o saldo da carteira não cobrem este uso, e a recarga automática está desativada.',
    auto_recharge_paused: 'A carteira não consegue cobrir este uso: a recarga automática está pausada.',
    monthly_cap_reached: 'A carteira não consegue cobrir este uso: a recarga automática atingiu o limite mensal.',
    auto_recharge_failed: 'A carteira não consegue cobrir este uso: a cobrança da recarga automática falhou.',
    below_floor: 'Este uso deixaria o saldo abaixo do mínimo permitido.',
    conflict: 'Esta chave de idempotência já foi usada para outro evento de uso.',
    validation: 'Este evento de uso não é válido.',
  },
  fr: {
    insufficient: 'Les crédits et le solde du portefeuille ne couvrent pas cette consommation.',
    no_auto_recharge:
      'Les crédits et le solde du portefeuille ne couvrent pas cette consommation, et le rechargement automatique est désactivé.',
    auto_recharge_paused:
      'Le portefeuille ne peut pas couvrir cette consommation\u00a0: le rechargement automatique est en pause.',
    monthly_cap_reached:
      'Le portefeuille ne peut pas couvrir cette consommation\u00a0: le rechargement automatique a atteint son plafond mensuel.',
    auto_recharge_failed:
      'Le portefeuille ne peut pas couvrir cette consommation\u00a0: le paiement du rechargement automatique a échoué.',
    below_floor: 'Cette consommation ferait passer le solde sous le minimum autorisé.',
    conflict: 'Cette clé d’idempotence a déjà servi pour un autre événement de consommation.',
    validation: 'Cet événement de consommation n’est pas valide.',
  },
  de: {
    insufficient: 'Bonusguthaben und Guthaben reichen für diese Nutzung nicht aus.',
    no_auto_recharge:
      'Bonusguthaben und Guthaben reichen für diese Nutzung nicht aus, und die automatische Aufladung ist ausgeschaltet.',
    auto_recharge_paused: 'Das Guthaben reicht für diese Nutzung nicht aus: Die automatische Aufladung ist pausiert.',
    monthly_cap_reached:
      'Das Guthaben reicht für diese Nutzung nicht aus: Die automatische Aufladung hat ihr Monatslimit erreicht.',
    auto_recharge_failed:
      'Das Guthaben reicht für diese Nutzung nicht aus: Die Abbuchung für die automatische Aufladung ist fehlgeschlagen.',
    below_floor: 'Diese Nutzung würde das Guthaben unter den erlaubten Mindeststand bringen.',
    conflict: 'Dieser Idempotenzschlüssel wurde bereits für ein anderes Nutzungsereignis verwendet.',
    validation: 'Dieses Nutzungsereignis ist ungültig.',
  },
  it: {
    insufficient: 'I crediti e il saldo del portafoglio non coprono questo consumo.',
    no_auto_recharge:
      'I crediti e il saldo del portafoglio non coprono questo consumo e la ricarica automatica è disattivata.',
    auto_recharge_paused: 'Il portafoglio non può coprire questo consumo: la ricarica automatica è in pausa.',
    monthly_cap_reached:
      'Il portafoglio non può coprire questo consumo: la ricarica automatica ha raggiunto il limite mensile.',
    auto_recharge_failed:
      'Il portafoglio non può coprire questo consumo: l’addebito della ricarica automatica non è andato a buon fine.',
    below_floor: 'Questo consumo porterebbe il saldo sotto il minimo consentito.',
    conflict: 'Questa chiave di idempotenza è già stata usata per un altro evento di consumo.',
    validation: 'Questo evento di consumo non è valido.',
  },
}

const isBuiltIn = (key: string): key is BuiltInUsageUnit => (BUILT_IN_USAGE_UNITS as readonly string[]).includes(key)

function rejected(key: string, code: UsageRejectionCode, message: string, extra = {}): UsageEventResult {
  return {
    idempotencyKey: key,
    status: 'rejected',
    entryId: null,
    amount: null,
    fromCredits: null,
    fromBalance: null,
    balanceAfter: null,
    error: { code, message, ...extra },
  }
}

function minorOf(value: unknown, currency: string, field: string, errors: FieldErrors, whole: boolean): number | null {
  if (value === undefined) return null
  let amount: unknown = value
  if (typeof value === 'object' && value !== null) {
    const m = value as Partial<Money>
    if (m.currency !== currency) {
      errors[`${field}.currency`] = 'invalid'
      return null
    }
    amount = m.amount
  }
  const ok = typeof amount === 'number' && Number.isFinite(amount) && amount >= 0 && amount <= 1e12
  if (!ok || (whole && !Number.isSafeInteger(amount))) {
    errors[field] = 'invalid'
    return null
  }
  return amount as number
}

function prepare(raw: unknown, currency: string, locale: BillingLocale, now: Date): Prepared {
  const e = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<UsageEvent>
  const key = typeof e.idempotencyKey === 'string' ? e.idempotencyKey : ''
  const errors: FieldErrors = {}
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) errors.idempotencyKey = 'invalid'
  const categoryKey = typeof e.category === 'object' && e.category !== null ? e.category.key : e.category
  const labelInput = (typeof e.category === 'object' && e.category !== null ? e.category.label : undefined) ?? e.label
  if (typeof categoryKey !== 'string' || !USAGE_CATEGORY_PATTERN.test(categoryKey)) errors.category = 'invalid'
  if (
    labelInput !== undefined &&
    (typeof labelInput !== 'string' || labelInput.trim() === '' || labelInput.length > 80)
  )
    errors.label = 'invalid'
  const category = typeof categoryKey === 'string' ? categoryKey : ''
  const quantity =
    e.quantity ??
    (isBuiltIn(category) && e.amount === undefined && e.unitPrice === undefined ? DEFAULT_USAGE_QUANTITY[category] : 1)
  if (!Number.isSafeInteger(quantity) || quantity <= 0) errors.quantity = 'invalid'
  const amount = minorOf(e.amount, currency, 'amount', errors, true)
  const unitPrice = minorOf(e.unitPrice, currency, 'unitPrice', errors, false)
  if (amount !== null && unitPrice !== null) errors.unitPrice = 'conflict'
  let cost = amount ?? (unitPrice !== null ? Math.round(unitPrice * quantity) : null)
  if (cost === null && !errors.category && !errors.quantity) {
    if (isBuiltIn(category)) cost = createPricing(currency).usageCost(category, quantity)
    else errors.amount = 'required'
  }
  if (e.description !== undefined && (typeof e.description !== 'string' || e.description.length > 200))
    errors.description = 'invalid'
  let occurredAt = iso(now)
  if (e.occurredAt !== undefined) {
    const ms = typeof e.occurredAt === 'string' ? Date.parse(e.occurredAt) : Number.NaN
    // A clock a little ahead of ours is fine; a date in the future is not usage yet.
    if (Number.isNaN(ms) || ms > now.getTime() + 5 * 60_000) errors.occurredAt = 'invalid'
    else occurredAt = new Date(ms).toISOString()
  }
  if (Object.keys(errors).length > 0 || cost === null) {
    return { invalid: rejected(key, 'validation', USAGE_MESSAGES[locale].validation, { fieldErrors: errors }) }
  }
  const label = labelInput === undefined ? null : labelInput.trim()
  const description = e.description?.trim() || null
  const fingerprint = JSON.stringify([category, quantity, cost, description, e.occurredAt ?? null])
  return { ok: { key, fingerprint, category, label, quantity, cost, description, occurredAt } }
}

function describe(locale: BillingLocale, event: PreparedEvent, labels: Map<string, string>): string {
  if (event.description) return event.description
  const host = event.label ?? labels.get(event.category)
  if (!host && isBuiltIn(event.category)) return usageDescription(locale, event.category, event.quantity)
  return `${host ?? usageLabel(locale, event.category)} — ${formatCount(locale, event.quantity)}`
}

interface ChunkOutcome {
  /** Stopped before this event so a recharge can run first. */
  stopAt: number | null
}

/** Why the wallet cannot be refilled for an event it cannot cover. */
async function refusal(
  scope: WriteScope,
  allowNegative: boolean,
): Promise<Pick<NonNullable<UsageEventResult['error']>, 'reason' | 'pausedReason'>> {
  if (allowNegative) return { reason: 'below_floor' }
  const r = rechargeSettings(scope.account, await scope.tx.autoRecharge(scope.account.id))
  if (!r.enabled) return { reason: 'no_auto_recharge' }
  if (r.pausedReason) return { reason: 'auto_recharge_paused', pausedReason: r.pausedReason }
  const last = await scope.tx.lastRechargeAttempt(scope.account.id)
  if (last?.outcome === 'skipped_cap') return { reason: 'monthly_cap_reached' }
  if (last?.outcome === 'failed') return { reason: 'auto_recharge_failed' }
  return { reason: 'no_auto_recharge' }
}

/** Whether running auto-recharge now could refill the wallet. */
async function rechargeCouldHelp(scope: WriteScope): Promise<boolean> {
  const r = rechargeSettings(scope.account, await scope.tx.autoRecharge(scope.account.id))
  if (!r.enabled || r.pausedReason || scope.wallet.balance > r.threshold) return false
  const amount = rechargeAmount(r, scope.wallet.balance)
  return amount > 0 && !exceedsMonthlyCap(r.monthlyCap, chargedThisMonth(r, scope.at), amount)
}

async function applyChunk(
  deps: ServiceDeps,
  scope: WriteScope,
  events: Prepared[],
  from: number,
  results: Array<UsageEventResult | undefined>,
  replayed: Set<number>,
  policy: UsagePolicy,
  noRechargeBefore: number,
): Promise<ChunkOutcome> {
  const { tx, account, wallet, at } = scope
  const locale = localeOf(account)
  const money = (amount: number): Money => ({ amount, currency: account.currency })
  const pending = events.slice(from)
  const keys = pending.flatMap((p) => ('ok' in p ? [p.ok.key] : []))
  const remembered = await tx.usageEvents(account.id, keys)
  for (const p of pending) {
    if ('ok' in p && p.ok.label && !remembered.has(p.ok.key))
      await tx.saveUsageCategory(p.ok.category, p.ok.label, iso(at))
  }
  const labels = await tx.usageCategories()
  await expireCredits(scope)
  const credits: CreditRecord[] = await tx.credits(account.id, iso(at))
  const allowNegative = policy.insufficientFunds === 'allowNegative'
  const floor = allowNegative ? policy.floor : 0
  const refused: Array<{ event: PreparedEvent; reason: string }> = []
  let stopAt: number | null = null

  for (let i = from; i < events.length; i++) {
    const p = events[i]
    if ('invalid' in p) {
      results[i] = p.invalid
      continue
    }
    const event = p.ok
    const known = remembered.get(event.key)
    if (known) {
      results[i] =
        known.fingerprint === event.fingerprint
          ? (JSON.parse(known.result) as UsageEventResult)
          : rejected(event.key, 'conflict', USAGE_MESSAGES[locale].conflict)
      if (known.fingerprint === event.fingerprint) replayed.add(i)
      continue
    }
    const inCredits = credits.reduce((sum, c) => sum + c.remaining, 0)
    const fromPaid = Math.max(0, event.cost - inCredits)
    if (fromPaid > 0 && wallet.balance - fromPaid < floor) {
      if (!allowNegative && i >= noRechargeBefore && (await rechargeCouldHelp(scope))) {
        stopAt = i
        break
      }
      const why = await refusal(scope, allowNegative)
      const result = rejected(event.key, 'insufficient_funds', USAGE_MESSAGES[locale][why.reason ?? 'insufficient'], {
        ...why,
      })
      result.amount = money(event.cost)
      result.balanceAfter = money(wallet.balance)
      results[i] = result
      refused.push({ event, reason: why.reason ?? 'insufficient_funds' })
      await tx.insertUsageEvent(account.id, {
        idempotencyKey: event.key,
        fingerprint: event.fingerprint,
        result: JSON.stringify(result),
        entryId: null,
        createdAt: iso(at),
      })
      continue
    }
    const { takes, fromBalance: left } = takeFromCredits(
      event.cost,
      credits.map((credit) => credit.remaining),
    )
    const entry = await appendEntry(scope, {
      type: 'usage',
      status: 'succeeded',
      description: describe(locale, event, labels),
      amount: -event.cost,
      walletDelta: -left,
      wallet: true,
      usage: { unit: event.category, quantity: event.quantity },
      idempotencyKey: `usage:${event.key}`,
    })
    for (const [i, credit] of credits.entries()) {
      if (takes[i] === 0) continue
      await tx.spendCredit(account.id, credit.id, entry.id, takes[i])
      credit.remaining -= takes[i]
    }
    const result: UsageEventResult = {
      idempotencyKey: event.key,
      status: 'applied',
      entryId: entry.id,
      amount: money(event.cost),
      fromCredits: money(event.cost - left),
      fromBalance: money(left),
      balanceAfter: money(wallet.balance),
      error: null,
    }
    results[i] = result
    await tx.insertUsageEvent(account.id, {
      idempotencyKey: event.key,
      fingerprint: event.fingerprint,
      result: JSON.stringify(result),
      entryId: entry.id,
      createdAt: iso(at),
    })
  }

  await checkLowBalance(deps, scope)
  const r = rechargeSettings(account, await tx.autoRecharge(account.id))
  if (r.enabled && !r.pausedReason && wallet.balance <= r.threshold) {
    // Runs right after the commit; this row makes sure it runs even if this process dies first.
    await enqueue(scope, 'auto_recharge', null, {
      dedupeKey: `auto_recharge:${account.id}`,
      runAt: new Date(at.getTime() + deps.leaseMs),
    })
  }
  if (refused.length > 0) {
    await emit(deps, scope, 'usage.rejected', {
      events: refused.slice(0, 100).map(({ event, reason }) => ({
        idempotencyKey: event.key,
        category: event.category,
        amount: money(event.cost),
        reason,
      })),
      count: refused.length,
      balance: money(wallet.balance),
    })
  }
  return { stopAt }
}

/** Records a batch of usage events for one account. */
export async function recordUsageBatch(
  deps: ServiceDeps,
  accountId: string,
  input: readonly UsageEvent[],
  options: RecordUsageOptions = {},
): Promise<UsageBatchResult> {
  if (!Array.isArray(input) || input.length === 0) {
    throw validation({ events: 'required' }, 'Send between 1 and 1000 usage events.')
  }
  if (input.length > MAX_USAGE_BATCH) {
    throw validation({ events: 'too_many' }, `Send at most ${MAX_USAGE_BATCH} usage events per call.`)
  }
  const policy = resolvePolicy(deps.usagePolicy, options)
  const account = await requireAccount(deps, accountId)
  const now = deps.now()
  const events = input.map((raw) => prepare(raw, account.currency, localeOf(account), now))
  const seen = new Map<string, number>()
  for (const [i, p] of events.entries()) {
    if (!('ok' in p)) continue
    const first = seen.get(p.ok.key)
    if (first !== undefined) {
      throw validation({ [`events.${i}.idempotencyKey`]: 'duplicate' }, `Event ${i} repeats the key of event ${first}.`)
    }
    seen.set(p.ok.key, i)
  }
  const results: Array<UsageEventResult | undefined> = new Array(events.length)
  const replayed = new Set<number>()
  let from = 0
  let noRechargeBefore = 0
  for (let recharges = 0; from < events.length; ) {
    const { stopAt } = await write(deps, accountId, (scope) =>
      applyChunk(
        deps,
        scope,
        events,
        from,
        results,
        replayed,
        policy,
        recharges < 5 ? noRechargeBefore : events.length,
      ),
    )
    if (stopAt === null) break
    await runAutoRecharge(deps, accountId)
    recharges += 1
    from = stopAt
    // If the recharge did not refill the wallet, this event is refused rather than retried.
    noRechargeBefore = stopAt + 1
  }
  await runAutoRecharge(deps, accountId)
  const done = results as UsageEventResult[]
  return {
    results: done,
    applied: done.filter((r, i) => r.status === 'applied' && !replayed.has(i)).length,
    rejected: done.filter((r) => r.status === 'rejected').length,
    replayed: replayed.size,
    wallet: await currentWalletView(deps, account),
  }
}

export function resolvePolicy(base: UsagePolicy, options: RecordUsageOptions = {}): UsagePolicy {
  const insufficientFunds = options.insufficientFunds ?? base.insufficientFunds
  if (insufficientFunds !== 'reject' && insufficientFunds !== 'allowNegative') {
    throw validation({ insufficientFunds: 'invalid' }, 'insufficientFunds is "reject" or "allowNegative".')
  }
  const floor = options.floor ?? base.floor
  if (!Number.isSafeInteger(floor) || floor > 0) {
    throw validation({ floor: 'invalid' }, 'floor is a whole number of minor units, zero or below.')
  }
  return { insufficientFunds, floor }
}

/** One event, the single-call form: a key is made up when none is given (so a retry may apply twice). */
export async function recordUsage(deps: ServiceDeps, accountId: string, input: UsageInput = {}): Promise<UsageResult> {
  const unit = input.unit ?? 'sms'
  const batch = await recordUsageBatch(deps, accountId, [
    {
      idempotencyKey: input.idempotencyKey ?? newId('use'),
      category: unit,
      label: input.label,
      quantity: input.quantity ?? (isBuiltIn(unit) ? DEFAULT_USAGE_QUANTITY[unit] : 1),
      amount: input.cost,
      description: input.description,
    },
  ])
  const result = batch.results[0]
  if (result.error?.code === 'validation') throw validation(result.error.fieldErrors ?? {}, result.error.message)
  const reads = deps.store.read
  const usage = result.entryId ? await reads.entry(accountId, result.entryId) : undefined
  const last = await reads.lastRechargeAttempt(accountId)
  const recharge =
    last?.entryId && usage && last.at >= usage.createdAt ? await reads.entry(accountId, last.entryId) : undefined
  return {
    entries: [recharge, usage].filter((e) => e !== undefined).map((e) => toLedgerEntry(e)),
    wallet: batch.wallet,
    result,
  }
}
