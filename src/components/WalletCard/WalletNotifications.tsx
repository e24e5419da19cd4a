'use client'
import { useId, useRef, useState, type FormEvent } from 'react'
import { toBillingError, type BillingError } from '../../adapter/errors'
import type { Wallet, WalletNotifications as Settings } from '../../adapter/types'
import { useUpdateWalletNotifications } from '../../data'
import { useBillingI18n } from '../../i18n'
import { formatMoneyInput } from '../../money'
import { Button, checkMoneyText, MoneyField, Notice, Switch, useAnnounce, useErrorMessage } from '../../ui'
import { walletText } from './messages'

interface Draft {
  lowBalance: boolean
  /** The threshold as typed, so nothing is reformatted under the caret. */
  threshold: string
  receipts: boolean
}

export interface WalletNotificationsProps {
  wallet: Wallet
  headingLevel: 3 | 4 | 5
  /** Without it the settings are shown, not edited. */
  editable: boolean
  onSaved?: (wallet: Wallet) => void
}

function draftOf(settings: Settings, wallet: Wallet, locale: string, fallback: number): Draft {
  return {
    lowBalance: settings.lowBalanceEmail !== null,
    threshold: formatMoneyInput(settings.lowBalanceEmail?.amount ?? fallback, wallet.currency, locale),
    receipts: settings.receipts,
  }
}

/**
 * The wallet's emails, apart from auto-recharge: "Email me when my balance falls below …" and
 * receipts for top-ups. Saved together; what was typed stays when a save fails.
 */
export function WalletNotifications({ wallet, headingLevel, editable, onSaved }: WalletNotificationsProps) {
  const i18n = useBillingI18n()
  const { intlLocale } = i18n
  const m = walletText(i18n).notifications
  const errorMessage = useErrorMessage()
  const announce = useAnnounce()
  const update = useUpdateWalletNotifications()
  const headingId = `bp-wallet-notifications${useId().replace(/:/g, '')}`
  const [draftState, setDraft] = useState<Draft | null>(null)
  const [showErrors, setShowErrors] = useState(false)
  const [failure, setFailure] = useState<BillingError | null>(null)
  const inFlight = useRef(false)
  const settings = wallet.notifications
  if (!settings) return null

  const Heading = `h${headingLevel}` as 'h3'
  // Untouched, the form follows the saved settings; a first threshold suggests the auto-recharge one.
  const draft = draftState ?? draftOf(settings, wallet, intlLocale, wallet.autoRecharge.threshold.amount)
  const pending = update.isPending
  const threshold = checkMoneyText(draft.threshold, { locale: intlLocale, currency: wallet.currency, min: 0 })
  const serverError = failure?.fieldErrors?.lowBalanceEmail ? m.thresholdInvalid : undefined
  const receiptsError = failure?.fieldErrors?.receipts === 'needs_billing_email' ? m.needsBillingEmail : null
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft({ ...draft, [key]: value })
    if (failure?.fieldErrors) setFailure(null)
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (inFlight.current) return
    if (draft.lowBalance && !threshold.ok) {
      setShowErrors(true)
      return
    }
    const next: Settings = {
      lowBalanceEmail:
        draft.lowBalance && threshold.ok ? { amount: threshold.amount, currency: wallet.currency } : null,
      receipts: draft.receipts,
    }
    inFlight.current = true
    setFailure(null)
    try {
      const saved = await update.mutateAsync(next)
      setDraft(null)
      setShowErrors(false)
      announce(m.saved)
      onSaved?.(saved)
    } catch (thrown) {
      setFailure(toBillingError(thrown))
    } finally {
      inFlight.current = false
    }
  }

  const summary = [
    settings.lowBalanceEmail
      ? i18n.t(m.summaryLowBalance, { threshold: i18n.formatMoney(settings.lowBalanceEmail) })
      : m.summaryLowBalanceOff,
    settings.receipts ? m.summaryReceipts : m.summaryReceiptsOff,
  ]

  return (
    <section className="bp-wallet-notifications" aria-labelledby={headingId} data-slot="wallet-notifications">
      <Heading id={headingId} className="bp-wallet-subtitle">
        {m.title}
      </Heading>
      {!editable ? (
        <ul className="bp-wallet-notifications-summary">
          {summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <form noValidate onSubmit={submit} className="bp-wallet-notifications-form" data-pending={pending || undefined}>
          {failure && (
            <Notice tone="danger" title={m.errorTitle} data-slot="wallet-notifications-error">
              {receiptsError ?? errorMessage(failure)}
            </Notice>
          )}
          <Switch
            label={m.lowBalance}
            description={m.lowBalanceHint}
            checked={draft.lowBalance}
            onCheckedChange={(on) => set('lowBalance', on)}
            disabled={pending}
          />
          {draft.lowBalance && (
            <MoneyField
              label={m.threshold}
              value={draft.threshold}
              onValueChange={(text) => set('threshold', text)}
              currency={wallet.currency}
              min={0}
              required
              showError={showErrors}
              error={serverError}
              readOnly={pending}
            />
          )}
          <Switch
            label={m.receipts}
            description={m.receiptsHint}
            checked={draft.receipts}
            onCheckedChange={(on) => set('receipts', on)}
            disabled={pending}
          />
          <div className="bp-wallet-notifications-actions">
            <Button type="submit" variant="secondary" pending={pending} pendingLabel={m.saving}>
              {m.save}
            </Button>
          </div>
        </form>
      )}
    </section>
  )
}
