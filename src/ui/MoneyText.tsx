import type { ComponentProps } from 'react'
import type { Money } from '../adapter/types'
import { useBillingI18n } from '../i18n'
import type { FormatMoneyOptions } from '../money'
import { cx } from './cx'

export interface MoneyTextProps extends Omit<ComponentProps<'span'>, 'children'> {
  money: Money
  signDisplay?: FormatMoneyOptions['signDisplay']
}

/** Formatted money with tabular digits; `data-sign` lets hosts colour credits and debits. */
export function MoneyText({ money, signDisplay, className, ...props }: MoneyTextProps) {
  const { formatMoney } = useBillingI18n()
  const sign = money.amount > 0 ? 'positive' : money.amount < 0 ? 'negative' : 'zero'
  return (
    <span data-slot="money" data-sign={sign} className={cx('bp-money', className)} {...props}>
      {formatMoney(money, { signDisplay })}
    </span>
  )
}
