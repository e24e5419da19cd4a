/**
 * The events the billing service tells the host about, and the signature of the outgoing
 * webhooks that carry them: `Billing-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>">`, as Stripe signs its own. A receiver checks it with `verifyBillingWebhook`
 * on the raw body, before parsing, inside a tolerance window that stops replays.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Money } from '../adapter/types'

export const BILLING_EVENT_TYPES = [
  'wallet.low_balance',
  'wallet.top_up.succeeded',
  'auto_recharge.succeeded',
  'auto_recharge.failed',
  'auto_recharge.paused',
  'credits.expiring',
  'usage.rejected',
] as const
export type BillingEventType = (typeof BILLING_EVENT_TYPES)[number]

export interface BillingEventData {
  'wallet.low_balance': { balance: Money; threshold: Money }
  'wallet.top_up.succeeded': {
    entryId: string
    amount: Money
    balance: Money
    receipt: { id: string; number: string } | null
  }
  'auto_recharge.succeeded': {
    entryId: string
    amount: Money
    balance: Money
    receipt: { id: string; number: string } | null
  }
  'auto_recharge.failed': { entryId: string; amount: Money; declineCode: string; consecutiveFailures: number }
  'auto_recharge.paused': { reason: 'card_declined' | 'no_payment_method'; consecutiveFailures: number }
  'credits.expiring': { creditId: string; description: string | null; remaining: Money; expiresAt: string }
  'usage.rejected': {
    /** Up to 100 of the events refused in one call; `count` says how many there were. */
    events: Array<{ idempotencyKey: string; category: string; amount: Money; reason: string }>
    count: number
    balance: Money
  }
}

export type BillingEvent = {
  [T in BillingEventType]: {
    /** Unique; a receiver that sees an id twice (a retried delivery) handles it once. */
    id: string
    type: T
    accountId: string
    createdAt: string
    data: BillingEventData[T]
  }
}[BillingEventType]

export const SIGNATURE_HEADER = 'Billing-Signature'

export function signBillingWebhook(body: string, secret: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000)
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')
  return `t=${t},v1=${v1}`
}

export class WebhookSignatureError extends Error {
  readonly code: 'missing' | 'malformed' | 'mismatch' | 'expired'
  constructor(code: WebhookSignatureError['code'], message: string) {
    super(message)
    this.name = 'WebhookSignatureError'
    this.code = code
  }
}

export interface VerifyWebhookInput {
  /** The raw request body, exactly as received (not re-serialised JSON). */
  body: string | Uint8Array
  /** The Billing-Signature header. */
  signature: string | null | undefined
  secret: string
  /** How old a signature may be; default 300 seconds. */
  toleranceSeconds?: number
  now?: Date
}

/** Checks a delivery's signature and age; returns the event, or throws a WebhookSignatureError. */
export function verifyBillingWebhook(input: VerifyWebhookInput): BillingEvent {
  const body = typeof input.body === 'string' ? input.body : new TextDecoder().decode(input.body)
  if (!input.signature) throw new WebhookSignatureError('missing', `No ${SIGNATURE_HEADER} header.`)
  const parts = new Map<string, string[]>()
  for (const item of input.signature.split(',')) {
    const at = item.indexOf('=')
    if (at < 1) continue
    const key = item.slice(0, at).trim()
    parts.set(key, [...(parts.get(key) ?? []), item.slice(at + 1).trim()])
  }
  const t = Number(parts.get('t')?.[0])
  const candidates = parts.get('v1') ?? []
  if (!Number.isSafeInteger(t) || candidates.length === 0) {
    throw new WebhookSignatureError('malformed', `${SIGNATURE_HEADER} must read "t=<seconds>,v1=<hex>".`)
  }
  const expected = createHmac('sha256', input.secret).update(`${t}.${body}`).digest()
  // Several v1 values are allowed while a secret is being rotated.
  const matches = candidates.some((hex) => {
    const given = /^[0-9a-f]{64}$/i.test(hex) ? Buffer.from(hex, 'hex') : null
    return given !== null && timingSafeEqual(given, expected)
  })
  if (!matches) throw new WebhookSignatureError('mismatch', 'The signature does not match this secret and body.')
  const tolerance = input.toleranceSeconds ?? 300
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000)
  if (Math.abs(now - t) > tolerance) {
    throw new WebhookSignatureError('expired', `The signature is older than ${tolerance} seconds.`)
  }
  return JSON.parse(body) as BillingEvent
}
