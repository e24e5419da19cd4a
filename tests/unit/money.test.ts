import fc from 'fast-check'
import { currencyExponent, SUPPORTED_CURRENCIES } from '../../src/money/currencies'
import { formatMoney, formatMoneyInput, minorToDecimalString } from '../../src/money/format'
import { parseMoneyInput } from '../../src/money/parse'

describe('money input', () => {
  it('round-trips 1.234,56 in es and 1,234.56 in en', () => {
    expect(parseMoneyInput('1.234,56', 'es', 'EUR')).toEqual({ ok: true, amount: 123456 })
    expect(parseMoneyInput('1,234.56', 'en', 'USD')).toEqual({ ok: true, amount: 123456 })
    expect(formatMoneyInput(123456, 'EUR', 'es')).toBe('1234,56')
    expect(formatMoneyInput(123456, 'USD', 'en')).toBe('1234.56')
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'invalid'],
    ['-5', 'negative'],
    ['12.345', 'too_many_decimals'],
    ['1e9', 'invalid'],
    ['1.2.3', 'invalid'],
    ['99999999999999999', 'too_large'],
  ])('rejects %j with %s', (text, error) => {
    expect(parseMoneyInput(text, 'en', 'USD')).toEqual({ ok: false, error })
  })

  it('accepts pasted values with currency symbols and codes', () => {
    expect(parseMoneyInput('$25.50', 'en', 'USD')).toEqual({ ok: true, amount: 2550 })
    expect(parseMoneyInput('25,50 €', 'es', 'EUR')).toEqual({ ok: true, amount: 2550 })
    expect(parseMoneyInput('USD 1,000', 'en', 'USD')).toEqual({ ok: true, amount: 100000 })
    expect(parseMoneyInput('MX$ 250', 'es-MX', 'MXN')).toEqual({ ok: true, amount: 25000 })
  })

  it('uses the Stripe exponent, not Intl: JPY whole, ISK and HUF in hundredths, KWD in thousandths', () => {
    expect(currencyExponent('JPY')).toBe(0)
    expect(currencyExponent('ISK')).toBe(2)
    expect(currencyExponent('HUF')).toBe(2)
    expect(currencyExponent('KWD')).toBe(3)
    expect(parseMoneyInput('500', 'en', 'JPY')).toEqual({ ok: true, amount: 500 })
    expect(parseMoneyInput('500', 'en', 'ISK')).toEqual({ ok: true, amount: 50000 })
    expect(parseMoneyInput('1.5', 'en', 'JPY')).toEqual({ ok: false, error: 'too_many_decimals' })
    expect(formatMoney({ amount: 50000, currency: 'ISK' }, 'en')).toContain('500')
  })

  it('writes exact decimals without floats', () => {
    expect(minorToDecimalString(1, 'USD')).toBe('0.01')
    expect(minorToDecimalString(-123456, 'USD')).toBe('-1234.56')
    expect(minorToDecimalString(1234, 'KWD')).toBe('1.234')
    expect(minorToDecimalString(9007199254740991, 'USD')).toBe('90071992547409.91')
  })

  it('round-trips any amount in every supported currency and both locales (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.constantFrom(...SUPPORTED_CURRENCIES),
        fc.constantFrom('es', 'en', 'es-MX', 'en-GB'),
        (amount, currency, locale) => {
          const text = formatMoneyInput(amount, currency, locale)
          expect(parseMoneyInput(text, locale, currency)).toEqual({ ok: true, amount })
          // What formatMoney shows can be pasted back.
          const shown = formatMoney({ amount, currency }, locale)
          const parsed = parseMoneyInput(shown, locale, currency)
          if (currency !== 'ISK' && currency !== 'HUF') expect(parsed).toEqual({ ok: true, amount })
        },
      ),
      { numRuns: 1000, seed: 20261126 },
    )
  })

  it('never throws on arbitrary text (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('es', 'en'), (text, locale) => {
        const result = parseMoneyInput(text, locale, 'USD')
        if (result.ok) expect(Number.isSafeInteger(result.amount) && result.amount >= 0).toBe(true)
      }),
      { numRuns: 1000, seed: 7 },
    )
  })
})
