/** Every failure an adapter can report. Each has a localised message in the catalog. */
export const BILLING_ERROR_CODES = [
  'network',
  'timeout',
  'unauthorized',
  'forbidden',
  'not_found',
  'validation',
  'card_declined',
  'requires_action',
  'conflict',
  'rate_limited',
  'unavailable',
  'invalid_response',
  'unknown',
] as const
export type BillingErrorCode = (typeof BILLING_ERROR_CODES)[number]

/** Field path (e.g. "address.postalCode") → machine code or message from the server. */
export type FieldErrors = Record<string, string>

export interface BillingErrorOptions {
  message?: string
  retryable?: boolean
  fieldErrors?: FieldErrors
  /** card_declined: Stripe-style decline code, e.g. "insufficient_funds". */
  declineCode?: string
  /** requires_action: the PaymentIntent client secret for on-session authentication. */
  clientSecret?: string
  /** rate_limited: how long to wait, from Retry-After. */
  retryAfterMs?: number
  /** HTTP status, when the error came over the wire. */
  status?: number
  cause?: unknown
}

const RETRYABLE_BY_DEFAULT: ReadonlySet<BillingErrorCode> = new Set([
  'network',
  'timeout',
  'rate_limited',
  'unavailable',
  'unknown',
])

export class BillingError extends Error {
  override readonly name = 'BillingError'
  readonly code: BillingErrorCode
  readonly retryable: boolean
  readonly fieldErrors?: FieldErrors
  readonly declineCode?: string
  readonly clientSecret?: string
  readonly retryAfterMs?: number
  readonly status?: number

  constructor(code: BillingErrorCode, options: BillingErrorOptions = {}) {
    super(options.message ?? code, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(code)
    if (options.fieldErrors) this.fieldErrors = options.fieldErrors
    if (options.declineCode) this.declineCode = options.declineCode
    if (options.clientSecret) this.clientSecret = options.clientSecret
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs
    if (options.status !== undefined) this.status = options.status
  }
}

export function isBillingError(value: unknown): value is BillingError {
  return (
    value instanceof BillingError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'BillingError' &&
      typeof (value as { code?: unknown }).code === 'string')
  )
}

/** Turns anything thrown by an adapter into a BillingError, so the UI has one shape to show. */
export function toBillingError(value: unknown): BillingError {
  if (value instanceof BillingError) return value
  if (isBillingError(value)) {
    const v = value as BillingError
    const code = (BILLING_ERROR_CODES as readonly string[]).includes(v.code) ? v.code : 'unknown'
    return new BillingError(code, {
      message: v.message,
      retryable: v.retryable,
      fieldErrors: v.fieldErrors,
      declineCode: v.declineCode,
      clientSecret: v.clientSecret,
      retryAfterMs: v.retryAfterMs,
      status: v.status,
    })
  }
  if (value instanceof DOMException && value.name === 'TimeoutError') {
    return new BillingError('timeout', { cause: value })
  }
  if (value instanceof TypeError && /fetch|network/i.test(value.message)) {
    return new BillingError('network', { cause: value })
  }
  const message = value instanceof Error ? value.message : String(value)
  return new BillingError('unknown', { message, cause: value })
}
