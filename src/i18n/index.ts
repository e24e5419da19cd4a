export { catalogTag, CORE_ENGLISH, LOCALES, mergeMessages } from './catalog'
export type {
  BillingLocale,
  BillingLocaleCatalog,
  BillingMessages,
  CoreMessages,
  DeepPartial,
  MessageSlice,
} from './catalog'
export { en } from './full'
export { createI18n, I18nProvider, useBillingI18n, type BillingI18n, type LocaleInput } from './context'
export {
  countryName,
  currencyName,
  formatDate,
  formatDateTime,
  interpolate,
  selectPlural,
  type DateStyle,
  type PluralForms,
} from './format'
