// @vitest-environment node
// Every text the back end and the memory adapter write — ledger descriptions, usage labels, seeded
// names, usage refusals, emails, PDF documents — held against English in each shipped language:
// the same keys, and no English left behind. A key added to an English table fails here, naming
// the table and the language that still needs it.
import { createMemoryAdapter } from '../../src/adapter/memory'
import { CREDIT_TEXT, PLAN_TEXT, SUBSCRIPTION_TEXT } from '../../src/adapter/memory/seed'
import { LEDGER_TEXT, USAGE_UNIT_TEXT, usageDescription } from '../../src/adapter/memory/text'
import { catalogTag } from '../../src/i18n/catalog'
import { type BillingLocale, LOCALES, toBillingLocale } from '../../src/i18n/locales'
import { DOCUMENT_TEXT } from '../../src/server/documents/text'
import { EMAIL_COPY, type ReceiptFacts } from '../../src/server/service/emails'
import { USAGE_MESSAGES } from '../../src/server/service/usage'

const TABLES: Record<string, Record<BillingLocale, unknown>> = {
  LEDGER_TEXT,
  USAGE_UNIT_TEXT,
  PLAN_TEXT,
  SUBSCRIPTION_TEXT,
  CREDIT_TEXT,
  USAGE_MESSAGES,
  EMAIL_COPY,
  DOCUMENT_TEXT,
}

const receipt = (overrides: Partial<ReceiptFacts> = {}): ReceiptFacts => ({
  brand: 'Acme',
  name: 'Ada',
  amount: '25,50 €',
  card: 'Visa •••• 4242',
  balance: '120,00 €',
  number: 'RCP-2026-00001',
  auto: false,
  ...overrides,
})

/**
 * Arguments each function in a table is called with, covering its branches. Neutral on purpose
 * (names, brands, amounts), so a rendered text equal to the English one means untranslated words.
 */
const SAMPLES: Record<string, unknown[][]> = {
  'LEDGER_TEXT.subscription': [
    ['Pro', 1],
    ['Pro', 3],
  ],
  'LEDGER_TEXT.planChange': [['Pro']],
  'LEDGER_TEXT.refund': [['Pro']],
  'LEDGER_TEXT.creditGrant': [['Pro']],
  'LEDGER_TEXT.creditsExpired': [['Pro'], [null]],
  'LEDGER_TEXT.unusedTime': [['Pro']],
  'LEDGER_TEXT.remainingTime': [['Pro']],
  'EMAIL_COPY.receiptSubject': [[receipt()], [receipt({ auto: true })]],
  'EMAIL_COPY.receiptBody': [[receipt()], [receipt({ auto: true, card: null })]],
  'EMAIL_COPY.lowSubject': [['Acme']],
  'EMAIL_COPY.lowBody': [['Ada', '9,00 €', '10,00 €', 'Acme']],
  'EMAIL_COPY.pausedSubject': [['Acme']],
  'EMAIL_COPY.pausedBody': [
    ['Ada', 'no_payment_method', 'Acme'],
    ['Ada', 'card_declined', 'Acme'],
  ],
  'DOCUMENT_TEXT.page': [[1, 2]],
}

/** Every string a table holds, functions rendered with their samples ("path(0)", "path(1)"…). */
function leaves(tree: unknown, path: string, out = new Map<string, unknown>()): Map<string, unknown> {
  if (typeof tree === 'function') {
    const table = path.split('.')[0]
    const key = [table, ...path.split('.').slice(2)].join('.')
    const samples = SAMPLES[key]
    if (!samples) out.set(path, new Error(`no samples for ${key} in SAMPLES`))
    else for (const [i, args] of samples.entries()) out.set(`${path}(${i})`, tree(...args))
  } else if (typeof tree === 'object' && tree !== null) {
    for (const [key, value] of Object.entries(tree)) leaves(value, `${path}.${key}`, out)
  } else {
    out.set(path, tree)
  }
  return out
}

/** The same in English and in the language: acronyms, brands, product names and shared words. */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  all: ['SMS', 'Total'],
  es: [],
  'pt-BR': [],
  fr: ['message', 'messages', 'minute', 'minutes', 'Description'],
  de: ['Status'],
  it: [],
}

/** English words that have no place in a translated billing text. */
const ENGLISH_WORDS =
  /\b(the|your|you|and|with|card|payment|balance|invoice|receipt|subscription|wallet|added|funds|credits|refund|usage|time|plan change|settings|billing|hello|paid|failed|top-up)\b/i

const english = new Map(Object.entries(TABLES).flatMap(([name, table]) => [...leaves(table.en, `${name}.en`)]))
const inEnglish = (path: string, locale: string) => path.replace(`.${locale}.`, '.en.').replace(`.${locale}(`, '.en(')

describe('the server text tables', () => {
  it.each(Object.keys(TABLES))('%s has exactly the shipped locales', (name) => {
    expect(Object.keys(TABLES[name]).toSorted()).toEqual([...LOCALES].toSorted())
  })

  it('renders every function with samples', () => {
    const missing = [...english].filter(([, value]) => value instanceof Error).map(([, error]) => String(error))
    expect(missing).toEqual([])
  })
})

