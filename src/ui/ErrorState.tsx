import type { ComponentProps, ReactNode } from 'react'
import { useBillingI18n } from '../i18n'
import { Button } from './Button'
import { cx } from './cx'
import { AlertIcon } from './icons'
import { useErrorMessage } from './useErrorMessage'

export interface ErrorStateProps extends Omit<ComponentProps<'div'>, 'title'> {
  /** Anything thrown; shown as its localised message, never as raw server text. */
  error: unknown
  onRetry?: () => void
  /** Offers reloading the page too, with a line that says why (a retry already failed). */
  onReload?: () => void
  /** True while the retry runs: the button stays focused and shows progress. */
  retrying?: boolean
  title?: ReactNode
}

/** A failed load in place of its content, with a way to try again. */
export function ErrorState({
  error,
  onRetry,
  onReload,
  retrying = false,
  title,
  className,
  ...props
}: ErrorStateProps) {
  const { messages } = useBillingI18n()
  const errorMessage = useErrorMessage()
  return (
    <div role="alert" data-slot="error-state" className={cx('bp-error-state', className)} {...props}>
      <span className="bp-error-state-icon">
        <AlertIcon />
      </span>
      <p className="bp-error-state-title">{title ?? messages.ui.errorTitle}</p>
      <p className="bp-error-state-description">{errorMessage(error)}</p>
      {onReload && <p className="bp-error-state-description">{messages.ui.reloadHint}</p>}
      {(onRetry || onReload) && (
        <div className="bp-error-state-actions">
          {onRetry && (
            <Button variant="secondary" size="sm" pending={retrying} onClick={onRetry}>
              {messages.ui.retry}
            </Button>
          )}
          {onReload && (
            <Button variant="secondary" size="sm" onClick={onReload}>
              {messages.ui.reloadPage}
            </Button>
          )}
        </div>
      )}
    </div>
  )
}
