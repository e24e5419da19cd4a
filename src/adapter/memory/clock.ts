import type { IsoDateTime } from '../types'

export const MINUTE_MS = 60_000
export const DAY_MS = 86_400_000

export type Clock = () => Date

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS)
}

/** Same day of month, `months` later, in UTC (clamped to the month's last day). */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime())
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, last))
  return d
}

export function iso(date: Date): IsoDateTime {
  return date.toISOString()
}

export type Latency = number | { min: number; max: number }

/**
 * Waits the simulated network time. Zero latency resolves on a microtask, without timers, so
 * tests need no fake timers.
 */
export function wait(latency: Latency, random: () => number): Promise<void> {
  const ms =
    typeof latency === 'number'
      ? latency
      : latency.min + Math.floor(random() * (Math.max(latency.max, latency.min) - latency.min + 1))
  if (!(ms > 0)) return Promise.resolve()
  return new Promise((resolve) => setTimeout(resolve, ms))
}
