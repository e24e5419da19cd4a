import {
  LEDGER_ENTRY_TYPES,
  type LedgerEntry,
  type LedgerEntryType,
  USAGE_UNITS,
  type BuiltInUsageUnit,
} from '../types'
import { addMonths, DAY_MS } from './clock'
import type { Pricing } from '../../rules/pricing'
import { mulberry32, randomInt } from './random'
import type { BillingLocale } from '../../i18n/locales'
import { text, usageDescription } from './text'

/** What pays a recurring charge in the seeded history. */
export interface ChargeSource {
  name: string
  quantity: number
  /** price × quantity, minor units. */
  amount: number
  paymentMethodId: string
  /** Charges only after this time (ms). */
  since: number
  /** The latest renewal at or before the anchor (ms); earlier ones are a month apart. */
  lastRenewal: number
  /** The latest renewal's charge failed (the subscription is past due). */
  lastFailed: boolean
}

export interface HistoryInput {
  seed: number
  anchor: Date
  size: number
  locale: BillingLocale
  pricing: Pricing
  /** Paid balance now; the history is walked backwards from it so every balanceAfter adds up. */
  balance: number
  threshold: number
  rechargeAmount: number
  monthlyCap: number | null
  sources: ChargeSource[]
  /** Cards the history may name: [default card, an older card usable before `olderCardUntil`, …others]. */
  cards: string[]
  olderCardUntil: number
  creditGrant: { name: string; amount: number; daysAgo: number }
}

/**
 * The seeded history, one typed-array column per field and indexed by sequence number
 * (0 = oldest), so 100 000 entries cost a few milliseconds and a few megabytes; entries
 * become objects only when a page asks for them.
 */
export interface History {
  size: number
  time: Float64Array
  type: Uint8Array
  failed: Uint8Array
  amount: Float64Array
  /** NaN for entries that do not touch the paid balance. */
  balanceAfter: Float64Array
  /** usage: quantity; subscription charge / refund: index into `sources`. */
  detail: Int32Array
  unit: Uint8Array
  /** index into `cards`, or 255 for none. */
  card: Uint8Array
  /** seq of the charge whose invoice the entry carries, or -1. */
  invoiceOf: Int32Array
  /** per-year invoice number of a subscription charge. */
  invoiceNumber: Int32Array
  /** newest seeded auto-recharge, or -1. */
  lastAutoRecharge: number
  /** succeeded auto-recharges in the anchor's calendar month, capped at the monthly cap. */
  chargedThisMonth: number
  invoiceCounter: { year: number; n: number }
  input: HistoryInput
}

const HISTORY_SPAN_MS = 548 * DAY_MS
const NO_CARD = 255

const TYPE_CODE = new Map<LedgerEntryType, number>(LEDGER_ENTRY_TYPES.map((type, i) => [type, i]))
const T = {
  charge: LEDGER_ENTRY_TYPES.indexOf('subscription_charge'),
  topUp: LEDGER_ENTRY_TYPES.indexOf('top_up'),
  autoRecharge: LEDGER_ENTRY_TYPES.indexOf('auto_recharge'),
  usage: LEDGER_ENTRY_TYPES.indexOf('usage'),
  refund: LEDGER_ENTRY_TYPES.indexOf('refund'),
  creditGrant: LEDGER_ENTRY_TYPES.indexOf('credit_grant'),
}
const UNIT = { sms: 0, email: 1, call_minute: 2 } as const

export function typeCode(type: LedgerEntryType): number | undefined {
  return TYPE_CODE.get(type)
}

export function invoiceId(seq: number): string {
  return `in_${seq.toString(36).padStart(6, '0')}`
}

export function entryId(seq: number): string {
  return `txn_${seq.toString(36).padStart(6, '0')}`
}

export function invoiceNumberText(year: number, n: number): string {
  return `INV-${year}-${String(n).padStart(4, '0')}`
}

