import type { Money } from '../adapter/types'
import { formatMoney, type FormatMoneyOptions } from '../money/format'

/** Fills `{name}` placeholders. Unknown placeholders are left as they are, so a typo shows. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    Object.hasOwn(params, key) ? String(params[key]) : match,
  )
}

export interface PluralForms {
  zero?: string
  one: string
  other: string
}

const pluralRules = new Map<string, Intl.PluralRules>()

export function selectPlural(forms: PluralForms, count: number, locale: string): string {
  if (count === 0 && forms.zero !== undefined) return interpolate(forms.zero, { count })
  let rules = pluralRules.get(locale)
  if (!rules) {
    rules = new Intl.PluralRules(locale)
    pluralRules.set(locale, rules)
  }
  const form = rules.select(count) === 'one' ? forms.one : forms.other
  return interpolate(form, { count })
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions, key: string) {
  const cacheKey = `${locale}|${key}`
  let format = dateFormats.get(cacheKey)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options)
    dateFormats.set(cacheKey, format)
  }
  return format
}

export type DateStyle = 'short' | 'medium' | 'long'

/** Formats an ISO date; returns '' for a missing or unreadable date. */
export function formatDate(
  iso: string | null | undefined,
  locale: string,
  style: DateStyle = 'medium',
  timeZone?: string,
): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return dateFormat(locale, { dateStyle: style, timeZone }, `d:${style}:${timeZone ?? ''}`).format(date)
}

export function formatDateTime(iso: string | null | undefined, locale: string, timeZone?: string): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }, `dt:${timeZone ?? ''}`).format(date)
}

const regionNames = new Map<string, Intl.DisplayNames>()

/** Country name in the user's language, from Intl: "MX" → "México". */
export function countryName(code: string, locale: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return code
  let names = regionNames.get(locale)
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })
    regionNames.set(locale, names)
  }
  try {
    return names.of(code.toUpperCase()) ?? code
  } catch {
    return code
  }
}

export function moneyText(money: Money, locale: string, options?: FormatMoneyOptions): string {
  return formatMoney(money, locale, options)
}

const currencyNames = new Map<string, Intl.DisplayNames>()

/** Currency name in the user's language, from Intl: "EUR" → "euro" (es), "Euro" (de). */
export function currencyName(code: string, locale: string): string {
  if (!/^[A-Za-z]{3}$/.test(code)) return code
  let names = currencyNames.get(locale)
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'currency', fallback: 'code' })
    currencyNames.set(locale, names)
  }
  try {
    return names.of(code.toUpperCase()) ?? code
  } catch {
    return code
  }
}
