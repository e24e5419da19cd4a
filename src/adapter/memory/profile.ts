import type { FieldErrors } from '../errors'
import type { BillingProfile } from '../types'

/** Minimal server-side checks; the form validates by country before sending. */
export function profileErrors(profile: BillingProfile | null | undefined): FieldErrors | null {
  const errors: FieldErrors = {}
  if (!profile || typeof profile !== 'object') return { name: 'required' }
  if (!profile.name?.trim()) errors.name = 'required'
  if (typeof profile.email !== 'string' || !profile.email.includes('@')) errors.email = 'invalid'
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
