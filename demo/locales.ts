import type { BillingLocale, BillingLocaleCatalog } from '../src/i18n'
import { de } from '../src/locales/de'
import { es } from '../src/locales/es'
import { fr } from '../src/locales/fr'
import { it } from '../src/locales/it'
import { ptBR } from '../src/locales/pt-BR'

/** Every language the demo offers, as a host imports them: English built in, the rest by import. */
export const DEMO_LOCALES = ['es', 'en', 'pt-BR', 'fr', 'de', 'it'] as const satisfies readonly BillingLocale[]
export type DemoLocale = (typeof DEMO_LOCALES)[number]

export const LANGUAGE_NAMES: Record<DemoLocale, string> = {
  es: 'Español',
  en: 'English',
  'pt-BR': 'Português (Brasil)',
  fr: 'Français',
  de: 'Deutsch',
  it: 'Italiano',
}

const CATALOGS: Record<Exclude<DemoLocale, 'en'>, BillingLocaleCatalog> = { es, 'pt-BR': ptBR, fr, de, it }

/** What the demo passes to `<BillingProvider locale>`. */
export function providerLocale(locale: DemoLocale): BillingLocaleCatalog | 'en' {
  return locale === 'en' ? 'en' : CATALOGS[locale]
}

/** "pt-br", "PT_BR", "pt" → "pt-BR"; anything unknown → null. */
export function demoLocale(value: string | null | undefined): DemoLocale | null {
  if (!value) return null
  const wanted = value.replace('_', '-').toLowerCase()
  return (
    DEMO_LOCALES.find((tag) => tag.toLowerCase() === wanted) ??
    DEMO_LOCALES.find((tag) => tag.split('-')[0] === wanted.split('-')[0]) ??
    null
  )
}

/**
 * The reference server's demo account for a language: it seeds a Spanish and an English one
 * (examples/server/main.ts), so the other languages show the English account's data there. The
 * memory adapter seeds every language itself.
 */
export function serverDemoToken(locale: DemoLocale): 'demo-es' | 'demo-en' {
  return locale === 'es' ? 'demo-es' : 'demo-en'
}
