import type { LedgerEntryStatus, LedgerEntryType } from '../../adapter/types'
import type { Tone } from '../../ui'

/** The localised name of a type; anything the catalog lacks reads as "Other". */
export function typeLabel(types: Record<LedgerEntryType, string>, type: string): string {
  return Object.hasOwn(types, type) ? types[type as LedgerEntryType] : types.unknown
}

export function statusLabel(statuses: Record<LedgerEntryStatus, string>, status: string): string {
  return Object.hasOwn(statuses, status) ? statuses[status as LedgerEntryStatus] : statuses.unknown
}

const STATUS_TONES: Record<LedgerEntryStatus, Tone> = {
  succeeded: 'success',
  pending: 'warning',
  failed: 'danger',
  refunded: 'info',
  unknown: 'neutral',
}

export function statusTone(status: string): Tone {
  return Object.hasOwn(STATUS_TONES, status) ? STATUS_TONES[status as LedgerEntryStatus] : 'neutral'
}
