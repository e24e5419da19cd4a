// Every catalog the package ships, held against the built-in English: the same keys, the same
// placeholders, and no English left behind. A key added to a component's English messages fails
// here, naming each locale file that still needs it (src/locales/<tag>/<slice>.ts).
import { createI18n, en, type BillingLocaleCatalog } from '../../src/i18n'
import { formatMoneyInput, parseMoneyInput } from '../../src/money'
import { CATALOGS } from '../support/locales'

function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  if (typeof tree === 'object' && tree !== null) {
    for (const [key, value] of Object.entries(tree)) {
      for (const [path, leaf] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(path, leaf)
    }
  } else {
    out.set(prefix, tree)
  }
  return out
}

const english = leaves(en)

/** Paths of the plural messages: objects keyed by plural categories only. */
function pluralPaths(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return []
  const keys = Object.keys(tree)
  if (keys.includes('other') && keys.every((key) => ['zero', 'one', 'other'].includes(key))) return [prefix]
  return Object.entries(tree).flatMap(([key, value]) => pluralPaths(value, prefix ? `${prefix}.${key}` : key))
}
const placeholders = (text: unknown) =>
  typeof text === 'string' ? [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).toSorted() : []

/** Strings that are the same as the English one because they are the same word in that language. */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  all: [
    // Brands.
    'Visa',
    'Mastercard',
    'American Express',
    'Discover',
    'Diners Club',
    'JCB',
    'UnionPay',
    'Apple Pay',
    'Google Pay',
    'Link',
  ],
  // Tax IDs keep their official names; many countries are spelled the same.
  es: ['Total', 'CUIT (Argentina)', 'NIT (Colombia)', 'RUT (Chile)'],
  'pt-BR': ['Total', 'CUIT (Argentina)', 'RUT (Chile)', 'RUC (Peru)'],
  fr: [
    'Total',
    'Date',
    'Description',
    'Type',
    'Transactions',
    'Contact',
    'Province',
    'transactions-{date}.csv',
    '{count} transaction',
    '{count} transactions',
    '{count} type',
    '{count} types',
  ],
  de: ['Status', 'Name', 'optional', 'Region', 'County', 'RUT (Chile)', 'RUC (Peru)'],
  it: ['CUIT (Argentina)', 'NIT (Colombia)', 'Business Number (Canada)'],
}

/** English words that have no place in a translated billing string. */
const ENGLISH_WORDS =
  /\b(the|your|you|and|with|card|cards|payment|balance|invoice|invoices|subscription|wallet|added|charged|failed|try again|default|remove|save|loading)\b/i

