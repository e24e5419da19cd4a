import { createContext, useContext, useMemo, type ReactNode } from 'react'
import type { Money } from '../adapter/types'
import type { FormatMoneyOptions } from '../money/format'
import {
  CORE_CATALOGS,
  catalogLocale,
  mergeMessages,
  type BillingLocale,
  type BillingMessages,
  type CoreMessages,
  type DeepPartial,
  type MessageSlice,
} from './catalog'
import {
  countryName,
  formatDate,
  formatDateTime,
  interpolate,
  moneyText,
  selectPlural,
  type DateStyle,
  type PluralForms,
} from './format'

export interface BillingI18n {
  /** The catalog in use: "es" or "en". */
  locale: BillingLocale
  /** The locale used by Intl (may carry a region, e.g. "es-MX"). */
  intlLocale: string
  /** Shared strings, the primitives' and the panel's, with the host's overrides. */
  messages: CoreMessages
  /**
   * One component's strings in this locale with the host's overrides, from the catalogs that
   * component ships with its code. Computed once per slice.
   */
  slice<K extends MessageSlice>(key: K, catalogs: Record<BillingLocale, BillingMessages[K]>): BillingMessages[K]
  t(template: string, params?: Record<string, string | number>): string
  plural(forms: PluralForms, count: number): string
  formatMoney(money: Money, options?: FormatMoneyOptions): string
  formatDate(iso: string | null | undefined, style?: DateStyle): string
  formatDateTime(iso: string | null | undefined): string
  countryName(code: string): string
  /** The provider's time zone, when the host set one. */
  timeZone?: string
}

const I18nContext = createContext<BillingI18n | null>(null)

export function createI18n(
  locale: string | undefined,
  overrides?: DeepPartial<BillingMessages>,
  timeZone?: string,
): BillingI18n {
  const catalog = catalogLocale(locale)
  const intlLocale = locale && catalogLocale(locale) === catalog && locale.length > 2 ? locale : catalog
  const messages = mergeMessages<CoreMessages>(CORE_CATALOGS[catalog], {
    common: overrides?.common,
    ui: overrides?.ui,
    panel: overrides?.panel,
  })
  const slices = new Map<MessageSlice, unknown>()
  return {
    locale: catalog,
    intlLocale,
    messages,
    slice(key, catalogs) {
      let merged = slices.get(key) as BillingMessages[typeof key] | undefined
      if (!merged) {
        merged = mergeMessages(catalogs[catalog], overrides?.[key] as DeepPartial<BillingMessages[typeof key]>)
        slices.set(key, merged)
      }
      return merged
    },
    t: interpolate,
    plural: (forms, count) => selectPlural(forms, count, intlLocale),
    formatMoney: (money, options) => moneyText(money, intlLocale, options),
    formatDate: (iso, style) => formatDate(iso, intlLocale, style, timeZone),
    formatDateTime: (iso) => formatDateTime(iso, intlLocale, timeZone),
    countryName: (code) => countryName(code, intlLocale),
    timeZone,
  }
}

export function I18nProvider(props: {
  locale?: string
  messages?: DeepPartial<BillingMessages>
  timeZone?: string
  children: ReactNode
}) {
  const { locale, messages, timeZone, children } = props
  // Hosts often pass a fresh overrides object each render; compare by content.
  const overridesKey = messages ? JSON.stringify(messages) : ''
  // biome-ignore lint/correctness/useExhaustiveDependencies: overridesKey stands for messages
  const value = useMemo(() => createI18n(locale, messages, timeZone), [locale, overridesKey, timeZone])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useBillingI18n(): BillingI18n {
  const value = useContext(I18nContext)
  if (!value) {
    throw new Error(
      'useBillingI18n must be used inside <BillingProvider>. Wrap your billing components in <BillingProvider adapter={…}>.',
    )
  }
  return value
}
