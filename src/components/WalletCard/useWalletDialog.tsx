import type { ReactNode } from 'react'
import { usePaymentMethods, useWallet } from '../../data'
import { useBillingI18n } from '../../i18n'
import { Button, type DialogOpenProps, ErrorState, LoadingState, useDialogState } from '../../ui'
import { focusWalletAction, type WalletAction } from './focus'
import { walletText } from './messages'

export interface WalletDialogOptions extends DialogOpenProps {
  /** "Add a card" when there is none; the dialog closes first so the host can open its own. */
  onAddPaymentMethod?: () => void
  /** The wallet card's buttons focus returns to when the dialog's opener is gone, in order. */
  returnTo: readonly WalletAction[]
  /** How many skeleton rows stand in for the form while the wallet and the cards load. */
  loadingRows: number
}

/**
 * What the wallet's dialogs share: open state, the wallet and the cards they work on, where
 * focus returns, what the body shows until both are in (their error, or a loading state), and
 * the way to add a card when there is none.
 */
export function useWalletDialog({ onAddPaymentMethod, returnTo, loadingRows, ...openProps }: WalletDialogOptions) {
  const i18n = useBillingI18n()
  const { setOpen, dialogProps } = useDialogState(openProps, () => focusWalletAction(returnTo))
  const wallet = useWallet()
  const methods = usePaymentMethods()

  let unavailable: ReactNode = null
  if (wallet.isError || methods.isError) {
    const failed = wallet.isError ? wallet : methods
    unavailable = <ErrorState error={failed.error} onRetry={() => void failed.refetch()} retrying={failed.isFetching} />
  } else if (!wallet.data || !methods.data) {
    unavailable = <LoadingState rows={loadingRows} label={walletText(i18n).loading} />
  }

  const addCard = onAddPaymentMethod && (
    <Button
      size="sm"
      variant="secondary"
      onClick={() => {
        setOpen(false)
        onAddPaymentMethod()
      }}
    >
      {walletText(i18n).actions.addCard}
    </Button>
  )

  return {
    setOpen,
    /** Spread on the dialog: open state and where focus returns. */
    dialogProps,
    wallet: wallet.data,
    cards: methods.data,
    /** The body instead of the form while the wallet or the cards are not in; null once both are. */
    unavailable,
    /** "Add a card" for the no-card notice, when the host can add one; it closes the dialog first. */
    addCard,
  }
}
