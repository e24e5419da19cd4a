/**
 * The billing profile rules every side applies: the form before sending, the memory adapter and
 * the shipped service before saving. The form checks more (formats by country); what is here
 * is what no saved profile may lack.
 */
import type { FieldErrors } from '../adapter/errors'
import type { BillingProfile } from '../adapter/types'

const LOCAL_PART = /^[^\s@()<>,;:\\"[\]]+$/u
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u
const TOP_LEVEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu

/** A sane check, not RFC 5322: one @, a dotted domain with a real top level, no spaces. */
export function isPlausibleEmail(email: string): boolean {
  const at = email.lastIndexOf('@')
  if (at < 1 || email.indexOf('@') !== at) return false
  const local = email.slice(0, at)
  const labels = email.slice(at + 1).split('.')
  if (local.length > 64 || !LOCAL_PART.test(local)) return false
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return false
  return TOP_LEVEL.test(labels[labels.length - 1])
}

/** What is missing or wrong, by field path (the paths of BillingError.fieldErrors); null when it may be saved. */
export function profileErrors(profile: BillingProfile | null | undefined): FieldErrors | null {
  const errors: FieldErrors = {}
  if (!profile || typeof profile !== 'object') return { name: 'required' }
  if (!profile.name?.trim()) errors.name = 'required'
  if (typeof profile.email !== 'string' || !isPlausibleEmail(profile.email.trim())) errors.email = 'invalid'
  if (!profile.address?.line1?.trim()) errors['address.line1'] = 'required'
  if (!profile.address?.city?.trim()) errors['address.city'] = 'required'
  if (!/^[A-Za-z]{2}$/.test(profile.address?.country ?? '')) errors['address.country'] = 'invalid'
  return Object.keys(errors).length > 0 ? errors : null
}

/** The profile as stored: trimmed, empty optionals as null, country upper case. */
export function normalizeProfile(profile: BillingProfile): BillingProfile {
  const taxId = profile.taxId?.value?.trim() ? { type: profile.taxId.type, value: profile.taxId.value.trim() } : null
  return {
    name: profile.name.trim(),
    company: profile.company?.trim() || null,
    email: profile.email.trim(),
    address: {
      line1: profile.address.line1.trim(),
      line2: profile.address.line2?.trim() || null,
      city: profile.address.city.trim(),
      region: profile.address.region?.trim() || null,
      postalCode: profile.address.postalCode?.trim() || null,
      country: profile.address.country.toUpperCase(),
    },
    taxId,
    walletReceipts: profile.walletReceipts === true,
  }
}
