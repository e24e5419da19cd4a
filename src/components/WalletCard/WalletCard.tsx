'use client'
import { useState, type ComponentPropsWithoutRef } from 'react'
import type { AddFundsResult, Wallet } from '../../adapter/types'
import { useCapabilities, usePaymentMethods, useWallet } from '../../data'
import { useBillingI18n } from '../../i18n'
import { useBillingContext } from '../../provider/context'
import { Button, deferred, Notice, PlusIcon, Skeleton, StatusBadge, VisuallyHidden } from '../../ui'
import { LazyDialog } from '../shared/LazyDialog'
import { ResourceSection } from '../shared/ResourceSection'
import { useLazyDialog } from '../shared/useLazyDialog'
import { AutoRechargeStatus } from './AutoRechargeStatus'
import { CreditsList } from './CreditsList'
import { WalletBalance } from './WalletBalance'
import { WalletNotifications } from './WalletNotifications'
import { isLowBalance, defaultMethod } from './walletMath'
import { walletText } from './messages'

// The dialogs (their forms, amount parsing, radio cards, switch) are fetched when first wanted.
const AddFundsDialog = deferred(() => import('./dialogs'), 'AddFundsDialog')
const AutoRechargeDialog = deferred(() => import('./dialogs'), 'AutoRechargeDialog')

export interface WalletCardProps extends Omit<ComponentPropsWithoutRef<'section'>, 'title'> {
  /** "Add a card" when there is none (BillingPanel opens its add-card dialog). */
  onAddPaymentMethod?: () => void
  /** After a top-up went through, with the ledger entry and the new wallet. */
  onTopUpSuccess?: (result: AddFundsResult) => void
  /** After auto-recharge settings were saved, with the wallet the adapter returned. */
  onAutoRechargeSaved?: (wallet: Wallet) => void
  /** After the wallet's email settings were saved, with the wallet the adapter returned. */
  onNotificationsSaved?: (wallet: Wallet) => void
  /** Open "Add funds" on first render (e.g. a host deep link). */
  defaultAddFundsOpen?: boolean
  /** The card title's heading level, to fit the host page's outline. Default 2. */
  headingLevel?: 2 | 3 | 4
}

/**
 * The prepaid wallet: paid balance and complimentary credits apart, what is available, a low
 * balance warning, "Add funds" and auto-recharge.
 */
