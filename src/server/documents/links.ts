import { createHmac, timingSafeEqual } from 'node:crypto'
import { type BillingLocale, LOCALES } from '../../i18n/locales'

export type DocumentKind = 'invoice' | 'receipt'

export interface DocumentLink {
  accountId: string
  kind: DocumentKind
  id: string
  expiresAt: Date
  locale: BillingLocale
}

export type DocumentTokenError = { error: 'malformed' | 'bad_signature' | 'expired' }

export type DocumentSecret = string | Uint8Array

const MIN_SECRET_BYTES = 32
const KINDS: readonly string[] = ['invoice', 'receipt']
const SEGMENT = /^[A-Za-z0-9_-]+$/
/** Unpadded base64url of a 32-byte SHA-256 MAC. */
const SIGNATURE_LENGTH = 43

const isLocale = (value: unknown): value is BillingLocale => (LOCALES as readonly unknown[]).includes(value)

function checkSecret(secret: DocumentSecret): void {
  const bytes = typeof secret === 'string' ? Buffer.byteLength(secret, 'utf8') : secret?.byteLength
  if (!(bytes >= MIN_SECRET_BYTES)) {
    throw new TypeError(
      `react-billing-panel: documents.secret must be at least ${MIN_SECRET_BYTES} bytes; set BILLING_DOCUMENT_SECRET (e.g. \`openssl rand -base64 48\`)`,
    )
  }
}

function mac(secret: DocumentSecret, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url')
}

/** A URL-safe token that lets its holder fetch one document of one account until `expiresAt`. */
export function signDocumentToken(options: DocumentLink & { secret: DocumentSecret }): string {
  const { secret, accountId, kind, id, expiresAt, locale } = options
  checkSecret(secret)
  if (!accountId || !id)
    throw new TypeError('react-billing-panel: signDocumentToken needs a non-empty accountId and id')
  if (!KINDS.includes(kind))
    throw new TypeError(`react-billing-panel: signDocumentToken: unknown kind ${JSON.stringify(kind)}`)
  if (!isLocale(locale))
    throw new TypeError(`react-billing-panel: signDocumentToken: unknown locale ${JSON.stringify(locale)}`)
  const e = expiresAt instanceof Date ? expiresAt.getTime() : Number.NaN
  if (!Number.isFinite(e)) throw new TypeError('react-billing-panel: signDocumentToken needs expiresAt as a valid Date')
  const payload = Buffer.from(JSON.stringify({ a: accountId, k: kind, i: id, e, l: locale })).toString('base64url')
  return `${payload}.${mac(secret, payload)}`
}

export function verifyDocumentToken(
  token: string,
  options: { secret: DocumentSecret; now: Date },
): DocumentLink | DocumentTokenError {
  checkSecret(options.secret)
  const parts = typeof token === 'string' ? token.split('.') : []
  if (
    parts.length !== 2 ||
    !SEGMENT.test(parts[0]) ||
    parts[1].length !== SIGNATURE_LENGTH ||
    !SEGMENT.test(parts[1])
  ) {
    return { error: 'malformed' }
  }
  const [payload, signature] = parts
  // Compare the encoded text, not decoded bytes: base64url's spare trailing bits would let
  // several spellings of one signature pass.
  if (!timingSafeEqual(Buffer.from(signature), Buffer.from(mac(options.secret, payload)))) {
    return { error: 'bad_signature' }
  }
  const link = parsePayload(payload)
  if (!link) return { error: 'malformed' }
  if (options.now.getTime() >= link.expiresAt.getTime()) return { error: 'expired' }
  return link
}

/** Only reached for signed payloads, so a failure here means another signer shares the secret. */
function parsePayload(payload: string): DocumentLink | null {
  let data: unknown
  try {
    data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (typeof data !== 'object' || data === null) return null
  const { a, k, i, e, l } = data as Record<string, unknown>
  if (typeof a !== 'string' || !a || typeof i !== 'string' || !i) return null
  if (typeof k !== 'string' || !KINDS.includes(k) || !isLocale(l)) return null
  if (typeof e !== 'number' || !Number.isFinite(e)) return null
  return { accountId: a, kind: k as DocumentKind, id: i, expiresAt: new Date(e), locale: l }
}
