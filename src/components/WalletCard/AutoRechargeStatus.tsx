import type { PaymentMethod, Wallet } from '../../adapter/types'
import { useBillingI18n } from '../../i18n'
import { AlertIcon, Button, CheckIcon, Notice, StatusBadge } from '../../ui'
import { autoRechargeSummary } from './autoRechargeSummary'
import { cardName } from './walletMath'
import { walletText } from './messages'

export type AutoRechargeStatusState = 'on' | 'off' | 'paused'

export function autoRechargeState(wallet: Wallet): AutoRechargeStatusState {
  const ar = wallet.autoRecharge
  if (ar.paused) return 'paused'
  return ar.enabled ? 'on' : 'off'
}

export interface AutoRechargeStatusProps {
  wallet: Wallet
  card: PaymentMethod | null
  headingLevel: 3 | 4 | 5
  /** Opens the settings; absent when the user may not change them. */
  onEdit?: () => void
  /** The pointer or focus reached a button that opens the settings: a good moment to fetch their code. */
  onEditIntent?: () => void
  /** Offered when auto-recharge paused over a card problem. */
  onAddPaymentMethod?: () => void
}

/** Auto-recharge at a glance: on/off/paused in words, the one-line rule, the last attempt. */
export function AutoRechargeStatus({
  wallet,
  card,
  headingLevel,
  onEdit,
  onEditIntent,
  onAddPaymentMethod,
}: AutoRechargeStatusProps) {
  const i18n = useBillingI18n()
  const m = walletText(i18n).autoRecharge
  const actions = walletText(i18n).actions
  const ar = wallet.autoRecharge
  const state = autoRechargeState(wallet)
  const Heading = `h${headingLevel}` as 'h3'
  const last = ar.lastAttempt
  const lastText = last
    ? i18n.t(
        last.outcome === 'succeeded' ? m.lastSucceeded : last.outcome === 'failed' ? m.lastFailed : m.lastSkipped,
        {
          amount: i18n.formatMoney(last.amount),
          date: i18n.formatDate(last.at, 'medium'),
        },
      )
    : null
  const capText =
    ar.enabled && ar.monthlyCap
      ? i18n.t(m.chargedThisMonth, {
          amount: i18n.formatMoney(ar.chargedThisMonth),
          cap: i18n.formatMoney(ar.monthlyCap),
        })
      : null
  const editProps = {
    onClick: onEdit,
    onPointerEnter: onEditIntent,
    onFocus: onEditIntent,
    'data-slot': 'wallet-auto-recharge-edit',
  }
  const tone = state === 'on' ? 'success' : state === 'paused' ? 'warning' : 'neutral'

  let pausedReason = ''
  if (ar.paused) {
    pausedReason =
      ar.paused.reason === 'card_declined'
        ? i18n.t(i18n.plural(m.pausedReason.card_declined, Math.max(1, ar.consecutiveFailures)), {
            card: card ? cardName(card, i18n) : m.yourDefaultCard,
          })
        : m.pausedReason[ar.paused.reason]
  }

  return (
    <div className="bp-wallet-auto-recharge" data-slot="wallet-auto-recharge" data-status={state} data-state={state}>
      <div className="bp-wallet-auto-recharge-header">
        <Heading className="bp-wallet-subtitle">{m.title}</Heading>
        <StatusBadge
          status={state}
          tone={tone}
          icon={state === 'on' ? <CheckIcon /> : state === 'paused' ? <AlertIcon /> : undefined}
        >
          {m.status[state]}
        </StatusBadge>
      </div>
      <p className="bp-wallet-auto-recharge-summary" data-slot="auto-recharge-summary">
        {ar.enabled ? `${autoRechargeSummary(ar, card, i18n)}.` : m.offHint}
      </p>
      {(lastText || capText) && <p className="bp-wallet-hint">{[lastText, capText].filter(Boolean).join(' ')}</p>}
      {ar.paused && (
        <Notice
          tone="warning"
          title={m.pausedTitle}
          data-slot="auto-recharge-paused"
          action={
            (onAddPaymentMethod || onEdit) && (
              <div className="bp-wallet-notice-actions">
                {onAddPaymentMethod && (
                  <Button size="sm" variant="secondary" onClick={onAddPaymentMethod}>
                    {actions.updateCard}
                  </Button>
                )}
                {onEdit && (
                  <Button size="sm" variant="ghost" {...editProps}>
                    {actions.reviewAutoRecharge}
                  </Button>
                )}
              </div>
            )
          }
        >
          <p>{pausedReason}</p>
          <p>
            {m.pausedFix} {i18n.t(m.pausedSince, { date: i18n.formatDate(ar.paused.since, 'medium') })}
          </p>
        </Notice>
      )}
      {onEdit && !ar.paused && (
        <div className="bp-wallet-auto-recharge-actions">
          <Button size="sm" variant="secondary" {...editProps}>
            {ar.enabled ? actions.editAutoRecharge : actions.setUpAutoRecharge}
          </Button>
        </div>
      )}
    </div>
  )
}
