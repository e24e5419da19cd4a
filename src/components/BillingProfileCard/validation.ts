import type { BillingProfile } from '../../adapter/types'
import { isPlausibleEmail } from '../../rules/profile'
import { isCountryCode } from './countries'
import {
  LOOSE_POSTAL_CODE,
  NO_POSTAL_CODE,
  POSTAL_CODE_RULES,
  REGION_REQUIRED,
  TAX_ID_RULES,
  defaultTaxIdType,
  isTaxIdType,
} from './rules'

/** What the form edits: every text as typed, so nothing the user wrote is reshaped under them. */
export interface BillingProfileValues {
  name: string
  company: string
  email: string
  address: {
    line1: string
    line2: string
    city: string
    region: string
    postalCode: string
    country: string
  }
  /** An empty `type` means "the usual one for the country" (see defaultTaxIdType). */
  taxId: { type: string; value: string }
  walletReceipts: boolean
}

/** Field paths, the same the server uses in BillingError.fieldErrors. In form order. */
export const BILLING_FIELD_PATHS = [
  'name',
  'company',
  'email',
  'address.country',
  'address.line1',
  'address.line2',
  'address.city',
  'address.region',
  'address.postalCode',
  'taxId.type',
  'taxId.value',
] as const
export type BillingFieldPath = (typeof BILLING_FIELD_PATHS)[number]

export type BillingFieldErrorCode = 'required' | 'invalid' | 'too_long'
export type BillingFieldErrors = Partial<Record<BillingFieldPath, BillingFieldErrorCode>>

export type BillingValidationResult =
  | { ok: true; profile: BillingProfile }
  | { ok: false; fieldErrors: BillingFieldErrors }

/**
 * Most characters a person may type, counted as they see them (an emoji or "ñ" is one), and
 * below the caps the adapter boundary truncates at, so nothing is cut silently after saving.
 */
export const FIELD_LIMITS = {
  name: 200,
  company: 200,
  email: 254,
  'address.line1': 200,
  'address.line2': 200,
  'address.city': 100,
  'address.region': 100,
  'address.postalCode': 16,
  'taxId.value': 40,
} as const satisfies Partial<Record<BillingFieldPath, number>>
type LimitedPath = keyof typeof FIELD_LIMITS

/** The boundary's caps in UTF-16 units (src/adapter/sanitize.ts): also never exceeded. */
const STORAGE_LIMITS: Record<LimitedPath, number> = {
  name: 500,
  company: 500,
  email: 320,
  'address.line1': 500,
  'address.line2': 500,
  'address.city': 200,
  'address.region': 200,
  'address.postalCode': 32,
  'taxId.value': 64,
}

export function emptyValues(country = ''): BillingProfileValues {
  return {
    name: '',
    company: '',
    email: '',
    address: { line1: '', line2: '', city: '', region: '', postalCode: '', country },
    taxId: { type: '', value: '' },
    walletReceipts: false,
  }
}

export function valuesFromProfile(
  profile: BillingProfile | null | undefined,
  fallbackCountry = '',
): BillingProfileValues {
  if (!profile) return emptyValues(fallbackCountry)
  return {
    name: profile.name ?? '',
    company: profile.company ?? '',
    email: profile.email ?? '',
    address: {
      line1: profile.address?.line1 ?? '',
      line2: profile.address?.line2 ?? '',
      city: profile.address?.city ?? '',
      region: profile.address?.region ?? '',
      postalCode: profile.address?.postalCode ?? '',
      country: profile.address?.country || fallbackCountry,
    },
    taxId: { type: profile.taxId?.type ?? '', value: profile.taxId?.value ?? '' },
    walletReceipts: profile.walletReceipts === true,
  }
}

// ---------------------------------------------------------------------------------------------
// Cleaning
// ---------------------------------------------------------------------------------------------

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g
/**
 * Control characters, and invisible ones that can disguise text on an invoice (bidi overrides,
 * zero-width space, BOM). Joiners (U+200C, U+200D) stay: some scripts and emoji need them.
 */
