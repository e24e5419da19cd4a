import type { Money } from '../adapter/types'
import { currencyExponent } from './currencies'

/** Exact decimal string of an integer minor amount: 123456 USD → "1234.56". No floats. */
export function minorToDecimalString(amount: number, currency: string): string {
  const exponent = currencyExponent(currency)
  const negative = amount < 0
  const digits = Math.abs(Math.trunc(amount))
    .toString()
    .padStart(exponent + 1, '0')
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent)
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`
  return `${negative ? '-' : ''}${whole}${fraction}`
}

const formatters = new Map<string, Intl.NumberFormat>()

function moneyFormatter(locale: string, currency: string, signDisplay: 'auto' | 'always' | 'exceptZero') {
  const key = `${locale}|${currency}|${signDisplay}`
  let formatter = formatters.get(key)
  if (!formatter) {
    const exponent = currencyExponent(currency)
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      signDisplay,
      // Show the digits the money really has (Stripe's exponent), whatever Intl thinks.
      minimumFractionDigits: exponent === 2 && isWholeCurrencyInIntl(currency) ? 0 : exponent,
      maximumFractionDigits: exponent,
    })
    formatters.set(key, formatter)
  }
  return formatter
}

/** ISK and HUF carry hundredths at Stripe but are shown whole, as Intl does. */
function isWholeCurrencyInIntl(currency: string): boolean {
  return currency === 'ISK' || currency === 'HUF'
}

export interface FormatMoneyOptions {
  /** `always` puts + on positive amounts (ledger lines). */
  signDisplay?: 'auto' | 'always' | 'exceptZero'
}

/** Formats money in the locale: `25,50 €`, `$25.50`, `MX$1,250.00`. */
export function formatMoney(money: Money, locale: string, options: FormatMoneyOptions = {}): string {
  const decimal = minorToDecimalString(money.amount, money.currency)
  const formatter = moneyFormatter(locale, money.currency, options.signDisplay ?? 'auto')
  // Intl.NumberFormat formats decimal strings exactly (no binary rounding).
  return formatter.format(decimal as unknown as number)
}

/** Plain decimal for exports: "-1234.56". */
export function formatMoneyPlain(money: Money): string {
  return minorToDecimalString(money.amount, money.currency)
}

/** The value shown in an amount field: no symbol, the locale's decimal mark, no grouping. */
export function formatMoneyInput(amount: number, currency: string, locale: string): string {
  const decimal = minorToDecimalString(amount, currency)
  const mark = decimalSeparator(locale)
  return mark === '.' ? decimal : decimal.replace('.', mark)
}

const separators = new Map<string, { decimal: string; group: string }>()

export function localeSeparators(locale: string): { decimal: string; group: string } {
  let found = separators.get(locale)
  if (!found) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5)
    found = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
    }
    separators.set(locale, found)
  }
  return found
}

export function decimalSeparator(locale: string): string {
  return localeSeparators(locale).decimal
}

/** The currency's symbol in the locale, for an input adornment. */
export function currencySymbol(currency: string, locale: string): string {
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0)
  return parts.find((p) => p.type === 'currency')?.value ?? currency
}
