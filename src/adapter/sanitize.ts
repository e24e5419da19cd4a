/**
 * Boundary checks for whatever an adapter returns. Hosts write adapters against backends we do
 * not control, so unknown enum values become `unknown`, unsafe URLs are dropped, and missing
 * required fields become a typed `invalid_response` error instead of a crash deep in a render.
 */
import { BillingError } from './errors'
import {
  CARD_BRANDS,
  type BillingProfile,
  type CardBrand,
  type Money,
  type PaymentMethod,
  type SetupIntentResult,
} from './model'

type Obj = Record<string, unknown>

export function invalid(what: string): never {
  throw new BillingError('invalid_response', { message: `The billing adapter returned an invalid ${what}.` })
}

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function obj(value: unknown, what: string): Obj {
  return isObj(value) ? value : invalid(what)
}

export function str(value: unknown, max = 2000): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value !== 'string') return null
  return value.length > max ? value.slice(0, max) : value
}

export function reqStr(value: unknown, what: string, max?: number): string {
  const s = str(value, max)
  return s === null || s === '' ? invalid(what) : s
}

export function optStr(value: unknown, max?: number): string | null {
  const s = str(value, max)
  return s === '' ? null : s
}

export function bool(value: unknown): boolean {
  return value === true
}

export function int(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null
}

export function isoDate(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 64) return null
  return Number.isNaN(Date.parse(value)) ? null : value
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | 'unknown' {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : 'unknown'
}

export function sanitizeMoney(value: unknown): Money | null {
  if (!isObj(value)) return null
  const amount = int(value.amount)
  const currency = typeof value.currency === 'string' ? value.currency.toUpperCase() : null
  if (amount === null || currency === null || !/^[A-Z]{3}$/.test(currency)) return null
  return { amount, currency }
}

export function reqMoney(value: unknown, what: string): Money {
  return sanitizeMoney(value) ?? invalid(what)
}

const SAFE_LINK = /^https?:$/
/** Only http(s) links (and blob: for downloads) survive; `javascript:`, `data:` and the rest are dropped. */
export function safeUrl(value: unknown, options: { allowBlob?: boolean } = {}): string | null {
  if (typeof value !== 'string' || value.length > 4096) return null
  try {
    const url = new URL(value)
    if (SAFE_LINK.test(url.protocol) || (options.allowBlob && url.protocol === 'blob:')) return url.href
  } catch {
    // Not an absolute URL: drop it.
  }
  return null
}

export function list<T>(value: unknown, what: string, each: (item: unknown) => T | null): T[] {
  if (!Array.isArray(value)) invalid(what)
  const out: T[] = []
  for (const item of value) {
    const clean = each(item)
    if (clean !== null) out.push(clean)
  }
  return out
}

/** Like `list`, but items that fail their check are dropped rather than failing the whole read. */
export function lenient<T>(fn: (item: unknown) => T): (item: unknown) => T | null {
  return (item) => {
    try {
      return fn(item)
    } catch {
      return null
    }
  }
}

export function sanitizePaymentMethod(value: unknown): PaymentMethod {
  const v = obj(value, 'payment method')
  const type = v.type === 'card' || v.type === 'bank_account' ? v.type : 'unknown'
  const brand: CardBrand = oneOf(v.brand, CARD_BRANDS)
  const month = int(v.expMonth)
  const year = int(v.expYear)
  const wallet = v.wallet === 'apple_pay' || v.wallet === 'google_pay' || v.wallet === 'link' ? v.wallet : null
  const last4 = typeof v.last4 === 'string' && /^\d{2,4}$/.test(v.last4) ? v.last4 : '••••'
  return {
    id: reqStr(v.id, 'payment method id', 200),
    type,
    brand,
    last4,
    expMonth: month !== null && month >= 1 && month <= 12 ? month : null,
    expYear: year !== null && year >= 1970 && year <= 9999 ? year : null,
    wallet,
    bankName: optStr(v.bankName, 200),
    holderName: optStr(v.holderName, 200),
    isDefault: bool(v.isDefault),
  }
}

export function sanitizePaymentMethods(value: unknown): PaymentMethod[] {
  const methods = list(value, 'payment method list', lenient(sanitizePaymentMethod))
  // One default at most, whatever the adapter said.
  let seenDefault = false
  return methods.map((m) => {
    if (!m.isDefault) return m
    if (seenDefault) return { ...m, isDefault: false }
    seenDefault = true
    return m
  })
}

export function sanitizeBillingProfile(value: unknown): BillingProfile | null {
  if (value === null || value === undefined) return null
  const v = obj(value, 'billing profile')
  const a = isObj(v.address) ? v.address : {}
  const taxId =
    isObj(v.taxId) && str(v.taxId.type) && str(v.taxId.value)
      ? { type: str(v.taxId.type, 32) as string, value: str(v.taxId.value, 64) as string }
      : null
  return {
    name: str(v.name, 500) ?? '',
    company: optStr(v.company, 500),
    email: str(v.email, 320) ?? '',
    address: {
      line1: str(a.line1, 500) ?? '',
      line2: optStr(a.line2, 500),
      city: str(a.city, 200) ?? '',
      region: optStr(a.region, 200),
      postalCode: optStr(a.postalCode, 32),
      country: typeof a.country === 'string' && /^[A-Za-z]{2}$/.test(a.country) ? a.country.toUpperCase() : '',
    },
    taxId,
    walletReceipts: bool(v.walletReceipts),
  }
}

/** Stripe Elements can do nothing without the client secret, so an answer without one fails here. */
export function sanitizeSetupIntent(value: unknown): SetupIntentResult {
  return { clientSecret: reqStr(obj(value, 'setup intent').clientSecret, 'setup intent client secret', 500) }
}

/** The cards after a new default; adapters that answer nothing get an empty list, and the panel refetches. */
export function sanitizeDefaultChange(value: unknown): PaymentMethod[] {
  return Array.isArray(value) ? sanitizePaymentMethods(value) : []
}
