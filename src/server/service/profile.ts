/** The billing profile: the same validation and normalization as the memory adapter, one rule for both. */
import type { BillingProfile } from '../../adapter/types'
import { normalizeProfile, profileErrors } from '../../rules/profile'
import type { ServiceContext } from '../handler'
import { type ServiceDeps, requireAccount, validation } from './context'
import { onceWrite } from './idempotency'
import type { ProfileRecord } from '../store/records'

/** A billing profile as the store keeps it (one column a field). */
export function profileRecord(p: BillingProfile): ProfileRecord {
  return {
    name: p.name,
    company: p.company ?? null,
    email: p.email,
    line1: p.address.line1,
    line2: p.address.line2 ?? null,
    city: p.address.city,
    region: p.address.region ?? null,
    postalCode: p.address.postalCode ?? null,
    country: p.address.country,
    taxIdType: p.taxId?.type ?? null,
    taxIdValue: p.taxId?.value ?? null,
    walletReceipts: p.walletReceipts === true,
  }
}

export async function getBillingProfile(deps: ServiceDeps, accountId: string): Promise<BillingProfile | null> {
  await requireAccount(deps, accountId)
  const r = await deps.store.read.profile(accountId)
  if (!r) return null
  return {
    name: r.name,
    company: r.company,
    email: r.email,
    address: {
      line1: r.line1,
      line2: r.line2,
      city: r.city,
      region: r.region,
      postalCode: r.postalCode,
      country: r.country,
    },
    taxId: r.taxIdType && r.taxIdValue ? { type: r.taxIdType, value: r.taxIdValue } : null,
    walletReceipts: r.walletReceipts,
  }
}

export async function updateBillingProfile(
  deps: ServiceDeps,
  accountId: string,
  input: BillingProfile,
  context?: ServiceContext,
): Promise<BillingProfile> {
  await requireAccount(deps, accountId)
  const errors = profileErrors(input)
  if (errors) throw validation(errors)
  const p = normalizeProfile(input)
  await onceWrite(deps, accountId, context, 'updateBillingProfile', input, async ({ tx, at }) => {
    await tx.saveProfile(accountId, profileRecord(p), at.toISOString())
    return null
  })
  const saved = (await getBillingProfile(deps, accountId)) as BillingProfile
  // Mirrored after the commit: the profile we store is the truth, the processor's copy follows it.
  try {
    await deps.payments.updateCustomer?.({ accountId, profile: saved })
  } catch {
    // A processor that could not take the copy now gets the next change; nothing here depends on it.
  }
  return saved
}
