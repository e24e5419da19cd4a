import type { BillingI18n, PluralForms } from '../../i18n'

const numberFormats = new Map<string, Intl.NumberFormat>()

/** A count grouped the locale's way: "100,000" / "100.000". */
export function formatCount(locale: string, count: number): string {
  let format = numberFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
    numberFormats.set(locale, format)
  }
  return format.format(count)
}

/** Like `plural()`, but the `{count}` it shows is grouped for the locale. */
export function countMessage(
  i18n: BillingI18n,
  forms: PluralForms,
  count: number,
  params: Record<string, string> = {},
): string {
  const form =
    count === 0 && forms.zero !== undefined
      ? forms.zero
      : new Intl.PluralRules(i18n.intlLocale).select(count) === 'one'
        ? forms.one
        : forms.other
  return i18n.t(form, { ...params, count: formatCount(i18n.intlLocale, count) })
}
