import type { BillingLocaleCatalog } from '../../src/i18n'
import { de } from '../../src/locales/de'
import { es } from '../../src/locales/es'
import { fr } from '../../src/locales/fr'
import { it } from '../../src/locales/it'
import { ptBR } from '../../src/locales/pt-BR'

/** Every catalog the package ships besides the built-in English, by tag. */
export const CATALOGS = { es, 'pt-BR': ptBR, fr, de, it } satisfies Record<string, BillingLocaleCatalog>
export type ShippedTag = 'en' | keyof typeof CATALOGS

/** What a test passes to `<BillingProvider locale>` for a tag: the catalog, or "en" itself. */
export function localeFor(tag: ShippedTag | undefined): BillingLocaleCatalog | 'en' {
  return !tag || tag === 'en' ? 'en' : CATALOGS[tag]
}
