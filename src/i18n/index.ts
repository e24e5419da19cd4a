export { catalogLocale, CORE_CATALOGS, LOCALES, mergeMessages } from './catalog'
export type { BillingLocale, BillingMessages, CoreMessages, DeepPartial, MessageSlice } from './catalog'
export { CATALOGS, en, es } from './full'
export { createI18n, I18nProvider, useBillingI18n, type BillingI18n } from './context'
export {
  countryName,
  formatDate,
  formatDateTime,
  interpolate,
  selectPlural,
  type DateStyle,
  type PluralForms,
} from './format'
