/**
 * Minor-unit exponents as Stripe uses them. Never inferred from Intl: Intl says ISK and HUF
 * have 0 decimals, Stripe counts them in hundredths.
 */
const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
])
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND'])

/** Currencies the panel is tested with; any valid ISO code works, these get exercised. */
export const SUPPORTED_CURRENCIES = [
  'USD',
  'EUR',
  'MXN',
  'COP',
  'ARS',
  'BRL',
  'CLP',
  'PEN',
  'GBP',
  'CAD',
  'JPY',
  'ISK',
  'HUF',
  'KWD',
  'DOP',
  'GTQ',
  'UYU',
] as const

export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase()
  if (ZERO_DECIMAL.has(code)) return 0
  if (THREE_DECIMAL.has(code)) return 3
  return 2
}

export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value)
}

/** Sensible top-up presets, in minor units, when the adapter sends none. */
export function defaultPresets(currency: string): number[] {
  const unit = 10 ** currencyExponent(currency)
  const code = currency.toUpperCase()
  const majors: Record<string, number[]> = {
    MXN: [200, 500, 1000, 2000],
    COP: [50_000, 100_000, 200_000, 500_000],
    ARS: [10_000, 25_000, 50_000, 100_000],
    CLP: [10_000, 25_000, 50_000, 100_000],
    BRL: [50, 100, 250, 500],
    PEN: [50, 100, 200, 500],
    JPY: [1_000, 3_000, 5_000, 10_000],
    ISK: [2_000, 5_000, 10_000, 20_000],
    HUF: [5_000, 10_000, 20_000, 50_000],
  }
  return (majors[code] ?? [10, 25, 50, 100]).map((major) => major * unit)
}