const INVISIBLE = /[\p{Cc}\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/gu
const SPACES = /\s+/gu

/** Trimmed, one line, no control or invisible characters, composed (NFC) so "ñ" is one character. */
export function cleanText(value: unknown): string {
  const text =
    typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : ''
  if (text === '') return ''
  return text
    .replace(LONE_SURROGATE, '')
    .replace(BREAKS, ' ')
    .replace(INVISIBLE, '')
    .normalize('NFC')
    .replace(SPACES, ' ')
    .trim()
}

const segmenters = new Map<string, Intl.Segmenter | null>()

function graphemeCountAbove(text: string, max: number, locale: string): boolean {
  if (text.length <= max) return false
  let segmenter = segmenters.get(locale)
  if (segmenter === undefined) {
    try {
      segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(locale, { granularity: 'grapheme' }) : null
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    }
    segmenters.set(locale, segmenter)
  }
  let count = 0
  for (const _ of segmenter ? segmenter.segment(text) : text) {
    if (++count > max) return true
  }
  return false
}

function tooLong(path: LimitedPath, text: string, locale: string): boolean {
  return text.length > STORAGE_LIMITS[path] || graphemeCountAbove(text, FIELD_LIMITS[path], locale)
}

/** Fullwidth digits ("０６６００") and any case become the plain upper-case code. */
function compactCode(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s./-]/g, '')
}

const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

// The email rule is the one the memory adapter and the server apply too.
export { isPlausibleEmail }

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

export interface ValidateOptions {
  /** Counts characters the way this locale's users see them. Default "en". */
  locale?: string
}

/**
 * Checks the form's values the way the country needs, and returns either the profile to save
 * (trimmed, cleaned, postal code in its usual spelling) or a code per invalid field. Total:
 * any input, however odd, ends in one of the two, never in an exception.
 */
export function validateBillingProfile(
  values: BillingProfileValues,
  options: ValidateOptions = {},
): BillingValidationResult {
  const locale = options.locale ?? 'en'
  const source = record(values)
  const address = record(source.address)
  const tax = record(source.taxId)
  const errors: BillingFieldErrors = {}

  const text = (path: LimitedPath, raw: unknown, rule: { required?: boolean; meaningful?: boolean } = {}) => {
    const value = cleanText(raw)
    if (value === '') {
      if (rule.required) errors[path] = 'required'
    } else if (tooLong(path, value, locale)) {
      errors[path] = 'too_long'
    } else if (rule.meaningful && !HAS_LETTER_OR_DIGIT.test(value)) {
      errors[path] = 'invalid'
    }
    return value
  }

  const name = text('name', source.name, { required: true, meaningful: true })
  const company = text('company', source.company)
  const email = text('email', source.email, { required: true })
  if (email !== '' && !errors.email && !isPlausibleEmail(email)) errors.email = 'invalid'

  const country = cleanText(address.country).toUpperCase()
  if (country === '') errors['address.country'] = 'required'
  else if (!isCountryCode(country)) errors['address.country'] = 'invalid'
  const knownCountry = !errors['address.country']

  const line1 = text('address.line1', address.line1, { required: true, meaningful: true })
  const line2 = text('address.line2', address.line2)
  const city = text('address.city', address.city, { required: true, meaningful: true })
  const region = text('address.region', address.region, { required: knownCountry && REGION_REQUIRED.has(country) })

  let postalCode: string | null = null
  if (knownCountry && !NO_POSTAL_CODE.has(country)) {
    const rule = POSTAL_CODE_RULES[country]
    const typed = text('address.postalCode', address.postalCode, { required: Boolean(rule && !rule.optional) })
    if (typed !== '' && !errors['address.postalCode']) {
      const compact = compactCode(typed)
      if (rule) {
        if (rule.pattern.test(compact)) postalCode = rule.format?.(compact) ?? compact
        else errors['address.postalCode'] = 'invalid'
      } else if (LOOSE_POSTAL_CODE.test(compact)) {
        postalCode = typed.normalize('NFKC').toUpperCase()
      } else {
        errors['address.postalCode'] = 'invalid'
      }
    }
  }

  let taxId: BillingProfile['taxId'] = null
  const taxValue = text('taxId.value', tax.value)
  if (taxValue !== '') {
    const chosen = cleanText(tax.type).toLowerCase()
    const type = chosen || defaultTaxIdType(knownCountry ? country : '')
    if (!isTaxIdType(type) && !/^[a-z]{2,3}_[a-z]{2,8}$/.test(type)) {
      errors['taxId.type'] = 'invalid'
    } else if (!errors['taxId.value']) {
      const rule = isTaxIdType(type) && type !== 'other' ? TAX_ID_RULES[type] : null
      if (rule ? rule.pattern.test(compactCode(taxValue)) : HAS_LETTER_OR_DIGIT.test(taxValue)) {
        taxId = { type, value: rule ? taxValue.normalize('NFKC').toUpperCase() : taxValue }
      } else {
        errors['taxId.value'] = 'invalid'
      }
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors }
  return {
    ok: true,
    profile: {
      name,
      company: company || null,
      email,
      address: { line1, line2: line2 || null, city, region: region || null, postalCode, country },
      taxId,
      walletReceipts: source.walletReceipts === true,
    },
  }
}