export function generateHistory(input: HistoryInput): History {
  const { size, pricing } = input
  const random = mulberry32(input.seed ^ 0x5eed1e57)
  const h: History = {
    size,
    time: new Float64Array(size),
    type: new Uint8Array(size),
    failed: new Uint8Array(size),
    amount: new Float64Array(size),
    balanceAfter: new Float64Array(size).fill(Number.NaN),
    detail: new Int32Array(size),
    unit: new Uint8Array(size),
    card: new Uint8Array(size).fill(NO_CARD),
    invoiceOf: new Int32Array(size).fill(-1),
    invoiceNumber: new Int32Array(size),
    lastAutoRecharge: -1,
    chargedThisMonth: 0,
    invoiceCounter: { year: input.anchor.getUTCFullYear(), n: 0 },
    input,
  }
  if (size === 0) return h

  const anchorMs = input.anchor.getTime()
  const step = HISTORY_SPAN_MS / size
  const slotFor = (daysAgo: number) => Math.min(size - 1, Math.max(0, Math.floor((daysAgo * DAY_MS) / step)))
  // A few one-off events at realistic ages; tiny ledgers skip the ones that collide.
  const special = new Map<number, 'credit' | 'refund' | 'failed'>()
  for (const [daysAgo, kind] of [
    [input.creditGrant.daysAgo, 'credit'],
    [41, 'refund'],
    [133, 'failed'],
  ] as const) {
    const slot = slotFor(daysAgo)
    if (size >= 8 && !special.has(slot)) special.set(slot, kind)
  }

  const [threshold, recharge] = [input.threshold, input.rechargeAmount]
  const presets = pricing.topUp.presets.map((p) => p.amount)
  // Above this the walk (going back in time) books a top-up, keeping balances believable.
  const highWater = presets[Math.min(2, presets.length - 1)] * 1.5
  const monthStart = Date.UTC(input.anchor.getUTCFullYear(), input.anchor.getUTCMonth(), 1)
  let balance = input.balance
  let pendingRefund = -1
  const sources = input.sources
  const nextCharge = sources.map((source) => source.lastRenewal)
  const renewalsBack = sources.map(() => 0)

  // Walk from the newest entry back in time: each entry's balanceAfter is the balance we
  // hold, and the balance before it becomes the next (older) entry's balanceAfter.
  for (let k = 0; k < size; k++) {
    const seq = size - 1 - k
    const time = anchorMs - (k + 0.1 + 0.8 * random()) * step
    h.time[seq] = time
    const kind = special.get(k)
    if (kind === 'credit') {
      h.type[seq] = T.creditGrant
      h.amount[seq] = input.creditGrant.amount
      h.balanceAfter[seq] = balance
      continue
    }
    if (kind === 'failed') {
      h.type[seq] = T.autoRecharge
      h.failed[seq] = 1
      h.amount[seq] = recharge
      h.balanceAfter[seq] = balance
      h.card[seq] = 0
      if (h.lastAutoRecharge < 0) h.lastAutoRecharge = seq
      continue
    }
    if (kind === 'refund') {
      // Its amount and invoice come from the next older charge, found further down the walk.
      h.type[seq] = T.refund
      pendingRefund = seq
      continue
    }

    // A renewal that falls after this slot is booked here, so each subscription is charged
    // once a month (on the nearest slot) back to its start date.
    let due = -1
    for (let i = 0; i < sources.length; i++) {
      if (nextCharge[i] >= time && nextCharge[i] >= sources[i].since && (due < 0 || nextCharge[i] > nextCharge[due]))
        due = i
    }
    if (due >= 0) {
      const source = sources[due]
      renewalsBack[due] += 1
      nextCharge[due] = addMonths(new Date(source.lastRenewal), -renewalsBack[due]).getTime()
      h.type[seq] = T.charge
      h.amount[seq] = -source.amount
      h.detail[seq] = due
      h.invoiceOf[seq] = seq
      h.card[seq] = Math.max(0, input.cards.indexOf(source.paymentMethodId))
      if (source.lastFailed && renewalsBack[due] === 1) {
        h.failed[seq] = 1
      } else if (pendingRefund >= 0) {
        h.amount[pendingRefund] = source.amount
        h.detail[pendingRefund] = due
        h.invoiceOf[pendingRefund] = seq
        h.card[pendingRefund] = h.card[seq]
        pendingRefund = -1
      }
      continue
    }

    const r = random()
    if (balance - recharge >= 0 && balance - recharge <= threshold && r < 0.45) {
      h.type[seq] = T.autoRecharge
      h.amount[seq] = recharge
      h.balanceAfter[seq] = balance
      h.card[seq] = 0
      if (h.lastAutoRecharge < 0) h.lastAutoRecharge = seq
      if (time >= monthStart) h.chargedThisMonth += recharge
      balance -= recharge
    } else if (balance >= presets[0] && (balance > highWater || r < 0.2)) {
      let topUp = presets[0]
      for (const p of presets) if (p <= balance && random() < 0.5) topUp = p
      h.type[seq] = T.topUp
      h.amount[seq] = topUp
      h.balanceAfter[seq] = balance
      h.card[seq] = time < input.olderCardUntil && random() < 0.35 ? 1 : 0
      balance -= topUp
    } else {
      const u = random()
      const unit = u < 0.45 ? UNIT.sms : u < 0.75 ? UNIT.email : UNIT.call_minute
      const quantity =
        unit === UNIT.sms
          ? randomInt(random, 30, 900)
          : unit === UNIT.email
            ? randomInt(random, 5, 150) * 100
            : randomInt(random, 10, 240)
      const cost = pricing.usageCost(USAGE_UNITS[unit], quantity)
      h.type[seq] = T.usage
      h.unit[seq] = unit
      h.detail[seq] = quantity
      h.amount[seq] = -cost
      h.balanceAfter[seq] = balance
      balance += cost
    }
  }
  if (pendingRefund >= 0) {
    // No older charge to refund (a very small ledger): refund the platform plan without an invoice.
    h.amount[pendingRefund] = input.sources[0]?.amount ?? pricing.minor(2900)
    h.detail[pendingRefund] = 0
  }
  if (input.monthlyCap !== null) h.chargedThisMonth = Math.min(h.chargedThisMonth, input.monthlyCap)

  // Invoice numbers restart every year, counted in time order.
  let year = -1
  let n = 0
  for (let seq = 0; seq < size; seq++) {
    if (h.type[seq] !== T.charge) continue
    const y = new Date(h.time[seq]).getUTCFullYear()
    if (y !== year) {
      year = y
      n = 0
    }
    h.invoiceNumber[seq] = ++n
  }
  if (year === h.invoiceCounter.year) h.invoiceCounter.n = n
  return h
}

