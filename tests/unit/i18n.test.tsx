import { render, screen } from '@testing-library/react'
import { createMemoryAdapter } from '../../src/adapter/memory'
import { WalletCard } from '../../src/components/WalletCard'
import { BillingProvider } from '../../src/provider'
import { CATALOGS, en, es, mergeMessages } from '../../src/i18n'
import { countryName, interpolate, selectPlural } from '../../src/i18n/format'
import { createI18n } from '../../src/i18n/context'

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

describe('message catalogs', () => {
  const enLeaves = leaves(en)
  const esLeaves = leaves(es)

  it('have exactly the same keys in es and en', () => {
    const missingInEs = [...enLeaves.keys()].filter((k) => !esLeaves.has(k))
    const missingInEn = [...esLeaves.keys()].filter((k) => !enLeaves.has(k))
    expect(missingInEs).toEqual([])
    expect(missingInEn).toEqual([])
  })

  it('have no empty message in either locale', () => {
    for (const [locale, catalog] of Object.entries(CATALOGS)) {
      const empty = [...leaves(catalog)].filter(([, v]) => typeof v === 'string' && v.trim() === '').map(([k]) => k)
      expect(empty, `empty messages in ${locale}`).toEqual([])
    }
  })

  it('use the same placeholders in es and en', () => {
    const placeholders = (s: unknown) =>
      typeof s === 'string' ? [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).toSorted() : []
    const mismatched = [...enLeaves]
      .filter(([k, v]) => JSON.stringify(placeholders(v)) !== JSON.stringify(placeholders(esLeaves.get(k))))
      .map(([k]) => k)
    expect(mismatched).toEqual([])
  })

  it('uses the help article wording for the Spanish wallet and card actions', () => {
    const all = [...esLeaves.values()].filter((v) => typeof v === 'string').join('\n')
    expect(all).toContain('Agregar Fondos')
    expect(all).toContain('Agregar Nueva Tarjeta')
  })
})

describe('overrides and formatting', () => {
  it('merges deep-partial host overrides without losing the rest', () => {
    const merged = mergeMessages(en, { common: { errors: { network: 'Offline!' } } })
    expect(merged.common.errors.network).toBe('Offline!')
    expect(merged.common.errors.timeout).toBe(en.common.errors.timeout)
    expect(en.common.errors.network).not.toBe('Offline!')
  })

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{brand} •••• {last4}', { brand: 'Visa', last4: '4242' })).toBe('Visa •••• 4242')
    expect(interpolate('Hola {name}', {})).toBe('Hola {name}')
  })

  it('picks plural forms by locale', () => {
    expect(selectPlural({ one: '1 mes', other: '{count} meses' }, 1, 'es')).toBe('1 mes')
    expect(selectPlural({ one: '1 month', other: '{count} months' }, 3, 'en')).toBe('3 months')
  })

  it('names countries in the user language', () => {
    expect(countryName('MX', 'es')).toBe('México')
    expect(countryName('ES', 'en')).toBe('Spain')
    expect(countryName('not a code', 'en')).toBe('not a code')
  })

  it('formats money by locale: 25,50 € and $25.50', () => {
    const es = createI18n('es')
    const en = createI18n('en')
    expect(es.formatMoney({ amount: 2550, currency: 'EUR' })).toBe('25,50\u00a0€')
    expect(en.formatMoney({ amount: 2550, currency: 'USD' })).toBe('$25.50')
    expect(createI18n('es-MX').formatMoney({ amount: 2550, currency: 'MXN' })).toBe('$25.50')
  })

  it('falls back to English for an unknown locale', () => {
    expect(createI18n('fr').locale).toBe('en')
    expect(createI18n('es-AR').locale).toBe('es')
  })
})

describe("each component's strings travel with its code", () => {
  it('a host override of a component string reaches that component, in the chosen locale', async () => {
    render(
      <BillingProvider
        adapter={createMemoryAdapter({ seed: 1 })}
        locale="es"
        messages={{ wallet: { title: 'Saldo prepago' }, ui: { retry: 'Probar de nuevo' } }}
      >
        <WalletCard />
      </BillingProvider>,
    )
    expect(await screen.findByRole('heading', { name: 'Saldo prepago' })).toBeInTheDocument()
    // Everything the host left out stays in Spanish.
    expect(await screen.findByRole('button', { name: 'Agregar Fondos' })).toBeInTheDocument()
  })

  it('merges a slice once per provider value and keeps the rest of the catalog', () => {
    const i18n = createI18n('en', { transactions: { title: 'Ledger' } })
    const first = i18n.slice('transactions', { en: en.transactions, es: es.transactions })
    expect(first.title).toBe('Ledger')
    expect(first.filters).toEqual(en.transactions.filters)
    expect(i18n.slice('transactions', { en: en.transactions, es: es.transactions })).toBe(first)
    expect(createI18n('es').slice('transactions', { en: en.transactions, es: es.transactions }).title).toBe(
      es.transactions.title,
    )
  })
})
