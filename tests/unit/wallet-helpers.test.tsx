import type { PaymentMethod, Wallet } from '../../src/adapter/types'
import { autoRechargeSummary } from '../../src/components/WalletCard'
import { checkDraft, draftFromWallet } from '../../src/components/WalletCard/autoRechargeDraft'
import { availableTotal, creditsTotal, isLowBalance, topUpPresets } from '../../src/components/WalletCard/walletMath'
import { createI18n } from '../../src/i18n'
import { es as spanish } from '../../src/locales/es'

const usd = (amount: number) => ({ amount, currency: 'USD' })
const visa: PaymentMethod = {
  id: 'pm_1',
  type: 'card',
  brand: 'visa',
  last4: '4242',
  expMonth: 12,
  expYear: 2030,
  isDefault: true,
}

function wallet(overrides: Partial<Wallet> = {}): Wallet {
  return {
    currency: 'USD',
    balance: usd(4250),
    credits: [],
    topUp: { min: usd(1000), max: usd(100000), presets: [] },
    autoRecharge: {
      enabled: true,
      threshold: usd(1000),
      mode: 'fixed',
      amount: usd(2500),
      monthlyCap: null,
      paused: null,
      consecutiveFailures: 0,
      lastAttempt: null,
      chargedThisMonth: usd(0),
    },
    ...overrides,
  }
}

describe('autoRechargeSummary', () => {
  const en = createI18n('en')
  const es = createI18n(spanish)
  const settings = { enabled: true, threshold: usd(1000), mode: 'fixed' as const, amount: usd(2500), monthlyCap: null }

  it('says the rule in one line, in English and Spanish', () => {
    expect(autoRechargeSummary(settings, visa, en)).toBe(
      'When the balance falls below $10.00, add $25.00 to Visa •••• 4242',
    )
    expect(autoRechargeSummary(settings, visa, es)).toBe(
      'Cuando el saldo baje de 10,00\u00a0US$, se agregarán 25,00\u00a0US$ con Visa •••• 4242',
    )
  })

  it('names the target for "restore the balance to", the cap when there is one, and the default card when unknown', () => {
    expect(
      autoRechargeSummary({ ...settings, mode: 'target', amount: usd(8000), monthlyCap: usd(20000) }, null, en),
    ).toBe('When the balance falls below $10.00, restore it to $80.00 with your default card (up to $200.00 a month)')
  })

  it('says it is off when it is off', () => {
    expect(autoRechargeSummary({ ...settings, enabled: false }, visa, es)).toBe(
      'La recarga automática está desactivada',
    )
  })
})

describe('wallet figures', () => {
  it('adds credits in the wallet currency to what is available, and leaves others out', () => {
    const w = wallet({
      credits: [
        { id: 'a', remaining: usd(730), expiresAt: null },
        { id: 'b', remaining: { amount: 999, currency: 'EUR' }, expiresAt: null },
      ],
    })
    expect(creditsTotal(w)).toEqual(usd(730))
    expect(availableTotal(w)).toEqual(usd(4980))
  })

  it('is low at or under the threshold, whether or not auto-recharge is on', () => {
    expect(isLowBalance(wallet({ balance: usd(1000) }))).toBe(true)
    expect(isLowBalance(wallet({ balance: usd(1001) }))).toBe(false)
    const off = wallet({ balance: usd(-50) })
    off.autoRecharge.enabled = false
    expect(isLowBalance(off)).toBe(true)
  })

  it('uses the adapter presets inside the limits, else sensible ones for the currency', () => {
    expect(
      topUpPresets(wallet({ topUp: { min: usd(1000), max: usd(5000), presets: [usd(500), usd(2500), usd(9000)] } })),
    ).toEqual([2500])
    expect(topUpPresets(wallet())).toEqual([1000, 2500, 5000, 10000])
    const mxn = { amount: 0, currency: 'MXN' }
    expect(
      topUpPresets({
        currency: 'MXN',
        topUp: { min: { ...mxn, amount: 100 }, max: { ...mxn, amount: 10_000_000 }, presets: [] },
      }),
    ).toEqual([20000, 50000, 100000, 200000])
  })
})

describe('auto-recharge draft', () => {
  const en = createI18n('en')

  it('starts from the saved settings', () => {
    expect(draftFromWallet(wallet(), [1000, 2500], 'en')).toEqual({
      enabled: true,
      threshold: '10.00',
      mode: 'fixed',
      amount: '25.00',
      capEnabled: false,
      cap: '',
    })
  })

  it('turns a valid draft into settings in minor units', () => {
    const result = checkDraft(
      { enabled: true, threshold: '0', mode: 'target', amount: '80', capEnabled: true, cap: '80' },
      wallet(),
      en,
    )
    expect(result).toEqual({
      ok: true,
      settings: { enabled: true, threshold: usd(0), mode: 'target', amount: usd(8000), monthlyCap: usd(8000) },
    })
  })

  it('saves "off" with the last saved amounts, ignoring what is in the hidden fields', () => {
    const result = checkDraft(
      { enabled: false, threshold: 'abc', mode: 'target', amount: '', capEnabled: true, cap: '-1' },
      wallet(),
      en,
    )
    expect(result).toEqual({
      ok: true,
      settings: { enabled: false, threshold: usd(1000), mode: 'fixed', amount: usd(2500), monthlyCap: null },
    })
  })

  it('checks the cap against the smallest recharge a target can make', () => {
    const result = checkDraft(
      { enabled: true, threshold: '10', mode: 'target', amount: '50', capEnabled: true, cap: '39.99' },
      wallet(),
      en,
    )
    expect(result).toEqual({
      ok: false,
      errors: { monthlyCap: 'The monthly limit must cover at least one recharge ($40.00).' },
    })
  })
})
