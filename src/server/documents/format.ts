import type { Money } from '../../adapter/types'
import type { BillingLocale } from '../../i18n/locales'
import { currencySymbol, formatMoney } from '../../money/format'

/**
 * Money as the panel shows it: Intl currency style over Stripe's fixed minor-unit exponents.
 * `asCode` swaps the symbol for the ISO code, for fonts that lack it (₹, ₩, ₺).
 */
export function formatDocumentMoney(money: Money, locale: BillingLocale, asCode = false): string {
  const text = formatMoney(money, locale)
  const code = money.currency
  const symbol = currencySymbol(code, locale)
  if (!asCode || symbol === code) return text
  return text
    .replace(symbol, code)
    .replace(new RegExp(`${code}(?=\\d)`), `${code} `)
    .replace(new RegExp(`(?<=\\d)${code}`), ` ${code}`)
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/** UTC, so a document issued at 23:30 UTC shows the same day on every server. */
export function formatDocumentDate(iso: string, locale: BillingLocale): string {
  let format = dateFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })
    dateFormats.set(locale, format)
  }
  return format.format(new Date(iso))
}
