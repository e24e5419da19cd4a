import { currencyExponent } from './currencies'
import { localeSeparators } from './format'

export type MoneyParseError = 'empty' | 'invalid' | 'negative' | 'too_many_decimals' | 'too_large'

export type MoneyParseResult = { ok: true; amount: number } | { ok: false; error: MoneyParseError }

/** Anything above this many minor units is refused rather than risk precision. */
const MAX_MINOR = 1e13

/**
 * Parses what a person typed into an integer minor amount, by locale:
 * `1.234,56` (es) and `1,234.56` (en) both give 123456. Currency symbols, codes and spaces
 * around the number are ignored; letters, exponents, signs and extra decimals are refused.
 */
export function parseMoneyInput(text: string, locale: string, currency: string): MoneyParseResult {
  const exponent = currencyExponent(currency)
  let value = text.normalize('NFKC').trim()
  if (value === '') return { ok: false, error: 'empty' }

  // Drop a currency code or symbol typed or pasted around the number.
  value = stripCurrencyAffixes(value)
  value = value.replace(/[\s\u00a0\u202f']/g, '')
  if (value === '') return { ok: false, error: 'invalid' }
  if (/^[-\u2212]/.test(value) || /^\(.*\)$/.test(value)) {
    return /\d/.test(value) ? { ok: false, error: 'negative' } : { ok: false, error: 'invalid' }
  }
  if (value.startsWith('+')) value = value.slice(1)
  if (!/^[\d.,]+$/.test(value) || !/\d/.test(value)) return { ok: false, error: 'invalid' }

  const { decimal, group } = localeSeparators(locale)
  const lastDot = value.lastIndexOf('.')
  const lastComma = value.lastIndexOf(',')
  let decimalMark: string | null = null
  if (lastDot !== -1 && lastComma !== -1) {
    // Both present: the later one is the decimal mark.
    decimalMark = lastDot > lastComma ? '.' : ','
  } else if (lastDot !== -1 || lastComma !== -1) {
    const mark = lastDot !== -1 ? '.' : ','
    const count = value.split(mark).length - 1
    const groups = value.split(mark)
    const looksGrouped = groups.slice(1).every((g) => g.length === 3) && groups[0].length >= 1 && groups[0].length <= 3
    if (mark === decimal && count === 1) decimalMark = mark
    else if (mark === group && looksGrouped) decimalMark = null
    else if (count === 1) decimalMark = mark
    else if (looksGrouped) decimalMark = null
    else return { ok: false, error: 'invalid' }
  }

  let whole = value
  let fraction = ''
  if (decimalMark) {
    const at = value.lastIndexOf(decimalMark)
    whole = value.slice(0, at)
    fraction = value.slice(at + 1)
    if (/[.,]/.test(fraction)) return { ok: false, error: 'invalid' }
  }
  const groupMark = decimalMark === '.' ? ',' : decimalMark === ',' ? '.' : null
  if (groupMark && whole.includes(groupMark)) {
    const parts = whole.split(groupMark)
    if (!parts.slice(1).every((g) => g.length === 3) || parts[0].length === 0 || parts[0].length > 3) {
      return { ok: false, error: 'invalid' }
    }
  }
  whole = whole.replace(/[.,]/g, '')
  if (whole === '') whole = '0'
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) return { ok: false, error: 'invalid' }

  const trimmedFraction = fraction.replace(/0+$/, '')
  if (trimmedFraction.length > exponent) return { ok: false, error: 'too_many_decimals' }

  const digits = (whole + fraction.padEnd(exponent, '0').slice(0, exponent)).replace(/^0+(?=\d)/, '')
  if (digits.length > 15) return { ok: false, error: 'too_large' }
  const amount = Number(digits)
  if (!Number.isSafeInteger(amount) || amount > MAX_MINOR) return { ok: false, error: 'too_large' }
  return { ok: true, amount }
}

/**
 * Removes a currency sign or code before or after the number ("$", "US$", "MX$", "S/", "EUR",
 * "€"), at most a few letters, so "1e9" or "25abcdef" still count as garbage.
 */
function stripCurrencyAffixes(text: string): string {
  const affix = /^(?=[^\d]*[\p{L}\p{Sc}])(?:[\p{Lu}\p{Ll}]{0,3}[\p{Sc}/]?[\p{Lu}\p{Ll}]{0,3})$/u
  const lead = text.match(/^[^\d+\-\u2212(.,]*/u)?.[0] ?? ''
  const trail = text.match(/[^\d.,)]*$/u)?.[0] ?? ''
  let out = text
  if (lead && affix.test(lead.replace(/[\s\u00a0\u202f]/g, ''))) out = out.slice(lead.length)
  if (trail && trail.length < out.length && affix.test(trail.replace(/[\s\u00a0\u202f]/g, ''))) {
    out = out.slice(0, out.length - trail.length)
  }
  return out
}
