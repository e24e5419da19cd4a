import { render, screen } from '@testing-library/react'
import { createMemoryAdapter } from '../../src/adapter/memory'
import { WalletCard } from '../../src/components/WalletCard'
import { BillingProvider } from '../../src/provider'
import { en, mergeMessages } from '../../src/i18n'
import { es } from '../../src/locales/es'
import { CATALOGS } from '../support/locales'

const messagesByTag = Object.fromEntries(Object.entries(CATALOGS).map(([tag, catalog]) => [tag, catalog.messages]))
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
  it('have no empty message in any locale', () => {
    for (const [locale, catalog] of Object.entries({ en, ...messagesByTag })) {
      const empty = [...leaves(catalog)].filter(([, v]) => typeof v === 'string' && v.trim() === '').map(([k]) => k)
      expect(empty, `empty messages in ${locale}`).toEqual([])
    }
  })

  it('uses the help article wording for the Spanish wallet and card actions', () => {
    const all = [...leaves(es.messages).values()].filter((v) => typeof v === 'string').join('\n')
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
    const spanish = createI18n(es)
    const english = createI18n('en')
    expect(spanish.formatMoney({ amount: 2550, currency: 'EUR' })).toBe('25,50\u00a0€')
    expect(english.formatMoney({ amount: 2550, currency: 'USD' })).toBe('$25.50')
    expect(createI18n({ ...es, tag: 'es-MX' }).formatMoney({ amount: 2550, currency: 'MXN' })).toBe('$25.50')
  })

  it('shows English, formatted in English, for a tag without its catalog, and names the import', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const bare = createI18n('fr-CA')
    expect(bare.locale).toBe('en')
    expect(bare.intlLocale).toBe('en')
    expect(bare.messages.ui.retry).toBe('Try again')
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("import { fr } from 'react-billing-panel/locales/fr'"))
    expect(createI18n('en-GB').intlLocale).toBe('en-GB')
    warn.mockRestore()
  })

  it('takes a regional tag from a spread catalog: Spanish strings, Argentine formats', () => {
    const i18n = createI18n({ ...es, tag: 'es-AR' })
    expect(i18n.locale).toBe('es')
    expect(i18n.intlLocale).toBe('es-AR')
    expect(i18n.messages.ui.retry).toBe(es.messages.ui.retry)
  })
})

describe("each component's strings travel with its code", () => {
  it('a host override of a component string reaches that component, in the chosen locale', async () => {
    render(
      <BillingProvider
        adapter={createMemoryAdapter({ seed: 1 })}
        locale={es}
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
    const first = i18n.slice('transactions', en.transactions)
    expect(first.title).toBe('Ledger')
    expect(first.filters).toEqual(en.transactions.filters)
    expect(i18n.slice('transactions', en.transactions)).toBe(first)
    expect(createI18n(es).slice('transactions', en.transactions).title).toBe(es.messages.transactions.title)
  })

  it('falls back to English for a key a host catalog lacks, so an older catalog never shows a hole', () => {
    const { wallet, ...rest } = es.messages
    const { title: _dropped, ...walletWithoutTitle } = wallet
    const i18n = createI18n({ tag: 'es', messages: { ...rest, wallet: walletWithoutTitle as typeof wallet } })
    const merged = i18n.slice('wallet', en.wallet)
    expect(merged.title).toBe(en.wallet.title)
    expect(merged.loading).toBe(es.messages.wallet.loading)
  })
})
