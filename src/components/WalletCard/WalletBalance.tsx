import type { ComponentProps } from 'react'
import type { Wallet } from '../../adapter/types'
import { useBillingI18n } from '../../i18n'
import { AlertIcon, cx, MoneyText, StatusBadge } from '../../ui'
import { availableTotal, creditsTotal, isLowBalance } from './walletMath'
import { walletText } from './messages'

export interface WalletBalanceProps extends ComponentProps<'div'> {
  wallet: Wallet
}

/**
 * The paid balance, big, with complimentary credits and the total available beside it. Low
 * balance is said in words and an icon, not only in colour.
 */
export function WalletBalance({ wallet, className, ...props }: WalletBalanceProps) {
  const i18n = useBillingI18n()
  const m = walletText(i18n).balance
  const low = isLowBalance(wallet)
  const credits = creditsTotal(wallet)
  const threshold = i18n.formatMoney(wallet.autoRecharge.threshold)
  const autoOn = wallet.autoRecharge.enabled && !wallet.autoRecharge.paused
  return (
    <div
      data-slot="wallet-balance"
      data-status={low ? 'low' : 'ok'}
      data-state={low ? 'low' : 'ok'}
      className={cx('bp-wallet-balance', className)}
      {...props}
    >
      <dl className="bp-wallet-figures">
        <div className="bp-wallet-figure" data-figure="balance">
          <dt className="bp-wallet-label">{m.label}</dt>
          <dd className="bp-wallet-amount">
            <MoneyText money={wallet.balance} />
          </dd>
        </div>
        <div className="bp-wallet-figure" data-figure="credits">
          <dt className="bp-wallet-label">{m.credits}</dt>
          <dd className="bp-wallet-figure-value">
            <MoneyText money={credits} />
          </dd>
        </div>
        <div className="bp-wallet-figure" data-figure="available">
          <dt className="bp-wallet-label">{m.available}</dt>
          <dd className="bp-wallet-figure-value">
            <MoneyText money={availableTotal(wallet)} />
          </dd>
        </div>
      </dl>
      {low && (
        <p className="bp-wallet-low" data-slot="wallet-low">
          <StatusBadge status="low" tone="warning" icon={<AlertIcon />}>
            {m.low}
          </StatusBadge>
          <span className="bp-wallet-low-detail">{i18n.t(autoOn ? m.lowDetailAuto : m.lowDetail, { threshold })}</span>
        </p>
      )}
    </div>
  )
}
