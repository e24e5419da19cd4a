export { currencyExponent, defaultPresets, isCurrencyCode, SUPPORTED_CURRENCIES } from './currencies'
export {
  currencySymbol,
  decimalSeparator,
  formatMoney,
  formatMoneyInput,
  formatMoneyPlain,
  localeSeparators,
  minorToDecimalString,
  type FormatMoneyOptions,
} from './format'
export { parseMoneyInput, type MoneyParseError, type MoneyParseResult } from './parse'
