import type { BillingLocale } from '../../i18n/locales'
import type { LedgerEntry } from '../types'
import type { MemoryState } from './state'

const VERSION = 1

/** The options that shape the seed; persisted state made from other ones is not reused. */
export interface SeedParams {
  seed: number
  ledgerSize: number | null
  currency: string
  locale: BillingLocale
  empty: boolean
}

/**
 * Only what changed is stored: the seed parameters and the time the seed was made (so the
 * seeded history regenerates identically), the mutable state and the entries written since,
 * never the seeded ledger rows themselves.
 */
export interface PersistedState {
  version: number
  params: SeedParams
  anchor: string
  state: MemoryState
  written: LedgerEntry[]
}

function storage(): Storage | null {
  try {
    const candidate = (globalThis as { localStorage?: Storage }).localStorage
    return candidate && typeof candidate.getItem === 'function' ? candidate : null
  } catch {
    // Some sandboxed iframes throw on merely reading localStorage.
    return null
  }
}

function sameParams(a: SeedParams, b: SeedParams): boolean {
  return (
    a.seed === b.seed &&
    a.ledgerSize === b.ledgerSize &&
    a.currency === b.currency &&
    a.locale === b.locale &&
    a.empty === b.empty
  )
}

/** The saved state, or null when there is none, it is corrupt, or it came from other options. */
export function loadState(key: string, params: SeedParams): PersistedState | null {
  const store = storage()
  if (!store) return null
  try {
    const raw = store.getItem(key)
    if (!raw) return null
    const data = JSON.parse(raw) as PersistedState
    if (
      !data ||
      data.version !== VERSION ||
      !data.params ||
      !sameParams(data.params, params) ||
      typeof data.anchor !== 'string' ||
      Number.isNaN(Date.parse(data.anchor)) ||
      !data.state?.wallet ||
      !Array.isArray(data.state.subscriptions) ||
      !Array.isArray(data.state.paymentMethods) ||
      !Array.isArray(data.written)
    ) {
      return null
    }
    return data
  } catch {
    return null
  }
}

export function saveState(key: string, data: Omit<PersistedState, 'version'>): void {
  const store = storage()
  if (!store) return
  try {
    store.setItem(key, JSON.stringify({ version: VERSION, ...data }))
  } catch {
    // Quota exceeded or storage disabled: the demo keeps working, just without persistence.
  }
}

export function clearState(key: string): void {
  try {
    storage()?.removeItem(key)
  } catch {
    // Nothing to clear.
  }
}
