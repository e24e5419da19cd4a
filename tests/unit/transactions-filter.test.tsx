import {
  ALL_TRANSACTIONS,
  isFilterActive,
  toLedgerFilter,
  type TransactionFilter,
} from '../../src/components/TransactionHistory'
import { NOW } from '../support/render'

const range = (preset: TransactionFilter['range']['preset'], from?: string, to?: string): TransactionFilter => ({
  types: [],
  range: { preset, from, to },
})

describe('toLedgerFilter: what the adapter is asked for', () => {
  const utc = { now: NOW, timeZone: 'UTC' }

  it('asks for everything when nothing is chosen', () => {
    expect(toLedgerFilter(ALL_TRANSACTIONS, utc)).toEqual({ types: [], from: null, to: null })
  })

  it.each([
    ['last30', '2026-10-28T00:00:00.000Z'],
    ['thisMonth', '2026-11-01T00:00:00.000Z'],
    ['last3Months', '2026-08-26T00:00:00.000Z'],
    ['thisYear', '2026-01-01T00:00:00.000Z'],
  ] as const)('starts %s at the start of a day, open-ended', (preset, from) => {
    expect(toLedgerFilter(range(preset), utc)).toEqual({ types: [], from, to: null })
  })

  it('counts days in the panel time zone, not in UTC', () => {
    // 15:00 UTC on Nov 26 is 09:00 in Mexico City (UTC−6): its month starts at 06:00 UTC.
    expect(toLedgerFilter(range('thisMonth'), { now: NOW, timeZone: 'America/Mexico_City' }).from).toBe(
      '2026-11-01T06:00:00.000Z',
    )
    // Late on Nov 30 in UTC it is already Dec 1 in Tokyo.
    const late = new Date('2026-11-30T20:00:00Z')
    expect(toLedgerFilter(range('thisMonth'), { now: late, timeZone: 'Asia/Tokyo' }).from).toBe(
      '2026-11-30T15:00:00.000Z',
    )
  })

  it('keeps local midnight across a daylight-saving change', () => {
    // Madrid moves from UTC+2 to UTC+1 on Oct 25, 2026: Oct 1 starts at 22:00 UTC the day before.
    const filter = toLedgerFilter(range('custom', '2026-10-01', '2026-10-31'), { now: NOW, timeZone: 'Europe/Madrid' })
    expect(filter).toEqual({ types: [], from: '2026-09-30T22:00:00.000Z', to: '2026-10-31T23:00:00.000Z' })
  })

  it('includes the whole last day of a custom range (the adapter bound is exclusive)', () => {
    expect(toLedgerFilter(range('custom', '2026-11-01', '2026-11-15'), utc)).toEqual({
      types: [],
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-16T00:00:00.000Z',
    })
    expect(toLedgerFilter(range('custom', '2026-12-31', '2026-12-31'), utc).to).toBe('2027-01-01T00:00:00.000Z')
  })

  it('takes one open end of a custom range, and ignores dates that do not exist', () => {
    expect(toLedgerFilter(range('custom', '2026-11-01'), utc)).toEqual({
      types: [],
      from: '2026-11-01T00:00:00.000Z',
      to: null,
    })
    expect(toLedgerFilter(range('custom', '2026-02-31', 'yesterday'), utc)).toEqual({ types: [], from: null, to: null })
  })

  it('clamps "last 3 months" to the end of a shorter month', () => {
    expect(toLedgerFilter(range('last3Months'), { now: new Date('2026-05-31T12:00:00Z'), timeZone: 'UTC' }).from).toBe(
      '2026-02-28T00:00:00.000Z',
    )
  })

  it('sends each known type once, in a stable order, and drops what the adapter cannot filter by', () => {
    const filter: TransactionFilter = { types: ['usage', 'top_up', 'usage', 'unknown'], range: { preset: 'all' } }
    expect(toLedgerFilter(filter, utc).types).toEqual(['top_up', 'usage'])
  })

  it('gives the same filter all day long, so the query key is stable', () => {
    const morning = toLedgerFilter(range('last30'), { now: new Date('2026-11-26T00:00:01Z'), timeZone: 'UTC' })
    const night = toLedgerFilter(range('last30'), { now: new Date('2026-11-26T23:59:59Z'), timeZone: 'UTC' })
    expect(night).toEqual(morning)
  })
})

describe('isFilterActive', () => {
  it('is false only for every type over all time', () => {
    expect(isFilterActive(ALL_TRANSACTIONS)).toBe(false)
    expect(isFilterActive(range('custom'))).toBe(false)
    expect(isFilterActive(range('thisMonth'))).toBe(true)
    expect(isFilterActive(range('custom', '2026-11-01'))).toBe(true)
    expect(isFilterActive({ types: ['refund'], range: { preset: 'all' } })).toBe(true)
  })
})
