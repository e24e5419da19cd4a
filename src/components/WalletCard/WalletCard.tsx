'use client'
import { useState, type ComponentPropsWithoutRef, type ReactNode } from 'react'
import type { AddFundsResult, Wallet } from '../../adapter/types'
import { useCapabilities, usePaymentMethods, useWallet } from '../../data'
import { useBillingI18n } from '../../i18n'
import { useBillingContext } from '../../provider/context'
import { useRootProps } from '../../provider/root'
import {
  Button,
  Deferred,
  deferred,
  ErrorState,
  Notice,
  PlusIcon,
  Section,
  Skeleton,
  StatusBadge,
  VisuallyHidden,
  DialogLoading,
  useLatch,
} from '../../ui'
import { AutoRechargeStatus } from './AutoRechargeStatus'
import { CreditsList } from './CreditsList'
import { WalletBalance } from './WalletBalance'
import { WalletNotifications } from './WalletNotifications'
import { isLowBalance, defaultMethod } from './walletMath'
import { walletText } from './messages'

// The dialogs (their forms, amount parsing, radio cards, switch) are fetched when first wanted.
const AddFundsDialog = deferred(() => import('./dialogs'), 'AddFundsDialog')
const AutoRechargeDialog = deferred(() => import('./dialogs'), 'AutoRechargeDialog')
const preloadAddFunds = () => void AddFundsDialog.preload()
const preloadAutoRecharge = () => void AutoRechargeDialog.preload()

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
  className,
  style,
  ...props
}: WalletCardProps) {
  const i18n = useBillingI18n()
  const m = walletText(i18n)
  const { readOnly } = useBillingContext()
  const root = useRootProps('wallet-card', className, style)
  const capabilities = useCapabilities()
  const wallet = useWallet()
  const methods = usePaymentMethods()
  const [addFundsOpen, setAddFundsOpen] = useState(defaultAddFundsOpen)
  const [autoRechargeOpen, setAutoRechargeOpen] = useState(false)
  // A dialog stays mounted once opened: it keeps what was typed and its top-up intent for a return.
  const addFundsUsed = useLatch(addFundsOpen)
  const autoRechargeUsed = useLatch(autoRechargeOpen)
  const openAddFunds = () => setAddFundsOpen(true)
  const openAutoRecharge = () => setAutoRechargeOpen(true)
  const [lastTopUp, setLastTopUp] = useState<AddFundsResult | null>(null)

  const Heading = `h${headingLevel}` as 'h2'
  const subLevel = (headingLevel + 1) as 3 | 4 | 5
  const data = wallet.data
  const card = defaultMethod(methods.data)
  const canAddFunds = capabilities.addFunds
  const canEditAutoRecharge = capabilities.updateAutoRecharge
  const viewOnly = readOnly || (!canAddFunds && !canEditAutoRecharge)

  const actions = data ? (
    canAddFunds ? (
      <Button
        variant="primary"
        onClick={openAddFunds}
        onPointerEnter={preloadAddFunds}
        onFocus={preloadAddFunds}
        data-slot="wallet-add-funds"
      >
        <PlusIcon />
        {m.actions.addFunds}
      </Button>
    ) : viewOnly ? (
      <StatusBadge status="read-only" tone="neutral">
        {i18n.messages.common.readOnly}
      </StatusBadge>
    ) : undefined
  ) : undefined

  let content: ReactNode
  if (wallet.isError && !data) {
    content = (
      <ErrorState
        error={wallet.error}
        title={m.loadError}
        onRetry={() => void wallet.refetch()}
        retrying={wallet.isFetching}
      />
    )
  } else if (!data) {
    content = <WalletSkeleton label={m.loading} />
  } else {
    content = (
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
          onEdit={canEditAutoRecharge ? openAutoRecharge : undefined}
          onEditIntent={preloadAutoRecharge}
          onAddPaymentMethod={canEditAutoRecharge || canAddFunds ? onAddPaymentMethod : undefined}
        />
        <WalletNotifications
          wallet={data}
          headingLevel={subLevel}
          editable={capabilities.updateWalletNotifications}
          onSaved={onNotificationsSaved}
        />
      </div>
    )
  }

  return (
    <Section
      {...props}
      {...root}
      as={Heading}
      title={m.title}
      description={m.description}
      actions={actions}
      data-state={data ? (isLowBalance(data) ? 'low' : 'ok') : wallet.isError ? 'error' : 'loading'}
      aria-busy={!data && !wallet.isError ? true : undefined}
    >
      {content}
      {canAddFunds && addFundsUsed && (
        <Deferred
          fallback={addFundsOpen && <DialogLoading title={m.addFunds.title} onDismiss={() => setAddFundsOpen(false)} />}
        >
          <AddFundsDialog
            open={addFundsOpen}
            onOpenChange={setAddFundsOpen}
            onAddPaymentMethod={onAddPaymentMethod}
            onSuccess={(result) => {
              setLastTopUp(result)
              onTopUpSuccess?.(result)
            }}
          />
        </Deferred>
      )}
      {canEditAutoRecharge && autoRechargeUsed && (
        <Deferred
          fallback={
            autoRechargeOpen && (
              <DialogLoading title={m.autoRecharge.title} onDismiss={() => setAutoRechargeOpen(false)} />
            )
          }
        >
          <AutoRechargeDialog
            open={autoRechargeOpen}
            onOpenChange={setAutoRechargeOpen}
            onAddPaymentMethod={onAddPaymentMethod}
            onSaved={onAutoRechargeSaved}
          />
        </Deferred>
      )}
    </Section>
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
