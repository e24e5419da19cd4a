'use client'
import { useEffect, useRef, useState, type ComponentPropsWithoutRef } from 'react'
import type { BillingProfile } from '../../adapter/types'
import { useBillingI18n } from '../../i18n'
import { Button, ConfirmDialog, cx, dataFlag, Notice, Switch, useErrorMessage } from '../../ui'
import { AddressFields, ContactFields, TaxFields, useFieldBinding } from './BillingProfileFields'
import { countryFromLocale } from './countries'
import { billingProfileFormText } from './formMessages'
import { useBillingFormState } from './useBillingFormState'
import { useBillingProfileSubmit } from './useBillingProfileSubmit'
import { valuesFromProfile } from './validation'

export interface BillingProfileFormProps extends Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit' | 'children'> {
  /** What the form starts from; `null` starts empty, with the country of the user's locale. */
  profile: BillingProfile | null
  /** After the adapter saved it, with the profile as stored. */
  onSaved?: (profile: BillingProfile) => void
  /** Shows "Cancel"; with unsaved changes the user confirms first. */
  onCancel?: () => void
  /** Focus the first field on mount (when the user just asked to edit). */
  autoFocus?: boolean
}

/**
 * The billing information form. Validates by country as the user goes, saves through the data
 * layer, puts server field errors on their fields, and never drops what was typed on failure.
 */
export function BillingProfileForm({
  profile,
  onSaved,
  onCancel,
  autoFocus = false,
  className,
  ...props
}: BillingProfileFormProps) {
  const billingI18n = useBillingI18n()
  const { messages, intlLocale } = billingI18n
  const m = billingProfileFormText(billingI18n)
  const errorMessage = useErrorMessage()
  const [initial] = useState(() => valuesFromProfile(profile, countryFromLocale(intlLocale)))
  const form = useBillingFormState(initial, intlLocale)
  const { submit, failure, pending } = useBillingProfileSubmit(form, m.form.saved, onSaved)
  const bind = useFieldBinding(form, pending, m)
  const [confirmOpen, setConfirmOpen] = useState(false)
  const discarding = useRef(false)
  const cancelButton = useRef<HTMLButtonElement>(null)

  const cancel = () => {
    if (!form.dirty) {
      onCancel?.()
      return
    }
    discarding.current = false
    setConfirmOpen(true)
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the form first appears
  useEffect(() => {
    if (autoFocus) form.focusFirst(['name'])
  }, [])

  return (
    <>
      <form
        {...props}
        noValidate
        aria-label={m.editLabel}
        data-slot="billing-profile-form"
        data-pending={dataFlag(pending)}
        data-dirty={dataFlag(form.dirty)}
        className={cx('bp-form', 'bp-billing-form', className)}
        onSubmit={submit}
      >
        <p className="bp-billing-required-note">{m.form.requiredNote}</p>
        <ContactFields bind={bind} />
        <AddressFields bind={bind} />
        <TaxFields bind={bind} />

        <hr className="bp-divider" />

        <Switch
          label={m.form.walletReceipts}
          description={m.form.walletReceiptsDescription}
          checked={form.values.walletReceipts}
          onCheckedChange={(checked) => {
            if (!pending) form.setWalletReceipts(checked)
          }}
          data-slot="billing-wallet-receipts"
        />

        {failure && (
          <Notice tone="danger" data-slot="billing-profile-error">
            {errorMessage(failure.error)}
            {failure.unplaced.length > 0 && (
              <ul className="bp-billing-error-list">
                {failure.unplaced.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
          </Notice>
        )}

        <div className="bp-form-actions">
          {onCancel && (
            <Button
              ref={cancelButton}
              variant="ghost"
              onClick={cancel}
              disabled={pending}
              data-slot="billing-profile-cancel"
            >
              {messages.ui.cancel}
            </Button>
          )}
          <Button
            type="submit"
            variant="primary"
            pending={pending}
            pendingLabel={m.form.saving}
            data-slot="billing-profile-save"
          >
            {m.form.save}
          </Button>
        </div>
      </form>

      <ConfirmDialog
        open={confirmOpen}
        onOpenChange={setConfirmOpen}
        onConfirm={() => {
          discarding.current = true
          onCancel?.()
        }}
        onCloseAutoFocus={(event) => {
          // Radix returns focus to a Trigger, and this dialog has none. After a discard the form
          // goes away, and whoever shows the view next decides where focus lands.
          event.preventDefault()
          if (!discarding.current) cancelButton.current?.focus()
        }}
        title={m.discard.title}
        description={m.discard.description}
        confirmLabel={m.discard.confirm}
        cancelLabel={m.discard.keepEditing}
        destructive
        data-slot="billing-discard-dialog"
      />
    </>
  )
}