export function WalletCard({
  onAddPaymentMethod,
  onTopUpSuccess,
  onAutoRechargeSaved,
  onNotificationsSaved,
  defaultAddFundsOpen = false,
  headingLevel = 2,
  ...props
}: WalletCardProps) {
  const i18n = useBillingI18n()
  const m = walletText(i18n)
  const { readOnly } = useBillingContext()
  const capabilities = useCapabilities()
  const wallet = useWallet()
  const methods = usePaymentMethods()
  // A dialog stays mounted once opened: it keeps what was typed and its top-up intent for a return.
  const addFunds = useLazyDialog(AddFundsDialog, defaultAddFundsOpen)
  const autoRecharge = useLazyDialog(AutoRechargeDialog)
  const [lastTopUp, setLastTopUp] = useState<AddFundsResult | null>(null)

  const subLevel = (headingLevel + 1) as 3 | 4 | 5
  const data = wallet.data
  const card = defaultMethod(methods.data)
  const canAddFunds = capabilities.addFunds
  const canEditAutoRecharge = capabilities.updateAutoRecharge
  const viewOnly = readOnly || (!canAddFunds && !canEditAutoRecharge)

  const actions = data ? (
    canAddFunds ? (
      <Button variant="primary" {...addFunds.trigger} data-slot="wallet-add-funds">
        <PlusIcon />
        {m.actions.addFunds}
      </Button>
    ) : viewOnly ? (
      <StatusBadge status="read-only" tone="neutral">
        {i18n.messages.common.readOnly}
      </StatusBadge>
    ) : undefined
  ) : undefined

  return (
    <ResourceSection
      {...props}
      slot="wallet-card"
      query={wallet}
      messages={m}
      headingLevel={headingLevel}
      loading={<WalletSkeleton label={m.loading} />}
      actions={actions}
      // The balance's status; data-state repeats it until 0.2, as 0.1.0 had it there.
      state={data && (isLowBalance(data) ? 'low' : 'ok')}
      data-status={data ? (isLowBalance(data) ? 'low' : 'ok') : undefined}
      ready={(data) => (
        <div className="bp-wallet-body">
          {lastTopUp &&
            // Already announced when it happened; this is the lasting, visible receipt.
            (lastTopUp.entry.status === 'pending' ? (
              <Notice tone="info" role="note" data-slot="wallet-top-up-processing">
                {i18n.t(m.addFunds.processing, {
                  amount: i18n.formatMoney(lastTopUp.entry.amount ?? lastTopUp.wallet.balance),
                })}
              </Notice>
            ) : (
              <Notice tone="success" role="note" data-slot="wallet-top-up-success">
                {i18n.t(m.addFunds.success, {
                  amount: i18n.formatMoney(lastTopUp.entry.amount ?? lastTopUp.wallet.balance),
                  balance: i18n.formatMoney(lastTopUp.wallet.balance),
                })}
              </Notice>
            ))}
          <WalletBalance wallet={data} />
          <CreditsList credits={data.credits} headingLevel={subLevel} />
          <AutoRechargeStatus
            wallet={data}
            card={card}
            headingLevel={subLevel}
            onEdit={canEditAutoRecharge ? autoRecharge.show : undefined}
            onEditIntent={autoRecharge.preload}
            onAddPaymentMethod={canEditAutoRecharge || canAddFunds ? onAddPaymentMethod : undefined}
          />
          <WalletNotifications
            wallet={data}
            headingLevel={subLevel}
            editable={capabilities.updateWalletNotifications}
            onSaved={onNotificationsSaved}
          />
        </div>
      )}
    >
      {canAddFunds && (
        <LazyDialog dialog={addFunds} loadingTitle={m.addFunds.title}>
          <AddFundsDialog
            {...addFunds.props}
            onAddPaymentMethod={onAddPaymentMethod}
            onSuccess={(result) => {
              setLastTopUp(result)
              onTopUpSuccess?.(result)
            }}
          />
        </LazyDialog>
      )}
      {canEditAutoRecharge && (
        <LazyDialog dialog={autoRecharge} loadingTitle={m.autoRecharge.title}>
          <AutoRechargeDialog
            {...autoRecharge.props}
            onAddPaymentMethod={onAddPaymentMethod}
            onSaved={onAutoRechargeSaved}
          />
        </LazyDialog>
      )}
    </ResourceSection>
  )
}

/** Shaped like the loaded card (a big balance, two figures, a line), so nothing jumps. */
function WalletSkeleton({ label }: { label: string }) {
  return (
    <div role="status" className="bp-wallet-body bp-wallet-skeleton" data-slot="wallet-loading">
      <VisuallyHidden>{label}</VisuallyHidden>
      <div className="bp-wallet-figures" aria-hidden="true">
        <div className="bp-wallet-figure">
          <Skeleton width="40%" height="0.8em" />
          <Skeleton width="65%" height="2.2em" />
        </div>
        <div className="bp-wallet-figure" data-figure="credits">
          <Skeleton width="70%" height="0.8em" />
          <Skeleton width="50%" height="1.2em" />
        </div>
        <div className="bp-wallet-figure" data-figure="available">
          <Skeleton width="70%" height="0.8em" />
          <Skeleton width="50%" height="1.2em" />
        </div>
      </div>
      <div className="bp-wallet-auto-recharge" aria-hidden="true">
        <Skeleton width="30%" height="1em" />
        <Skeleton width="80%" height="1em" />
      </div>
    </div>
  )
}