describe.each(Object.entries(CATALOGS) as [string, BillingLocaleCatalog][])('the %s catalog', (tag, catalog) => {
  const translated = leaves(catalog.messages)

  it('is tagged with its own language', () => {
    expect(catalog.tag).toBe(tag)
  })

  it('has every English key and no other', () => {
    const missing = [...english.keys()].filter((key) => !translated.has(key))
    const extra = [...translated.keys()].filter((key) => !english.has(key))
    expect(missing, `keys missing in src/locales/${tag}/`).toEqual([])
    expect(extra, `keys in src/locales/${tag}/ that English no longer has`).toEqual([])
  })

  it('uses the same placeholders as English in every message', () => {
    const mismatched = [...english]
      .filter(([key, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(translated.get(key))))
      .map(([key]) => key)
    expect(mismatched).toEqual([])
  })

  it('leaves no English behind', () => {
    const allowed = new Set([...SAME_AS_ENGLISH.all, ...(SAME_AS_ENGLISH[tag] ?? [])])
    const untranslated = [...english]
      .filter(([key, text]) => {
        const own = translated.get(key)
        if (typeof text !== 'string' || own !== text || allowed.has(own)) return false
        // Only punctuation, symbols and placeholders ("{brand} •••• {last4}", "—") need no words.
        return /\p{L}/u.test(own.replace(/\{\w+\}/g, ''))
      })
      .map(([key]) => key)
    expect(untranslated).toEqual([])
    const englishWords = [...translated]
      .filter(([key, own]) => typeof own === 'string' && !allowed.has(own) && key !== 'common.brands.unknown')
      .filter(([, own]) => ENGLISH_WORDS.test((own as string).replace(/js\.stripe\.com|\{\w+\}/g, '')))
      .map(([key, own]) => `${key}: ${own}`)
    expect(englishWords).toEqual([])
  })

  it('writes every plural with the forms Intl.PluralRules picks from', () => {
    const plurals = pluralPaths(en)
    expect(plurals.length).toBeGreaterThan(10)
    const incomplete = plurals.filter((path) => !translated.has(`${path}.one`) || !translated.has(`${path}.other`))
    expect(incomplete).toEqual([])
    // The catalogs write `one` and `other`; every shipped language's rules use exactly those two or more.
    expect(new Intl.PluralRules(catalog.tag).resolvedOptions().pluralCategories).toEqual(
      expect.arrayContaining(['one', 'other']),
    )
  })
})

describe("each language's formats", () => {
  const i18n = (tag: keyof typeof CATALOGS) => createI18n(CATALOGS[tag])

  it.each([
    ['de', '1.234,56'],
    ['it', '1.234,56'],
    ['pt-BR', '1.234,56'],
    ['es', '1.234,56'],
    ['fr', '1 234,56'],
    ['fr', '1\u202f234,56'],
    ['fr', '1\u00a0234,56'],
    ['en', '1,234.56'],
  ] as const)('reads an amount typed in %s as %j', (tag, typed) => {
    expect(parseMoneyInput(typed, tag, 'EUR')).toEqual({ ok: true, amount: 123456 })
  })

  it.each(['es', 'pt-BR', 'fr', 'de', 'it'] as const)(
    'reads back in %s the amount it writes into a field, and a lone decimal comma',
    (tag) => {
      const written = formatMoneyInput(123456, 'EUR', tag)
      expect(written).toMatch(/^1\D?234,56$/)
      expect(parseMoneyInput(written, tag, 'EUR')).toEqual({ ok: true, amount: 123456 })
      expect(parseMoneyInput('25,5', tag, 'EUR')).toEqual({ ok: true, amount: 2550 })
    },
  )

  it('picks plurals by each language’s rules: French counts zero as one, the others do not', () => {
    const plural = (tag: keyof typeof CATALOGS, count: number) =>
      i18n(tag).plural(CATALOGS[tag].messages.transactions.showingAll, count)
    expect(plural('fr', 0)).toBe('0 transaction')
    expect(plural('fr', 2)).toBe('2 transactions')
    expect(plural('pt-BR', 1)).toBe('1 transação')
    expect(plural('pt-BR', 3)).toBe('3 transações')
    expect(plural('de', 0)).toBe('0 Transaktionen')
    expect(plural('de', 1)).toBe('1 Transaktion')
    expect(plural('it', 1)).toBe('1 transazione')
    expect(plural('it', 5)).toBe('5 transazioni')
  })

  it('names countries and currencies in the language, from Intl.DisplayNames', () => {
    expect(i18n('de').countryName('ES')).toBe('Spanien')
    expect(i18n('fr').countryName('DE')).toBe('Allemagne')
    expect(i18n('it').countryName('DE')).toBe('Germania')
    expect(i18n('pt-BR').countryName('DE')).toBe('Alemanha')
    expect(i18n('de').currencyName('USD')).toBe('US-Dollar')
    expect(i18n('fr').currencyName('EUR')).toBe('euro')
  })

  it('formats money the way each language writes it', () => {
    const eur = { amount: 123456, currency: 'EUR' }
    expect(i18n('de').formatMoney(eur)).toBe('1.234,56\u00a0€')
    expect(i18n('fr').formatMoney(eur)).toBe('1\u202f234,56\u00a0€')
    expect(i18n('pt-BR').formatMoney({ amount: 123456, currency: 'BRL' })).toBe('R$\u00a01.234,56')
    expect(i18n('it').formatMoney(eur)).toBe('1234,56\u00a0€')
  })
})
