'use client'
import { useRef, useState, type FormEvent, type ReactNode } from 'react'
import { toBillingError, type BillingError } from '../../adapter/errors'
import type { Wallet } from '../../adapter/types'
import { useUpdateAutoRecharge } from '../../data'
import { useBillingI18n } from '../../i18n'
import { type DialogOpenProps, FormDialog, useAnnounce } from '../../ui'
import { AutoRechargeForm } from './AutoRechargeForm'
import { checkDraft, draftFromWallet, type AutoRechargeDraft } from './autoRechargeDraft'
import { autoRechargeSummary } from './autoRechargeSummary'
import { useWalletDialog } from './useWalletDialog'
import { defaultMethod, topUpPresets } from './walletMath'
import { walletText } from './messages'

export interface AutoRechargeDialogProps extends DialogOpenProps {
  trigger?: ReactNode
  /** After the settings are saved, with the wallet as the adapter returned it. */
  onSaved?: (wallet: Wallet) => void
  /** "Add a card" when there is none to charge; the dialog closes first. */
  onAddPaymentMethod?: () => void
}

const RETURN_TO = ['wallet-auto-recharge-edit', 'wallet-add-funds'] as const

/**
 * Auto-recharge settings in a dialog. The draft lives here, outside the dialog's content, so a
 * failed save followed by closing and reopening still shows what was typed.
 */
export function AutoRechargeDialog({ trigger, onSaved, ...options }: AutoRechargeDialogProps) {
  const i18n = useBillingI18n()
  const { intlLocale } = i18n
  const m = walletText(i18n).autoRecharge
  const dialog = useWalletDialog({ ...options, returnTo: RETURN_TO, loadingRows: 4 })
  const update = useUpdateAutoRecharge()
  const announce = useAnnounce()
  // null: untouched, so the form follows the saved settings (which may change underneath).
  const [draftState, setDraft] = useState<AutoRechargeDraft | null>(null)
  const [showErrors, setShowErrors] = useState(false)
  const [failure, setFailure] = useState<BillingError | null>(null)
  const inFlight = useRef(false)
  const pending = update.isPending

  const data = dialog.wallet
  const cards = dialog.cards
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
    dialog.setOpen(next)
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
      dialog.setOpen(false)
      onSaved?.(saved)
    } catch (thrown) {
      setFailure(toBillingError(thrown))
    } finally {
      inFlight.current = false
    }
  }

  return (
    <FormDialog
      {...dialog.dialogProps}
      onOpenChange={changeOpen}
      trigger={trigger}
      title={m.title}
      description={m.description}
      pending={pending}
      className="bp-auto-recharge-dialog"
      data-slot="auto-recharge-dialog"
      action={draft && { label: m.form.save, 'data-slot': 'auto-recharge-submit' }}
    >
      {dialog.unavailable ??
        (data && draft && (
          <AutoRechargeForm
            wallet={data}
            card={card}
            draft={draft}
            onDraftChange={changeDraft}
            check={check}
            showErrors={showErrors}
            failure={failure}
            pending={pending}
            onSubmit={submit}
            addCard={dialog.addCard}
          />
        ))}
    </FormDialog>
  )
}
