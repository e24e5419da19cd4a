/** Provisioning: a sub-account's billing record, created by the host when the sub-account is. */
import { toBillingLocale } from '../../i18n/locales'
import type { AccountRecord } from '../store/records'
import { type ServiceDeps, iso, validation } from './context'

export interface CreateAccountInput {
  id: string
  /** ISO 4217, upper case: the wallet's and the prices' currency. */
  currency: string
  /**
   * Language of ledger descriptions, emails and documents: "en", "es", "pt-BR", "fr", "de" or
   * "it". A regional tag is stored as its language ("fr-CA" → "fr"); anything else as "en", the default.
   */
  locale?: string
  /** Top-up limits in minor units; default 500 – 100 000 with presets 1 000 / 2 500 / 5 000 / 10 000. */
  topUp?: { min: number; max: number; presets?: number[] }
}

/** Creates the account and its empty wallet; answers false when it already exists (safe to call at every start). */
export async function createAccount(deps: ServiceDeps, input: CreateAccountInput): Promise<boolean> {
  if (typeof input?.id !== 'string' || !/^[A-Za-z0-9_.:-]{1,128}$/.test(input.id)) throw validation({ id: 'invalid' })
  if (typeof input.currency !== 'string' || !/^[A-Z]{3}$/.test(input.currency)) {
    throw validation({ currency: 'invalid' })
  }
  const topUp = input.topUp ?? { min: 500, max: 100_000, presets: [1000, 2500, 5000, 10_000] }
  const ints = [topUp.min, topUp.max, ...(topUp.presets ?? [])]
  if (!ints.every((n) => Number.isSafeInteger(n) && n > 0) || topUp.max < topUp.min) {
    throw validation({ topUp: 'invalid' })
  }
  const record: AccountRecord = {
    id: input.id,
    currency: input.currency,
    locale: toBillingLocale(input.locale),
    topUpMin: topUp.min,
    topUpMax: topUp.max,
    topUpPresets: (topUp.presets ?? []).filter((p) => p >= topUp.min && p <= topUp.max),
    createdAt: iso(deps.now()),
  }
  return deps.store.transaction((tx) => tx.insertAccount(record))
}
