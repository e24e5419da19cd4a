import type { WalletCredit } from '../../adapter/types'
import { useBillingI18n } from '../../i18n'
import { AlertIcon, MoneyText, StatusBadge } from '../../ui'
import { daysUntil, EXPIRING_SOON_DAYS, sortCredits } from './walletMath'
import { walletText } from './messages'

export interface CreditsListProps {
  credits: readonly WalletCredit[]
  headingLevel: 3 | 4 | 5
}

/** Each grant of complimentary credits, soonest to expire first (the order they are spent in). */
export function CreditsList({ credits, headingLevel }: CreditsListProps) {
  const i18n = useBillingI18n()
  const m = walletText(i18n).credits
  if (credits.length === 0) return null
  const Heading = `h${headingLevel}` as 'h3'
  const now = new Date()
  return (
    <div className="bp-wallet-credits" data-slot="wallet-credits">
      <div className="bp-wallet-subheader">
        <Heading className="bp-wallet-subtitle">{m.title}</Heading>
        <p className="bp-wallet-hint">{m.hint}</p>
      </div>
      <ul className="bp-wallet-credit-list">
        {sortCredits(credits).map((credit) => {
          const days = daysUntil(credit.expiresAt, now)
          const soon = days !== null && days < EXPIRING_SOON_DAYS
          return (
            <li
              key={credit.id}
              className="bp-wallet-credit"
              data-status={soon ? 'expiring' : 'ok'}
              data-state={soon ? 'expiring' : 'ok'}
            >
              <div className="bp-wallet-credit-text">
                <span className="bp-wallet-credit-name">{credit.description || m.fallbackName}</span>
                <span className="bp-wallet-credit-expiry">
                  {credit.expiresAt
                    ? i18n.t(m.expires, { date: i18n.formatDate(credit.expiresAt, 'medium') })
                    : m.noExpiry}
                  {soon && (
                    <StatusBadge status="expiring" tone="warning" icon={<AlertIcon />}>
                      {days <= 0 ? m.expiresToday : i18n.plural(m.expiresSoon, days)}
                    </StatusBadge>
                  )}
                </span>
              </div>
              <MoneyText className="bp-wallet-credit-amount" money={credit.remaining} />
            </li>
          )
        })}
      </ul>
    </div>
  )
}
