import { useEffect, useRef, type ComponentProps, type MouseEvent } from 'react'
import { useBillingI18n } from '../i18n'
import { useAnnounce } from './Announcer'
import { cx, dataFlag } from './cx'
import { SpinnerIcon } from './icons'
import { renderAsChild } from './slot'

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'link'
export type ButtonSize = 'sm' | 'md'

export interface ButtonProps extends ComponentProps<'button'> {
  variant?: ButtonVariant
  size?: ButtonSize
  /**
   * Work in flight: the button stays focusable (no `disabled` attribute), but clicks and form
   * submits are swallowed, so a charge cannot be sent twice.
   */
  pending?: boolean
  /** Read to screen readers when pending starts. Default "Working…". */
  pendingLabel?: string
  /** Icon-only buttons: square padding. Give them an `aria-label`. */
  iconOnly?: boolean
  asChild?: boolean
}

export function Button({
  variant = 'secondary',
  size = 'md',
  pending = false,
  pendingLabel,
  iconOnly = false,
  asChild = false,
  type = 'button',
  className,
  children,
  onClick,
  disabled,
  ...props
}: ButtonProps) {
  const { messages } = useBillingI18n()
  const announce = useAnnounce()
  const label = pendingLabel ?? messages.ui.working
  const wasPending = useRef(pending)

  useEffect(() => {
    if (pending && !wasPending.current) announce(label)
    wasPending.current = pending
  }, [pending, label, announce])

  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) {
      // preventDefault on the click also cancels the form submit it would trigger.
      event.preventDefault()
      return
    }
    onClick?.(event)
  }

  const shared = {
    'data-slot': 'button',
    'data-variant': variant,
    'data-size': size,
    'data-pending': dataFlag(pending),
    'data-icon-only': dataFlag(iconOnly),
    'aria-disabled': pending || undefined,
    className: cx('bp-button', className),
    onClick: handleClick,
    ...props,
  }

  if (asChild) {
    return renderAsChild(children, shared)
  }
  return (
    <button type={type} disabled={disabled} {...shared}>
      {pending && <SpinnerIcon className="bp-spinner" />}
      {children}
    </button>
  )
}
