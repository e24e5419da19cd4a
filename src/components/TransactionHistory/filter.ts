import { LEDGER_ENTRY_TYPES, type LedgerEntryType, type LedgerFilter } from '../../adapter/types'

export const RANGE_PRESETS = ['all', 'last30', 'thisMonth', 'last3Months', 'thisYear', 'custom'] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]

/** The types a user can filter by (an adapter cannot filter by "unknown"). */
export const FILTERABLE_TYPES: readonly LedgerEntryType[] = LEDGER_ENTRY_TYPES

export interface DateRangeFilter {
  preset: RangePreset
  /** `custom` only: first day shown, a calendar date "YYYY-MM-DD" in the panel's time zone. */
  from?: string | null
  /** `custom` only: last day shown (inclusive), "YYYY-MM-DD". */
  to?: string | null
}

/**
 * What the user chose, in a shape a host can keep in its URL: presets stay relative
 * ("last 30 days" means the last 30 days on the day the link is opened) and custom dates are
 * calendar days. `toLedgerFilter` turns it into the adapter's `LedgerFilter` (ISO instants).
 */
export interface TransactionFilter {
  /** Empty means every type. */
  types: LedgerEntryType[]
  range: DateRangeFilter
}

export const ALL_TRANSACTIONS: TransactionFilter = Object.freeze({
  types: [],
  range: Object.freeze({ preset: 'all' }),
}) as TransactionFilter

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

interface CalendarDay {
  year: number
  month: number
  day: number
}

function parseDay(value: string | null | undefined): CalendarDay | null {
  const found = value ? DAY_PATTERN.exec(value) : null
  if (!found) return null
  const [year, month, day] = [Number(found[1]), Number(found[2]), Number(found[3])]
  const probe = new Date(Date.UTC(year, month - 1, day))
  // Rejects 2026-02-31 and the like instead of rolling over into March.
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null
  return { year, month, day }
}

export function isValidDay(value: string | null | undefined): boolean {
  return parseDay(value) !== null
}

const dayFormats = new Map<string, Intl.DateTimeFormat>()

function partsFormat(timeZone: string | undefined) {
  const key = timeZone ?? ''
  let format = dayFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    dayFormats.set(key, format)
  }
  return format
}

/** The wall clock in `timeZone` at `instant`, as if it were UTC (for offset arithmetic). */
function wallClock(instant: number, timeZone: string | undefined): number {
  const parts: Record<string, number> = {}
  for (const part of partsFormat(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  return Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour === 24 ? 0 : parts.hour,
    parts.minute,
    parts.second,
  )
}

/** The calendar day `instant` falls on in `timeZone`. */
export function dayIn(instant: Date, timeZone?: string): CalendarDay {
  const wall = new Date(wallClock(instant.getTime(), timeZone))
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() }
}

/** "YYYY-MM-DD" of the day `instant` falls on in `timeZone`. */
export function dayString(instant: Date, timeZone?: string): string {
  const { year, month, day } = dayIn(instant, timeZone)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The instant a calendar day starts in `timeZone` (midnight, or the first minute after a DST gap). */
function startOfDay({ year, month, day }: CalendarDay, timeZone: string | undefined): number {
  const asUtc = Date.UTC(year, month - 1, day)
  let instant = asUtc - (wallClock(asUtc, timeZone) - asUtc)
  // A second pass settles days whose offset differs from the first guess's (DST changes).
  instant = asUtc - (wallClock(instant, timeZone) - instant)
  return instant
}

/** Adds days or months on the calendar; day 31 minus a month lands on the last day of the shorter month. */
function shift(day: CalendarDay, { days = 0, months = 0 }: { days?: number; months?: number }): CalendarDay {
  if (months !== 0) {
    const target = new Date(Date.UTC(day.year, day.month - 1 + months, 1))
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
    return { year: target.getUTCFullYear(), month: target.getUTCMonth() + 1, day: Math.min(day.day, lastDay) }
  }
  const moved = new Date(Date.UTC(day.year, day.month - 1, day.day + days))
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() }
}

/** The custom range runs backwards (from after to). */
export function isRangeInvalid(range: DateRangeFilter): boolean {
  if (range.preset !== 'custom') return false
  const from = parseDay(range.from)
  const to = parseDay(range.to)
  return (
    from !== null &&
    to !== null &&
    Date.UTC(from.year, from.month - 1, from.day) > Date.UTC(to.year, to.month - 1, to.day)
  )
}

export interface ResolveOptions {
  /** Default: the current time. */
  now?: Date
  /** The time zone the panel shows dates in (the provider's `timeZone`); default the user's. */
  timeZone?: string
}

/**
 * The adapter filter for a user filter. Boundaries are the starts of calendar days in the
 * panel's time zone, so the result changes once a day, not on every render (it is part of the
 * query key), and a day in the filter is the same day the dates in the list show.
 */
export function toLedgerFilter(filter: TransactionFilter, options: ResolveOptions = {}): LedgerFilter {
  const { timeZone } = options
  const today = dayIn(options.now ?? new Date(), timeZone)
  const types = [...new Set(filter.types.filter((t) => (FILTERABLE_TYPES as readonly string[]).includes(t)))].toSorted()
  const iso = (day: CalendarDay) => new Date(startOfDay(day, timeZone)).toISOString()
  let from: string | null = null
  let to: string | null = null
  switch (filter.range.preset) {
    case 'last30':
      from = iso(shift(today, { days: -29 }))
      break
    case 'thisMonth':
      from = iso({ ...today, day: 1 })
      break
    case 'last3Months':
      from = iso(shift(today, { months: -3 }))
      break
    case 'thisYear':
      from = iso({ year: today.year, month: 1, day: 1 })
      break
    case 'custom': {
      const start = parseDay(filter.range.from)
      const end = parseDay(filter.range.to)
      if (start) from = iso(start)
      // `to` is exclusive at the adapter: the day after the last day chosen.
      if (end) to = iso(shift(end, { days: 1 }))
      break
    }
    default:
      break
  }
  return { types, from, to }
}

/** True when the user narrowed the list (types or dates), i.e. an empty list means "no results". */
export function isFilterActive(filter: TransactionFilter): boolean {
  if (filter.types.length > 0) return true
  const { preset, from, to } = filter.range
  if (preset === 'custom') return isValidDay(from) || isValidDay(to)
  return preset !== 'all'
}
