'use client'
import { useEffect, useState, type ReactNode } from 'react'
import { type BillingError, toBillingError } from '../../adapter/errors'
import type { PaymentMethod } from '../../adapter/types'
import {
  usePaymentMethods,
  useRemovePaymentMethod,
  useSetDefaultPaymentMethod,
  useSubscriptions,
  useWallet,
} from '../../data'
import { useBillingI18n } from '../../i18n'
import {
  Field,
  FormDialog,
  LoadingState,
  Notice,
  RadioCards,
  useAnnounce,
  useControllableState,
  useErrorMessage,
  type FormDialogAction,
} from '../../ui'
import { BrandMark } from './BrandMark'
import { cardExpiryState, formatExpiry } from './expiry'
import { methodName } from './methodName'
import { removalGuard } from './removalGuard'
import { paymentMethodsDialogText } from './dialogMessages'

export interface RemoveCardDialogProps {
  /** The payment method to remove. */
  paymentMethod: PaymentMethod
  open?: boolean
  defaultOpen?: boolean
  onOpenChange?: (open: boolean) => void
  /** After the adapter removed it, with its id. */
  onRemoved?: (id: string) => void
  /** After another card became the default from inside this dialog. */
  onDefaultChanged?: (id: string) => void
  /** "Add new card" when no other card could take over; the dialog closes first. */
  onAddCard?: () => void
  /** Where focus goes when the dialog closes (the removed card's row is gone). */
  onCloseAutoFocus?: (event: Event) => void
  /** The date expiry is measured from. Default: now. */
  now?: Date
}

/**
 * Confirms removing a card and says what follows. A card that something still charges (a live
 * subscription, or auto-recharge through the default card) is explained before anything is
 * tried, with the way out: make another card the default here, or add one.
 */