/** Builds the entry object for one seeded row. */
export function historyEntry(h: History, seq: number): LedgerEntry {
  const { locale, pricing, sources, cards } = h.input
  const t = text(locale)
  const type = LEDGER_ENTRY_TYPES[h.type[seq]]
  const currency = pricing.currency
  const failed = h.failed[seq] === 1
  const balanceAfter = h.balanceAfter[seq]
  const source = type === 'subscription_charge' || type === 'refund' ? sources[h.detail[seq]] : undefined
  const unit: BuiltInUsageUnit | null = type === 'usage' ? USAGE_UNITS[h.unit[seq]] : null
  const invoiceSeq = h.invoiceOf[seq]
  let description: string
  switch (type) {
    case 'usage':
      description = usageDescription(locale, unit ?? 'sms', h.detail[seq])
      break
    case 'subscription_charge':
      description = t.subscription(source?.name ?? '', source?.quantity ?? 1)
      break
    case 'refund':
      description = t.refund(source?.name ?? '')
      break
    case 'credit_grant':
      description = t.creditGrant(h.input.creditGrant.name)
      break
    case 'auto_recharge':
      description = t.autoRecharge
      break
    default:
      description = t.topUp
  }
  return {
    id: entryId(seq),
    createdAt: new Date(h.time[seq]).toISOString(),
    type,
    status: failed ? 'failed' : 'succeeded',
    description,
    amount: { amount: h.amount[seq], currency },
    balanceAfter: Number.isNaN(balanceAfter) ? null : { amount: balanceAfter, currency },
    usage: unit ? { unit, quantity: h.detail[seq] } : null,
    invoice:
      invoiceSeq >= 0
        ? {
            id: invoiceId(invoiceSeq),
            number: invoiceNumberText(new Date(h.time[invoiceSeq]).getUTCFullYear(), h.invoiceNumber[invoiceSeq]),
          }
        : null,
    paymentMethodId: h.card[seq] === NO_CARD ? null : cards[h.card[seq]],
    failureReason: failed ? (type === 'subscription_charge' ? 'card_declined' : 'insufficient_funds') : null,
  }
}
