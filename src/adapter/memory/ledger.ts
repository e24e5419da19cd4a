import { BillingError } from '../errors'
import {
  USAGE_UNITS,
  type LedgerEntry,
  type LedgerEntryType,
  type LedgerPage,
  type ListLedgerInput,
  type SpendSummaryInput,
} from '../types'
import { entryId, type History, historyEntry, invoiceId, invoiceNumberText, typeCode } from './history'
import { hashString } from './random'
import { periodOf, type SpendRow } from '../../rules/spend'

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 200

interface Matcher {
  key: string
  /** null = every type. */
  types: Uint8Array | null
  from: number
  to: number
}

/**
 * The ledger: the seeded history plus entries written since, in one sequence where a larger
 * number is newer. Pages run newest first and a cursor names an entry, not an offset, so
 * entries written while someone pages never shift, repeat or hide older pages.
 */
export class Ledger {
  readonly history: History
  /** Entries written after creation, oldest first; their seq is history.size + index. */
  readonly written: LedgerEntry[]
  private writtenTime: number[]
  private counts = new Map<string, number>()

  constructor(history: History, written: LedgerEntry[] = []) {
    this.history = history
    this.written = written
    this.writtenTime = written.map((e) => Date.parse(e.createdAt))
  }

  get size(): number {
    return this.history.size + this.written.length
  }

  /** Appends an entry (newest); `withInvoice` gives it the next invoice number of its year. */
  append(
    draft: Omit<LedgerEntry, 'id' | 'invoice'>,
    counter: { year: number; n: number },
    withInvoice = false,
  ): LedgerEntry {
    const seq = this.size
    let invoice: LedgerEntry['invoice'] = null
    if (withInvoice) {
      const year = new Date(draft.createdAt).getUTCFullYear()
      if (year !== counter.year) {
        counter.year = year
        counter.n = 0
      }
      counter.n += 1
      invoice = { id: invoiceId(seq), number: invoiceNumberText(year, counter.n) }
    }
    const entry: LedgerEntry = { id: entryId(seq), ...draft, invoice }
    this.written.push(entry)
    this.writtenTime.push(Date.parse(entry.createdAt))
    this.counts.clear()
    return structuredClone(entry)
  }

  entry(seq: number): LedgerEntry {
    return seq < this.history.size
      ? historyEntry(this.history, seq)
      : structuredClone(this.written[seq - this.history.size])
  }

  findById(id: string): LedgerEntry | null {
    const seq = parseSeq(id, 'txn_')
    if (seq === null || seq >= this.size) return null
    return this.entry(seq)
  }

  hasInvoice(id: string): boolean {
    const seq = parseSeq(id, 'in_')
    if (seq === null || seq >= this.size) return false
    return this.entry(seq).invoice?.id === id
  }

  list(input: ListLedgerInput = {}): LedgerPage {
    const match = matcher(input)
    const limit = pageSize(input.limit)
    // A cursor names the first entry of the next page, found while filling this one.
    const start = input.cursor == null || input.cursor === '' ? this.size - 1 : decodeCursor(input.cursor, this.size)
    const entries: LedgerEntry[] = []
    let nextCursor: string | null = null
    for (let seq = start; seq >= 0; seq--) {
      if (!this.matches(seq, match)) continue
      if (entries.length === limit) {
        nextCursor = encodeCursor(seq)
        break
      }
      entries.push(this.entry(seq))
    }
    return { entries, nextCursor, totalCount: this.count(match) }
  }

  /** What succeeded usage cost per UTC period and unit in `[from, to)`, read from the columns. */
  spendRows(input: SpendSummaryInput): SpendRow[] {
    const from = Date.parse(input.from)
    const to = Date.parse(input.to)
    const sums = new Map<string, SpendRow>()
    const add = (iso: string, category: string, amount: number) => {
      const period = periodOf(iso, input.granularity)
      const key = `${period}|${category}`
      const row = sums.get(key)
      if (row) row.amount += amount
      else sums.set(key, { period, category, amount })
    }
    const h = this.history
    const usage = typeCode('usage')
    for (let seq = 0; seq < h.size; seq++) {
      const time = h.time[seq]
      if (h.type[seq] !== usage || h.failed[seq] === 1 || time < from || time >= to) continue
      add(new Date(time).toISOString(), USAGE_UNITS[h.unit[seq]], -h.amount[seq])
    }
    for (const [i, e] of this.written.entries()) {
      const time = this.writtenTime[i]
      if (e.type !== 'usage' || e.status !== 'succeeded' || !e.usage || time < from || time >= to) continue
      add(e.createdAt, e.usage.unit, -(e.amount?.amount ?? 0))
    }
    return [...sums.values()]
  }

  private matches(seq: number, m: Matcher): boolean {
    const h = this.history
    let type: number
    let time: number
    if (seq < h.size) {
      type = h.type[seq]
      time = h.time[seq]
    } else {
      const entry = this.written[seq - h.size]
      type = typeCode(entry.type) ?? 255
      time = this.writtenTime[seq - h.size]
    }
    if (m.types && (type === 255 || m.types[type] !== 1)) return false
    return time >= m.from && time < m.to
  }

  private count(m: Matcher): number {
    if (m.types === null && m.from === -Infinity && m.to === Infinity) return this.size
    const cached = this.counts.get(m.key)
    if (cached !== undefined) return cached
    let n = 0
    for (let seq = 0; seq < this.size; seq++) if (this.matches(seq, m)) n++
    this.counts.set(m.key, n)
    return n
  }
}

function parseSeq(id: string, prefix: string): number | null {
  if (!id.startsWith(prefix)) return null
  const body = id.slice(prefix.length)
  if (!/^[0-9a-z]{1,12}$/.test(body)) return null
  return Number.parseInt(body, 36)
}

function pageSize(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_PAGE_SIZE
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit)))
}

function matcher(input: ListLedgerInput): Matcher {
  const filter = input.filter ?? {}
  const fieldErrors: Record<string, string> = {}
  const time = (value: string | null | undefined, field: string, fallback: number) => {
    if (value == null || value === '') return fallback
    const ms = Date.parse(value)
    if (Number.isNaN(ms)) fieldErrors[field] = 'invalid'
    return ms
  }
  const from = time(filter.from, 'filter.from', -Infinity)
  const to = time(filter.to, 'filter.to', Infinity)
  if (Object.keys(fieldErrors).length > 0) throw new BillingError('validation', { fieldErrors })
  let types: Uint8Array | null = null
  const wanted: LedgerEntryType[] = filter.types ?? []
  if (wanted.length > 0) {
    types = new Uint8Array(256)
    for (const type of wanted) {
      const code = typeCode(type)
      if (code !== undefined) types[code] = 1
    }
  }
  const key = `${types ? [...wanted].sort().join(',') : '*'}|${from}|${to}`
  return { key, types, from, to }
}

/** Cursors carry a checksum so a hand-edited one is refused rather than silently misread. */
function encodeCursor(seq: number): string {
  return `lc_${seq.toString(36)}_${(hashString(`cursor:${seq}`) % 46656).toString(36)}`
}

function decodeCursor(cursor: string, size: number): number {
  const found = /^lc_([0-9a-z]{1,10})_([0-9a-z]{1,3})$/.exec(cursor)
  const seq = found ? Number.parseInt(found[1], 36) : Number.NaN
  if (!found || encodeCursor(seq) !== cursor || seq >= size) {
    throw new BillingError('validation', { message: 'Invalid ledger cursor', fieldErrors: { cursor: 'invalid' } })
  }
  return seq
}