export function RemoveCardDialog({
  paymentMethod,
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  onRemoved,
  onDefaultChanged,
  onAddCard,
  onCloseAutoFocus,
  now,
}: RemoveCardDialogProps) {
  const i18n = useBillingI18n()
  const m = paymentMethodsDialogText(i18n).remove
  const errorMessage = useErrorMessage()
  const announce = useAnnounce()
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange)
  const methods = usePaymentMethods()
  const subscriptions = useSubscriptions()
  const wallet = useWallet()
  const remove = useRemovePaymentMethod()
  const setDefault = useSetDefaultPaymentMethod()
  const [failure, setFailure] = useState<BillingError | null>(null)
  const [replacementId, setReplacementId] = useState<string | null>(null)
  const [madeDefault, setMadeDefault] = useState<PaymentMethod | null>(null)

  // Each opening is a fresh attempt.
  useEffect(() => {
    if (open) {
      setFailure(null)
      setMadeDefault(null)
      setReplacementId(null)
    }
  }, [open])

  // The dialog follows the cached card, so a default that moved shows here at once.
  const current = methods.data?.find((m) => m.id === paymentMethod.id) ?? paymentMethod
  const all = methods.data ?? [paymentMethod]
  const name = methodName(current, i18n)
  const guard = removalGuard(current, all, subscriptions.data, wallet.data, now)
  // Asked before deciding, unless they failed: then the adapter's conflict is the guard.
  const checking = (subscriptions.isPending && !subscriptions.isError) || (wallet.isPending && !wallet.isError)
  const busy = remove.isPending || setDefault.isPending
  const replacements = guard.replacements
  const replacement = replacements.find((r) => r.id === replacementId) ?? replacements[0] ?? null

  const confirmRemove = async () => {
    if (busy) return
    setFailure(null)
    try {
      await remove.mutateAsync(current.id)
      announce(i18n.t(m.success, { card: name }))
      setOpen(false)
      onRemoved?.(current.id)
    } catch (thrown) {
      const error = toBillingError(thrown)
      setFailure(error)
      // What made the adapter refuse is newer than what we showed; the guard reads it again.
      if (error.code === 'conflict') void Promise.all([subscriptions.refetch(), wallet.refetch()])
    }
  }

  const makeReplacementDefault = async () => {
    if (busy || !replacement) return
    setFailure(null)
    try {
      await setDefault.mutateAsync(replacement.id)
      setMadeDefault(replacement)
      announce(i18n.t(m.blocked.madeDefault, { card: methodName(replacement, i18n), old: name }))
      onDefaultChanged?.(replacement.id)
    } catch (thrown) {
      setFailure(toBillingError(thrown))
    }
  }

  const blocked = !checking && guard.blocked
  const failureText = failure
    ? failure.code === 'conflict'
      ? m.conflict
      : failure.code === 'not_found'
        ? m.notFound
        : errorMessage(failure)
    : null

  // Removed elsewhere (the adapter said not_found and the list refreshed): nothing left to do.
  const gone = methods.data !== undefined && !methods.data.some((m) => m.id === paymentMethod.id)

  let body: ReactNode
  let cancelLabel: string | undefined
  let action: FormDialogAction | undefined
  if (gone) {
    body = <Notice tone="info">{m.notFound}</Notice>
    cancelLabel = m.done
  } else if (checking) {
    body = <LoadingState rows={1} label={m.loading} />
  } else if (blocked) {
    const fixable = guard.solvedByNewDefault
    body = (
      <>
        <div className="bp-pm-guard" data-slot="remove-card-guard">
          <p>{current.isDefault ? m.blocked.dependsDefault : m.blocked.dependsExplicit}</p>
          <ul className="bp-pm-guard-list">
            {guard.subscriptions.map((s) => (
              <li key={s.id}>{i18n.t(m.blocked.subscription, { name: s.name })}</li>
            ))}
            {guard.autoRecharge && <li>{m.blocked.autoRecharge}</li>}
          </ul>
          <p className="bp-pm-guard-fix">
            {!fixable ? m.blocked.fixExplicit : replacements.length > 0 ? m.blocked.fixDefault : m.blocked.fixAddCard}
          </p>
        </div>
        {fixable && replacements.length > 0 && (
          <Field label={m.blocked.newDefault}>
            <RadioCards
              layout="list"
              value={replacement?.id ?? ''}
              onValueChange={setReplacementId}
              disabled={busy}
              options={replacements.map((r) => {
                const date = formatExpiry(r)
                const state = cardExpiryState(r, now)
                return {
                  value: r.id,
                  label: methodName(r, i18n),
                  description: date
                    ? `${i18n.t(paymentMethodsDialogText(i18n).row.expires, { date })}${state === 'expiring_soon' ? ` · ${paymentMethodsDialogText(i18n).row.expiringSoon}` : ''}`
                    : undefined,
                  icon: <BrandMark method={r} />,
                }
              })}
            />
          </Field>
        )}
        {failureText && <Notice tone="danger">{failureText}</Notice>}
      </>
    )
    cancelLabel = m.blocked.keep
    if (fixable && replacements.length > 0) {
      action = {
        label: m.blocked.makeDefault,
        onClick: () => void makeReplacementDefault(),
        pending: setDefault.isPending,
        pendingLabel: m.blocked.makingDefault,
        'data-slot': 'remove-card-make-default',
      }
    } else if (fixable && onAddCard) {
      action = {
        label: m.blocked.addCard,
        onClick: () => {
          setOpen(false)
          onAddCard()
        },
      }
    }
  } else {
    body = (
      <>
        {madeDefault && (
          <Notice tone="success" role="note">
            {i18n.t(m.blocked.madeDefault, { card: methodName(madeDefault, i18n), old: name })}
          </Notice>
        )}
        {guard.lastCard ? (
          <Notice tone="warning" data-slot="remove-card-last" role="note">
            {m.lastCard}
          </Notice>
        ) : (
          current.isDefault && <p className="bp-pm-guard-fix">{m.defaultNote}</p>
        )}
        {failureText && <Notice tone="danger">{failureText}</Notice>}
      </>
    )
    action = {
      label: m.confirm,
      variant: 'danger',
      onClick: () => void confirmRemove(),
      pending: remove.isPending,
      pendingLabel: m.pending,
      'data-slot': 'remove-card-confirm',
    }
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      size="sm"
      role="alertdialog"
      title={blocked && !gone ? i18n.t(m.blocked.title, { card: name }) : i18n.t(m.title, { card: name })}
      description={blocked && !gone ? m.blocked.description : m.description}
      pending={busy}
      className="bp-remove-card-dialog"
      data-slot="remove-card-dialog"
      data-step={gone ? 'gone' : checking ? 'checking' : blocked ? 'blocked' : 'confirm'}
      onCloseAutoFocus={onCloseAutoFocus}
      cancelLabel={cancelLabel}
      action={action}
    >
      {body}
    </FormDialog>
  )
}
