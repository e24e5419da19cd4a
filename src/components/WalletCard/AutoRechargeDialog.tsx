'use client'
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { toBillingError, type BillingError } from '../../adapter/errors'
import type { Wallet } from '../../adapter/types'
import { usePaymentMethods, useUpdateAutoRecharge, useWallet } from '../../data'
import { useBillingI18n } from '../../i18n'
import {
  Button,
  Dialog,
  DialogClose,
  ErrorState,
  LoadingState,
  useAnnounce,
  useControllableState,
  useReturnFocus,
} from '../../ui'
import { AutoRechargeForm } from './AutoRechargeForm'
import { focusWalletAction } from './focus'
import { checkDraft, draftFromWallet, type AutoRechargeDraft } from './autoRechargeDraft'
import { autoRechargeSummary } from './autoRechargeSummary'
import { defaultMethod, topUpPresets } from './walletMath'
import { walletText } from './messages'

export interface AutoRechargeDialogProps {
  open?: boolean
  defaultOpen?: boolean
  onOpenChange?: (open: boolean) => void
  trigger?: ReactNode
  /** After the settings are saved, with the wallet as the adapter returned it. */
  onSaved?: (wallet: Wallet) => void
  /** "Add a card" when there is none to charge; the dialog closes first. */
  onAddPaymentMethod?: () => void
}

const returnToAutoRecharge = () => focusWalletAction(['wallet-auto-recharge-edit', 'wallet-add-funds'])

/**
 * Auto-recharge settings in a dialog. The draft lives here, outside the dialog's content, so a
 * failed save followed by closing and reopening still shows what was typed.
 */
export function AutoRechargeDialog({
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  trigger,
  onSaved,
  onAddPaymentMethod,
}: AutoRechargeDialogProps) {
  const i18n = useBillingI18n()
  const { messages, intlLocale } = i18n
  const m = walletText(i18n).autoRecharge
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange)
  const wallet = useWallet()
  const methods = usePaymentMethods()
  const update = useUpdateAutoRecharge()
  const announce = useAnnounce()
  const returnFocus = useReturnFocus(open, returnToAutoRecharge)
  const formId = `bp-auto-recharge${useId().replace(/:/g, '')}`
  // null: untouched, so the form follows the saved settings (which may change underneath).
  const [draftState, setDraft] = useState<AutoRechargeDraft | null>(null)
  const [showErrors, setShowErrors] = useState(false)
  const [failure, setFailure] = useState<BillingError | null>(null)
  const inFlight = useRef(false)
  const pending = update.isPending

  const data = wallet.data
  const cards = methods.data
  const card = defaultMethod(cards)
  const draft = draftState ?? (data ? draftFromWallet(data, topUpPresets(data), intlLocale) : null)
  const check = draft && data ? checkDraft(draft, data, i18n) : null
  const needsCard = Boolean(draft?.enabled && cards && !card)

  const changeOpen = (next: boolean) => {
    // Cancelling discards edits; after a failed save they stay, so nothing typed is lost.
    if (!next && !failure) {
      setDraft(null)
      setShowErrors(false)
    }
    setOpen(next)
  }

  const changeDraft = (next: AutoRechargeDraft) => {
    setDraft(next)
    if (failure?.fieldErrors) setFailure(null)
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (inFlight.current || !data || !draft || !check) return
    if (!check.ok || needsCard) {
      setShowErrors(true)
      return
    }
    inFlight.current = true
    setFailure(null)
    try {
      const saved = await update.mutateAsync(check.settings)
      setDraft(null)
      setShowErrors(false)
      announce(
        check.settings.enabled
          ? i18n.t(m.form.saved, { summary: autoRechargeSummary(saved.autoRecharge, card, i18n) })
          : m.form.savedOff,
      )
      setOpen(false)
      onSaved?.(saved)
    } catch (thrown) {
      setFailure(toBillingError(thrown))
    } finally {
      inFlight.current = false
    }
  }

  let body: ReactNode
  if (wallet.isError || methods.isError) {
    const failed = wallet.isError ? wallet : methods
    body = <ErrorState error={failed.error} onRetry={() => void failed.refetch()} retrying={failed.isFetching} />
  } else if (!data || !cards || !draft) {
    body = <LoadingState rows={4} label={walletText(i18n).loading} />
  } else {
    body = (
      <AutoRechargeForm
        formId={formId}
        wallet={data}
        card={card}
        draft={draft}
        onDraftChange={changeDraft}
        check={check}
        showErrors={showErrors}
        failure={failure}
        pending={pending}
        onSubmit={submit}
        onAddPaymentMethod={
          onAddPaymentMethod
            ? () => {
                setOpen(false)
                onAddPaymentMethod()
              }
            : undefined
        }
      />
    )
  }

  return (
    <Dialog
      open={open}
      onOpenChange={changeOpen}
      trigger={trigger}
      title={m.title}
      description={m.description}
      dismissible={!pending}
      className="bp-auto-recharge-dialog"
      onCloseAutoFocus={returnFocus}
      data-slot="auto-recharge-dialog"
      footer={
        <>
          <DialogClose asChild>
            <Button variant="ghost" disabled={pending}>
              {messages.ui.cancel}
            </Button>
          </DialogClose>
          {draft && (
            <Button type="submit" form={formId} variant="primary" pending={pending} data-slot="auto-recharge-submit">
              {m.form.save}
            </Button>
          )}
        </>
      }
    >
      {body}
    </Dialog>
  )
}
