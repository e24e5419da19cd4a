/**
 * The languages the package ships, with no catalog attached: the server, its documents and the
 * memory adapter's seed import this without pulling any UI text or React along.
 */
export type BillingLocale = 'en' | 'es' | 'pt-BR' | 'fr' | 'de' | 'it'
export const LOCALES: readonly BillingLocale[] = ['en', 'es', 'pt-BR', 'fr', 'de', 'it']

/**
 * The shipped language for any input — an account's stored locale, a request's tag, a host's
 * option. An exact match wins (case and `_` aside: "pt_br" → "pt-BR"), then the language alone
 * ("pt", "pt-PT" → "pt-BR"; "fr-CA" → "fr"; "es-MX" → "es"). Anything else, including no value,
 * is English ("nl", "", undefined → "en"): every text table has English, so nothing is left blank.
 */
export function toBillingLocale(value: unknown): BillingLocale {
  if (typeof value !== 'string') return 'en'
  const wanted = value.trim().replace(/_/g, '-').toLowerCase()
  const exact = LOCALES.find((locale) => locale.toLowerCase() === wanted)
  if (exact) return exact
  const language = wanted.split('-')[0]
  return LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === language) ?? 'en'
}
