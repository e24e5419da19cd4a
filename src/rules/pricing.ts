/**
 * Prices of the built-in usage categories and the default top-up limits, per currency: the same
 * figures for the memory adapter's world and the shipped service's usage API.
 */
import { currencyExponent, defaultPresets } from '../money'
import type { BuiltInUsageUnit, Money, TopUpLimits } from '../adapter/types'

/**
 * Rough value of one US dollar, so amounts seeded in other currencies look plausible
 * (a $25 top-up becomes MX$430, not MX$25). Not exchange rates: only demo data.
 */
const USD_RATE: Record<string, number> = {
  USD: 1,
  EUR: 0.92,
  GBP: 0.79,
  CAD: 1.36,
  MXN: 17,
  COP: 4000,
  ARS: 900,
  BRL: 5,
  CLP: 900,
  PEN: 3.7,
  JPY: 150,
  ISK: 138,
  HUF: 360,
  KWD: 0.31,
  DOP: 59,
  GTQ: 7.8,
  UYU: 39,
}

/** Unit prices in US cents (fractions allowed: an email costs a tenth of a cent). */
const UNIT_PRICE_USD_CENTS: Record<BuiltInUsageUnit, number> = {
  sms: 1,
  email: 0.1,
  call_minute: 3,
  ai_request: 2,
  phone_number: 115,
}

export const DEFAULT_USAGE_QUANTITY: Record<BuiltInUsageUnit, number> = {
  sms: 100,
  email: 1000,
  call_minute: 30,
  ai_request: 50,
  phone_number: 1,
}

export interface Pricing {
  currency: string
  /** Converts US cents to this currency's minor units; `nice` rounds to 2 significant digits. */
  minor(usdCents: number, nice?: boolean): number
  money(usdCents: number, nice?: boolean): Money
  usageCost(unit: BuiltInUsageUnit, quantity: number): number
  topUp: TopUpLimits
}

function roundNice(major: number): number {
  if (major <= 0) return 0
  const magnitude = 10 ** (Math.floor(Math.log10(major)) - 1)
  return Math.round(major / magnitude) * magnitude
}

export function createPricing(currencyInput: string): Pricing {
  const currency = currencyInput.toUpperCase()
  const listed = USD_RATE[currency] ?? 1
  // Dollar-like currencies reuse the dollar figures: €25 reads better than €23.
  const rate = listed >= 0.5 && listed <= 2 ? 1 : listed
  const unit = 10 ** currencyExponent(currency)
  const minor = (usdCents: number, nice = false): number => {
    if (rate === 1 && unit === 100) return Math.round(usdCents)
    const major = (usdCents / 100) * rate
    return Math.round((nice ? roundNice(major) : major) * unit)
  }
  const money = (usdCents: number, nice = false): Money => ({ amount: minor(usdCents, nice), currency })
  // Dollar-like currencies get the presets the product shows for USD; others, the money
  // module's presets for that currency, so the two never disagree.
  const presets = rate === 1 ? [2500, 5000, 10000, 25000].map((c) => minor(c, true)) : defaultPresets(currency)
  const min = Math.min(minor(1000, true), presets[0])
  const max = Math.max(minor(100000, true), presets[presets.length - 1])
  return {
    currency,
    minor,
    money,
    usageCost: (unitName, quantity) => Math.max(1, minor(UNIT_PRICE_USD_CENTS[unitName] * quantity)),
    topUp: {
      min: { amount: min, currency },
      max: { amount: max, currency },
      presets: presets.map((amount) => ({ amount, currency })),
    },
  }
}
