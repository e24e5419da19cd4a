import { useId, useState, type ComponentProps, type ReactNode } from 'react'
import { interpolate, useBillingI18n } from '../i18n'
import { currencyExponent, currencySymbol, formatMoney, formatMoneyInput, parseMoneyInput } from '../money'
import type { MoneyParseError, MoneyParseResult } from '../money'
import { cx } from './cx'
import { Field, useFieldControl } from './Field'
import type { UiMessages } from './messages'
import { VisuallyHidden } from './VisuallyHidden'

export type MoneyInputError = MoneyParseError | 'below_min' | 'above_max'
export type MoneyCheckResult = { ok: true; amount: number } | { ok: false; error: MoneyInputError }

export interface MoneyLimits {
  locale: string
  currency: string
  /** Minor units. */
  min?: number
  max?: number
}

/** Parses by locale, then checks the adapter's limits. */
export function checkMoneyText(text: string, { locale, currency, min, max }: MoneyLimits): MoneyCheckResult {
  const parsed = parseMoneyInput(text, locale, currency)
  if (!parsed.ok) return parsed
  if (min !== undefined && parsed.amount < min) return { ok: false, error: 'below_min' }
  if (max !== undefined && parsed.amount > max) return { ok: false, error: 'above_max' }
  return parsed
}

/** The sentence that tells the person how to fix what they typed, with an example in their locale. */
export function moneyErrorMessage(error: MoneyInputError, messages: UiMessages, limits: MoneyLimits): string {
  const { locale, currency, min, max } = limits
  const text = messages.money
  const exponent = currencyExponent(currency)
  switch (error) {
    case 'empty':
      return text.empty
    case 'negative':
      return text.negative
    case 'too_large':
      return text.too_large
    case 'too_many_decimals':
      return exponent === 0 ? text.no_decimals : interpolate(text.too_many_decimals, { decimals: exponent })
    case 'below_min':
      return min === undefined
        ? text.invalid
        : interpolate(text.belowMin, { min: formatMoney({ amount: min, currency }, locale) })
    case 'above_max':
      return max === undefined
        ? text.invalid
        : interpolate(text.aboveMax, { max: formatMoney({ amount: max, currency }, locale) })
    default: {
      // 25.50 in the currency's own digits: "25,50" (es), "25.50" (en), "25" (JPY).
      const example = exponent === 0 ? 25 : 25 * 10 ** exponent + 5 * 10 ** (exponent - 1)
      return interpolate(text.invalid, { example: formatMoneyInput(example, currency, locale) })
    }
  }
}

function symbolComesFirst(currency: string, locale: string): boolean {
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(1)
  return parts.findIndex((p) => p.type === 'currency') < parts.findIndex((p) => p.type === 'integer')
}

export interface MoneyInputProps
  extends Omit<ComponentProps<'input'>, 'value' | 'defaultValue' | 'onChange' | 'type' | 'inputMode'> {
  /** What the person typed, kept as text so the caret never jumps. */
  value: string
  onValueChange: (text: string, parsed: MoneyParseResult) => void
  currency: string
  /** Defaults to the panel's locale. Decides whether "1.234,56" or "1,234.56" is read. */
  locale?: string
}

/** Amount entry: text in, minor units out. Nothing is reformatted while typing. */
export function MoneyInput({
  value,
  onValueChange,
  currency,
  locale: localeProp,
  className,
  style,
  'aria-describedby': describedByProp,
  ...props
}: MoneyInputProps) {
  const { intlLocale, messages, currencyName } = useBillingI18n()
  const locale = localeProp ?? intlLocale
  const control = useFieldControl()
  const hintId = `bp-money${useId().replace(/:/g, '')}-currency`
  const symbolFirst = symbolComesFirst(currency, locale)
  const describedBy = [describedByProp ?? control['aria-describedby'], hintId].filter(Boolean).join(' ')
  return (
    <div
      data-slot="money-input"
      data-symbol={symbolFirst ? 'start' : 'end'}
      className={cx('bp-input-group', 'bp-money-input', className)}
      style={style}
    >
      <span className="bp-input-adornment" aria-hidden="true">
        {currencySymbol(currency, locale)}
      </span>
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        className="bp-input bp-money-input-control"
        {...control}
        {...props}
        aria-describedby={describedBy}
        value={value}
        onChange={(event) => onValueChange(event.target.value, parseMoneyInput(event.target.value, locale, currency))}
      />
      <VisuallyHidden id={hintId}>
        {interpolate(messages.ui.money.amountIn, { currency: `${currencyName(currency)} (${currency})` })}
      </VisuallyHidden>
    </div>
  )
}

export interface MoneyFieldProps extends Omit<MoneyInputProps, 'onValueChange'> {
  label: ReactNode
  description?: ReactNode
  onValueChange: (text: string, result: MoneyCheckResult) => void
  /** Minor units. */
  min?: number
  max?: number
  required?: boolean
  /** An error from elsewhere (e.g. the server); wins over the local check. */
  error?: ReactNode
  /** Show the local check before the field is left, e.g. after a submit attempt. */
  showError?: boolean
}

/**
 * Field + MoneyInput with the locale-aware check. The message appears once the field is left
 * (not on the first keystroke) and then follows the typing.
 */
export function MoneyField({
  label,
  description,
  value,
  onValueChange,
  currency,
  locale: localeProp,
  min,
  max,
  required = false,
  error,
  showError = false,
  className,
  style,
  onBlur,
  ...props
}: MoneyFieldProps) {
  const { intlLocale, messages } = useBillingI18n()
  const locale = localeProp ?? intlLocale
  const [touched, setTouched] = useState(false)
  const limits = { locale, currency, min, max }
  const result = checkMoneyText(value, limits)
  const skipEmpty = !required && !result.ok && result.error === 'empty'
  const localError =
    (touched || showError) && !result.ok && !skipEmpty
      ? moneyErrorMessage(result.error, messages.ui, limits)
      : undefined
  return (
    <Field
      label={label}
      description={description}
      error={error || localError}
      required={required}
      className={className}
      style={style}
    >
      <MoneyInput
        value={value}
        currency={currency}
        locale={locale}
        onValueChange={(text) => onValueChange(text, checkMoneyText(text, limits))}
        onBlur={(event) => {
          onBlur?.(event)
          setTouched(true)
        }}
        {...props}
      />
    </Field>
  )
}
