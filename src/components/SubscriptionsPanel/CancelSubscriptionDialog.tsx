'use client'
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { toBillingError, type BillingError } from '../../adapter/errors'
import { CANCEL_REASONS, type CancelReason, type CancelSubscriptionInput, type Subscription } from '../../adapter/types'
import { useCancelSubscription, useCapabilities } from '../../data'
import { useBillingI18n } from '../../i18n'
import {
  DialogForm,
  Field,
  FormDialog,
  Notice,
  RadioCards,
  Textarea,
  useAnnounce,
  useDialogState,
  useErrorMessage,
  type DialogOpenProps,
} from '../../ui'
import { focusSubscriptionCard } from './focus'
import { accessEndsAt, canCancel } from './status'
import { subscriptionsText } from './messages'

/** Long enough for a reason, short enough that nobody pastes a document into it. */
export const CANCEL_COMMENT_MAX = 500

export interface CancelSubscriptionDialogProps extends DialogOpenProps {
  /** The subscription to cancel; pass the live one from the list so a refetch shows here too. */
  subscription: Subscription | null | undefined
  /** Element that opens the dialog, e.g. a host's own button. */
  trigger?: ReactNode
  /** After the adapter set it to cancel at period end, with the subscription it returned. */
  onCanceled?: (subscription: Subscription) => void
}

interface Draft {
  subscriptionId: string | null
  reason: CancelReason | null
  comment: string
}

/**
 * "Cancel subscription": says when access ends and what happens to usage and the wallet, asks
 * for an optional reason, then sets the subscription to cancel at the end of its period. The
 * answers live outside the dialog's content, so a failure, or closing and coming back to the
 * same subscription, keeps them.
 */
export function CancelSubscriptionDialog({
  subscription,
  trigger,
  onCanceled,
  ...openProps
}: CancelSubscriptionDialogProps) {
  const i18n = useBillingI18n()
  const m = subscriptionsText(i18n).cancel
  const capabilities = useCapabilities()
  const cancel = useCancelSubscription()
  const announce = useAnnounce()
  const errorMessage = useErrorMessage()
  const subscriptionId = subscription?.id ?? null
  const { open, setOpen, dialogProps } = useDialogState(openProps, () =>
    subscriptionId ? focusSubscriptionCard(subscriptionId, ['resume', 'change-plan', 'cancel']) : false,
  )

  const [draft, setDraft] = useState<Draft>({ subscriptionId, reason: null, comment: '' })
  // Answers belong to one subscription; another one starts blank.
  const current: Draft = draft.subscriptionId === subscriptionId ? draft : { subscriptionId, reason: null, comment: '' }
  const [failure, setFailure] = useState<BillingError | null>(null)
  const [pending, setPending] = useState(false)
  // A ref as well as state: a second press can arrive before React re-renders the button.
  const inFlight = useRef(false)

  // A fresh opening starts without the last attempt's error; the answers stay.
  useEffect(() => {
    if (open) setFailure(null)
  }, [open])

  const endsAt = subscription ? i18n.formatDate(accessEndsAt(subscription), 'long') : ''
  // Only after a failed attempt: our own success also flips the flags, just before closing.
  const gone = failure !== null && subscription != null && !canCancel(subscription)

  const update = (patch: Partial<Draft>) => setDraft({ ...current, ...patch })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (inFlight.current || !subscription || gone) return
    const comment = current.comment.trim()
    const input: CancelSubscriptionInput = { subscriptionId: subscription.id }
    if (current.reason) input.reason = current.reason
    if (comment) input.comment = comment.slice(0, CANCEL_COMMENT_MAX)
    inFlight.current = true
    setPending(true)
    setFailure(null)
    try {
      const updated = await cancel.mutateAsync(input)
      const date = i18n.formatDate(accessEndsAt(updated), 'long')
      announce(date ? i18n.t(m.success, { name: updated.name, date }) : i18n.t(m.successNoDate, { name: updated.name }))
      setDraft({ subscriptionId, reason: null, comment: '' })
      setOpen(false)
      onCanceled?.(updated)
    } catch (thrown) {
      setFailure(toBillingError(thrown))
    } finally {
      inFlight.current = false
      setPending(false)
    }
  }

  const reasonOptions = CANCEL_REASONS.map((reason) => ({ value: reason, label: m.reasons[reason] }))
  const title = subscription ? i18n.t(m.title, { name: subscription.name }) : m.confirm
  const description = endsAt ? i18n.t(m.description, { date: endsAt }) : m.descriptionNoDate

  let alreadyText = ''
  if (gone && subscription) {
    if (subscription.status === 'canceled') alreadyText = m.alreadyCanceled
    else alreadyText = endsAt ? i18n.t(m.alreadyCanceling, { date: endsAt }) : m.alreadyCancelingNoDate
  }

  return (
    <FormDialog
      {...dialogProps}
      trigger={trigger}
      title={title}
      description={description}
      pending={pending}
      className="bp-cancel-subscription-dialog"
      data-slot="cancel-subscription-dialog"
      onOpenAutoFocus={(event) => {
        // Start on the dialog itself, not on the first reason: the consequences come first, and
        // the reason is optional.
        event.preventDefault()
        if (event.currentTarget instanceof HTMLElement) event.currentTarget.focus()
      }}
      // Once it is canceled already there is nothing to confirm: only Close.
      cancelLabel={gone ? m.close : m.keep}
      cancelVariant={gone ? 'primary' : 'secondary'}
      action={
        !gone && {
          label: m.confirm,
          variant: 'danger',
          pendingLabel: m.pending,
          'data-slot': 'cancel-subscription-confirm',
        }
      }
    >
      {gone ? (
        <Notice tone="info" data-slot="cancel-subscription-stale">
          {alreadyText} {errorMessage(failure)}
        </Notice>
      ) : (
        <DialogForm className="bp-cancel-form" onSubmit={submit}>
          <div className="bp-cancel-consequences" data-slot="cancel-consequences">
            <p className="bp-cancel-consequences-title">{m.whatHappens}</p>
            <ul className="bp-cancel-consequences-list">
              <li>{m.walletStays}</li>
              <li>{endsAt ? i18n.t(m.usageStops, { date: endsAt }) : m.usageStopsNoDate}</li>
              {capabilities.resumeSubscription && (
                <li>{endsAt ? i18n.t(m.canResume, { date: endsAt }) : m.canResumeNoDate}</li>
              )}
            </ul>
          </div>
          <Field label={m.reason} description={m.reasonHint}>
            <RadioCards
              layout="list"
              className="bp-cancel-reasons"
              options={reasonOptions}
              value={current.reason ?? ''}
              onValueChange={(value) => update({ reason: value as CancelReason })}
              data-slot="cancel-reasons"
            />
          </Field>
          <Field label={m.comment} description={i18n.t(m.commentHint, { max: CANCEL_COMMENT_MAX })}>
            <Textarea
              rows={3}
              maxLength={CANCEL_COMMENT_MAX}
              value={current.comment}
              onChange={(event) => update({ comment: event.target.value })}
              data-slot="cancel-comment"
            />
          </Field>
          {failure && (
            <Notice tone="danger" title={m.failedTitle} data-slot="cancel-subscription-error">
              {errorMessage(failure)} {m.choiceKept}
            </Notice>
          )}
        </DialogForm>
      )}
    </FormDialog>
  )
}
