/**
 * What the HTTP adapter and the reference handler agree on, beyond openapi.yaml: header names,
 * the status each error code travels with, and the error body. Kept in one place so the client's
 * mapping stays the exact inverse of the server's.
 */
import { BILLING_ERROR_CODES, type BillingErrorCode, type FieldErrors } from '../errors'
import type { OptionalMethod } from '../methods'

export const API_PREFIX = '/v1'
export const IDEMPOTENCY_HEADER = 'Idempotency-Key'
/** Printable ASCII without spaces, like Stripe's keys; UUIDs fit easily. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/

export type { OptionalMethod }

/** The status the server sends for each code. */
export const STATUS_FOR_CODE: Readonly<Record<BillingErrorCode, number>> = {
  validation: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  card_declined: 402,
  requires_action: 402,
  rate_limited: 429,
  unavailable: 503,
  timeout: 504,
  network: 502,
  invalid_response: 502,
  unknown: 500,
}

/**
 * The code a client reads from a failed response. The status decides; the body's code only
 * tells apart the two kinds of 402, so a backend that sends a wrong or missing code still
 * lands on the right error.
 */
export function codeForStatus(status: number, bodyCode?: string | null): BillingErrorCode {
  switch (status) {
    case 400:
    case 413:
    case 415:
    case 422:
      return 'validation'
    case 401:
      return 'unauthorized'
    case 403:
      return 'forbidden'
    case 404:
    case 410:
      return 'not_found'
    case 408:
      return 'timeout'
    case 409:
      return 'conflict'
    case 402:
      return bodyCode === 'requires_action' ? 'requires_action' : 'card_declined'
    case 429:
      return 'rate_limited'
  }
  if (status >= 500) return 'unavailable'
  return isErrorCode(bodyCode) && bodyCode !== 'network' && bodyCode !== 'timeout' ? bodyCode : 'unknown'
}

export function isErrorCode(value: unknown): value is BillingErrorCode {
  return typeof value === 'string' && (BILLING_ERROR_CODES as readonly string[]).includes(value)
}

export interface WireErrorBody {
  error: {
    code: BillingErrorCode
    message: string
    fieldErrors?: FieldErrors
    declineCode?: string
    clientSecret?: string
  }
}

export interface CapabilitiesBody {
  /** Optional adapter methods this caller may use; reads are always available. */
  methods: OptionalMethod[]
}