describe.each(LOCALES.filter((locale) => locale !== 'en'))('the server text in %s', (locale) => {
  const translated = new Map(
    Object.entries(TABLES).flatMap(([name, table]) => [...leaves(table[locale], `${name}.${locale}`)]),
  )
  const plurals = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[]
  /** A plural form English does not need but this language does ("1.000.000 de mensajes"). */
  const extraPlural = (path: string) => /\.count\.\w+$/.test(path) && plurals.includes(path.split('.').at(-1) ?? '')

  it('has every English key, and no other but its own plural forms', () => {
    const missing = [...english.keys()]
      .map((path) => path.replace('.en', `.${locale}`))
      .filter((path) => !translated.has(path))
    const extra = [...translated.keys()].filter((path) => !english.has(inEnglish(path, locale)) && !extraPlural(path))
    expect(missing).toEqual([])
    expect(extra).toEqual([])
  })

  it('writes a usage count for each plural category its rules pick', () => {
    for (const [unit, words] of Object.entries(USAGE_UNIT_TEXT[locale])) {
      const written = Object.keys(words.count)
      expect(
        plurals.filter((category) => !written.includes(category)),
        unit,
      ).toEqual([])
    }
  })

  it('leaves no English behind', () => {
    const allowed = new Set([...SAME_AS_ENGLISH.all, ...(SAME_AS_ENGLISH[locale] ?? [])])
    const same = [...translated]
      .filter(([path, own]) => typeof own === 'string' && own === english.get(inEnglish(path, locale)))
      .filter(([, own]) => !allowed.has(own as string))
      .map(([path, own]) => `${path}: ${own}`)
    expect(same).toEqual([])
    const englishWords = [...translated]
      .filter(([, own]) => typeof own === 'string' && !allowed.has(own) && ENGLISH_WORDS.test(own))
      .map(([path, own]) => `${path}: ${own}`)
    expect(englishWords).toEqual([])
  })
})

describe('toBillingLocale', () => {
  it.each([
    ['de', 'de'],
    ['pt-BR', 'pt-BR'],
    ['pt_br', 'pt-BR'],
    ['PT', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['fr-CA', 'fr'],
    ['es-MX', 'es'],
    ['it-CH', 'it'],
    ['en-GB', 'en'],
    ['nl', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [42, 'en'],
  ])('%j → %s', (input, expected) => {
    expect(toBillingLocale(input)).toBe(expected)
  })

  it('agrees with the panel on every tag the panel ships a catalog for', () => {
    for (const tag of ['pt', 'fr-CA', 'de-AT', 'es-419', 'it', 'en-US'])
      expect(toBillingLocale(tag)).toBe(catalogTag(tag))
  })
})

describe('usage descriptions', () => {
  it('pick the noun by the language’s plural rules and write the count its way', () => {
    expect(usageDescription('de', 'call_minute', 1)).toBe('Anrufe — 1 Minute')
    expect(usageDescription('de', 'call_minute', 1500)).toBe('Anrufe — 1.500 Minuten')
    // French counts zero as one; a million takes "de".
    expect(usageDescription('fr', 'sms', 0)).toBe('SMS — 0 message')
    expect(usageDescription('fr', 'sms', 1_000_000)).toBe('SMS — 1\u202f000\u202f000 de messages')
    expect(usageDescription('es', 'email', 2_000_000)).toBe('Correo electrónico — 2.000.000 de correos')
    expect(usageDescription('it', 'ai_request', 3)).toBe('Assistente IA — 3 richieste')
    expect(usageDescription('pt-BR', 'phone_number', 1)).toBe('Número de telefone — 1 número')
  })
})

describe('the memory adapter in pt-BR', () => {
  const NOW = new Date('2026-11-26T15:00:00Z')
  const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'pt-BR' })

  it('seeds plans, subscriptions and credits in Portuguese', async () => {
    const subscriptions = await memory.listSubscriptions()
    expect(subscriptions.map((s) => s.name)).toContain('Gestão de redes sociais')
    const platform = subscriptions.find((s) => s.kind === 'platform')
    expect((await memory.listPlans(platform?.id ?? '')).map((p) => p.name)).toEqual([
      'Plano Agência Básico',
      'Plano Agência Pro',
      'Plano Agência SaaS Pro',
    ])
    expect((await memory.getWallet()).credits.map((c) => c.description)).toEqual([
      'Promoção de aniversário',
      'Créditos de boas-vindas',
    ])
  })

  it('writes history and new usage in Portuguese', async () => {
    const { entries } = await memory.listLedger({ limit: 200 })
    const descriptions = entries.map((e) => e.description)
    expect(descriptions.some((d) => d.startsWith('Assinatura — '))).toBe(true)
    expect(descriptions.filter((d) => ENGLISH_WORDS.test(d))).toEqual([])
    const used = await memory.simulateUsage({ unit: 'sms', quantity: 3 })
    expect(used.entries.at(-1)?.description).toBe('SMS — 3 mensagens')
  })

  it('takes any BillingLocale and keeps Spanish as the default', async () => {
    const spanish = createMemoryAdapter({ seed: 1, now: () => NOW })
    expect((await spanish.getWallet()).credits[0].description).toBe('Promoción de aniversario')
    for (const locale of LOCALES) {
      const adapter = createMemoryAdapter({ seed: 1, now: () => NOW, locale })
      expect((await adapter.getWallet()).credits[0].description).toBe(CREDIT_TEXT[locale].promo)
    }
  })
})
