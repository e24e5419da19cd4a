'use client'
import { Fragment, type ComponentProps, type Ref } from 'react'
import type { PaymentMethod } from '../../adapter/types'
import { useBillingI18n } from '../../i18n'
import { AlertIcon, Button, CheckIcon, cx, dataFlag, StatusBadge, TrashIcon } from '../../ui'
import { BrandMark } from './BrandMark'
import { cardExpiryState, formatExpiry } from './expiry'
import { methodName } from './methodName'
import { paymentMethodsText } from './messages'

export interface PaymentMethodRowProps extends Omit<ComponentProps<'li'>, 'children'> {
  method: PaymentMethod
  /** The date expiry warnings are measured from. Default: now. */
  now?: Date
  /** Offers "Set as default" (not on the default card nor on expired cards). */
  onSetDefault?: (method: PaymentMethod) => void
  /** Offers "Remove"; the caller confirms before removing anything. */
  onRemove?: (method: PaymentMethod) => void
  /** A pointer or focus reached "Remove": a click is likely to follow (e.g. load the dialog). */
  onRemoveIntent?: () => void
  /** Making this card the default is in flight. */
  pending?: boolean
  /** Another change is in flight: actions wait for it. */
  actionsDisabled?: boolean
  /** The "Remove" button, so focus can come back to it after a dialog. */
  removeRef?: Ref<HTMLButtonElement>
}

/** One saved payment method: brand, last 4, expiry, default badge, expiry warnings and actions. */
export function PaymentMethodRow({
  method,
  now,
  onSetDefault,
  onRemove,
  onRemoveIntent,
  pending = false,
  actionsDisabled = false,
  removeRef,
  className,
  ...props
}: PaymentMethodRowProps) {
  const i18n = useBillingI18n()
  const m = paymentMethodsText(i18n).row
  const common = i18n.messages.common
  const expiry = cardExpiryState(method, now)
  const date = formatExpiry(method)
  const name = methodName(method, i18n)
  const nameId = `bp-pm-${method.id.replace(/[^\w-]/g, '')}-name`

  const canSetDefault = Boolean(onSetDefault) && !method.isDefault && expiry !== 'expired'
  const details: string[] = []
  if (method.type === 'bank_account') details.push(m.bankAccount)
  if (date) details.push(i18n.t(expiry === 'expired' ? m.expiredOn : m.expires, { date }))
  if (method.wallet) details.push(common.wallets[method.wallet])

  return (
    <li
      data-slot="payment-method-row"
      data-status={expiry}
      data-state={expiry}
      data-default={dataFlag(method.isDefault)}
      data-pending={dataFlag(pending)}
      data-type={method.type}
      aria-labelledby={nameId}
      aria-busy={pending || undefined}
      className={cx('bp-pm-row', className)}
      {...props}
    >
      <BrandMark method={method} />
      <div className="bp-pm-text">
        <div className="bp-pm-title">
          <span id={nameId} className="bp-pm-name">
            <NameParts name={name} />
          </span>
          {method.isDefault && (
            <StatusBadge status="default" tone="info" data-slot="payment-method-default">
              <CheckIcon />
              {m.defaultBadge}
            </StatusBadge>
          )}
          {expiry === 'expired' && (
            <StatusBadge status="expired" tone="danger">
              <AlertIcon />
              {m.expired}
            </StatusBadge>
          )}
          {expiry === 'expiring_soon' && (
            <StatusBadge status="expiring_soon" tone="warning">
              <AlertIcon />
              {m.expiringSoon}
            </StatusBadge>
          )}
        </div>
        {details.length > 0 && (
          <p className="bp-pm-meta">
            {details.map((detail, index) => (
              // Each detail stays whole on narrow screens ("Apple Pay", "Expires 12/2029").
              <Fragment key={detail}>
                {index > 0 && ' · '}
                <span className="bp-pm-detail">{detail}</span>
              </Fragment>
            ))}
          </p>
        )}
        {pending && (
          <p className="bp-pm-meta" role="status">
            {m.settingDefault}
          </p>
        )}
      </div>
      {(canSetDefault || onRemove) && (
        // Plain buttons rather than a "⋯" menu: both actions stay in sight, and no menu code ships.
        <div className="bp-pm-actions" data-slot="payment-method-actions">
          {canSetDefault && (
            <Button
              variant="ghost"
              size="sm"
              aria-label={i18n.t(m.setDefaultFor, { card: name })}
              // Focusable while another change runs, so focus has somewhere to stay.
              aria-disabled={actionsDisabled || undefined}
              onClick={() => {
                if (!actionsDisabled) onSetDefault?.(method)
              }}
              data-slot="payment-method-set-default"
            >
              <CheckIcon />
              {m.setDefault}
            </Button>
          )}
          {onRemove && (
            <Button
              ref={removeRef}
              variant="ghost"
              size="sm"
              aria-label={i18n.t(m.removeFor, { card: name })}
              aria-disabled={actionsDisabled || undefined}
              onClick={() => {
                if (!actionsDisabled) onRemove(method)
              }}
              onPointerEnter={onRemoveIntent}
              onFocus={onRemoveIntent}
              data-slot="payment-method-remove"
            >
              <TrashIcon />
              {m.remove}
            </Button>
          )}
        </div>
      )}
    </li>
  )
}

/** "•••• 4242" never splits across lines; the brand before it may wrap on narrow screens. */
function NameParts({ name }: { name: string }) {
  const at = name.lastIndexOf('••••')
  if (at <= 0) return name
  return (
    <>
      {name.slice(0, at)}
      <span className="bp-pm-last4">{name.slice(at)}</span>
    </>
  )
}
