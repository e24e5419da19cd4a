export { CATALOGS, catalogLocale, en, es, LOCALES, mergeMessages } from './catalog'
export type { BillingLocale, BillingMessages, DeepPartial } from './catalog'
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
