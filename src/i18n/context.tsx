import { createContext, useContext, useMemo, type ReactNode } from 'react'
import type { Money } from '../adapter/types'
import type { FormatMoneyOptions } from '../money/format'
import {
  CORE_ENGLISH,
  catalogTag,
  mergeMessages,
  type BillingLocaleCatalog,
  type BillingMessages,
  type CoreMessages,
  type DeepPartial,
} from './catalog'
import {
  countryName,
  currencyName,
  formatDate,
  formatDateTime,
  interpolate,
  moneyText,
  selectPlural,
  type DateStyle,
  type PluralForms,
} from './format'
import type { MessageSlice, SliceSource } from './slice'

export interface BillingI18n extends SliceSource {
  /** The language of the strings shown: "en" (built in), or the tag of the catalog the host passed. */
  locale: string
  /** The locale used by Intl (may carry a region, e.g. "es-MX"). */
  intlLocale: string
  /** Shared strings, the primitives' and the panel's, with the host's overrides. */
  messages: CoreMessages
  t(template: string, params?: Record<string, string | number>): string
  plural(forms: PluralForms, count: number): string
  formatMoney(money: Money, options?: FormatMoneyOptions): string
  formatDate(iso: string | null | undefined, style?: DateStyle): string
  formatDateTime(iso: string | null | undefined): string
  countryName(code: string): string
  currencyName(code: string): string
  /** The provider's time zone, when the host set one. */
  timeZone?: string
}

/** What `<BillingProvider locale>` takes: a catalog from `react-billing-panel/locales/<tag>`, or a tag. */
export type LocaleInput = BillingLocaleCatalog | string | undefined

const warned = new Set<string>()

/**
 * A bare tag carries no strings: English ones format by it, any other shows English (and Intl
 * in English too, so a page never mixes languages) with a warning that names the import.
 */
function tagWithoutCatalog(tag: string | undefined): string {
  if (!tag || /^en(?:[-_]|$)/i.test(tag)) return tag ?? 'en'
  if (!warned.has(tag)) {
    warned.add(tag)
    const shipped = catalogTag(tag)
    console.warn(
      shipped
        ? `[react-billing-panel] locale="${tag}" has no catalog, so the panel shows English. Import it and pass the object: import { ${shipped.replace('-', '')} } from 'react-billing-panel/locales/${shipped}'; <BillingProvider locale={${shipped.replace('-', '')}}>.`
        : `[react-billing-panel] locale="${tag}" has no catalog, so the panel shows English. Pass a catalog object: locale={{ tag: '${tag}', messages }}, with messages shaped like enMessages.`,
    )
  }
  return 'en'
}

export function createI18n(
  locale: LocaleInput,
  overrides?: DeepPartial<BillingMessages>,
  timeZone?: string,
): BillingI18n {
  const catalog = typeof locale === 'object' && locale !== null ? locale : null
  const intlLocale = catalog ? catalog.tag : tagWithoutCatalog(locale as string | undefined)
  const translated = catalog?.messages as DeepPartial<BillingMessages> | undefined
  // English under the catalog (a catalog older than the English never shows a hole), overrides on top.
  const layered = <T,>(english: T, key: keyof BillingMessages): T => {
    const under = (source: DeepPartial<BillingMessages> | undefined) =>
      // 0.1.0 called the billingProfile strings billingAddress; what was written for it still counts.
      key === 'billingProfile' && source?.billingAddress
        ? (mergeMessages<T>(source.billingAddress as T, source[key] as DeepPartial<T>) as DeepPartial<T>)
        : (source?.[key] as DeepPartial<T>)
    return mergeMessages<T>(mergeMessages<T>(english, under(translated)), under(overrides))
  }
  const messages: CoreMessages = {
    common: layered(CORE_ENGLISH.common, 'common'),
    ui: layered(CORE_ENGLISH.ui, 'ui'),
    panel: layered(CORE_ENGLISH.panel, 'panel'),
  }
  // By English object: a component's view and its dialogs ask for one slice with different English.
  const slices = new Map<unknown, unknown>()
  return {
    locale: catalog ? (catalogTag(catalog.tag) ?? catalog.tag) : 'en',
    intlLocale,
    messages,
    slice<T>(key: MessageSlice, english: T): T {
      let merged = slices.get(english) as T | undefined
      if (!merged) {
        merged = layered(english, key)
        slices.set(english, merged)
      }
      return merged
    },
    t: interpolate,
    plural: (forms, count) => selectPlural(forms, count, intlLocale),
    formatMoney: (money, options) => moneyText(money, intlLocale, options),
    formatDate: (iso, style) => formatDate(iso, intlLocale, style, timeZone),
    formatDateTime: (iso) => formatDateTime(iso, intlLocale, timeZone),
    countryName: (code) => countryName(code, intlLocale),
    currencyName: (code) => currencyName(code, intlLocale),
    timeZone,
  }
}

const I18nContext = createContext<BillingI18n | null>(null)

export function I18nProvider(props: {
  locale?: LocaleInput
  messages?: DeepPartial<BillingMessages>
  timeZone?: string
  children: ReactNode
}) {
  const { locale, messages, timeZone, children } = props
  // Hosts often pass a fresh overrides object each render; compare by content.
  const overridesKey = messages ? JSON.stringify(messages) : ''
  // A catalog spread inline (`{ ...es, tag: 'es-MX' }`) is new each render; its tag and strings are what count.
  const tag = typeof locale === 'object' ? locale.tag : locale
  const strings = typeof locale === 'object' ? locale.messages : null
  // biome-ignore lint/correctness/useExhaustiveDependencies: overridesKey stands for messages, tag and strings for locale
  const value = useMemo(() => createI18n(locale, messages, timeZone), [tag, strings, overridesKey, timeZone])
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
