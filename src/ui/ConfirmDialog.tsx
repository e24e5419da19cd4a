import { useEffect, useState, type ReactNode } from 'react'
import { composeEventHandlers, cx } from './cx'
import type { DialogProps } from './Dialog'
import { FormDialog } from './FormDialog'
import { Notice } from './Notice'
import { useControllableState } from './useControllableState'
import { useErrorMessage } from './useErrorMessage'

export interface ConfirmDialogProps
  extends Omit<DialogProps, 'footer' | 'dismissible' | 'size' | 'role' | 'showCloseButton'> {
  /** The consequence, in plain words: what happens, and when. */
  description: ReactNode
  confirmLabel: ReactNode
  cancelLabel?: ReactNode
  /** Label read while confirming, e.g. "Removing card…". */
  pendingLabel?: string
  destructive?: boolean
  /**
   * Return a promise (e.g. `mutateAsync`) to keep the dialog open while it runs: it closes when
   * the promise resolves and shows the error inside when it rejects. A void return closes at once.
   */
  onConfirm: () => unknown
  /** Extra pending from outside (e.g. the mutation's own state). */
  pending?: boolean
  /** An error to show inside the dialog (e.g. the mutation's error). */
  error?: unknown
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function'
}

export function ConfirmDialog({
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  trigger,
  title,
  description,
  confirmLabel,
  cancelLabel,
  pendingLabel,
  destructive = false,
  onConfirm,
  pending = false,
  error,
  className,
  children,
  onOpenAutoFocus,
  onInteractOutside,
  ...props
}: ConfirmDialogProps) {
  const errorMessage = useErrorMessage()
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange)
  const [running, setRunning] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const busy = running || pending
  const shownError = error ?? failure

  // A fresh attempt starts clean; the old failure belongs to the last one.
  useEffect(() => {
    if (open) setFailure(null)
  }, [open])

  const confirm = async () => {
    if (busy) return
    setFailure(null)
    try {
      const result = onConfirm()
      if (isThenable(result)) {
        setRunning(true)
        await result
      }
    } catch (caught) {
      setFailure(caught)
      return
    } finally {
      setRunning(false)
    }
    setOpen(false)
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      trigger={trigger}
      title={title}
      description={description}
      role="alertdialog"
      size="sm"
      showCloseButton={false}
      pending={busy}
      cancelLabel={cancelLabel}
      cancelVariant="secondary"
      action={{
        label: confirmLabel,
        variant: destructive ? 'danger' : 'primary',
        pendingLabel,
        onClick: confirm,
      }}
      data-slot="confirm-dialog"
      data-variant={destructive ? 'danger' : 'default'}
      className={cx('bp-confirm-dialog', className)}
      // The safe choice has focus first (Cancel, the footer's first button), and only the
      // buttons answer: a click beside the dialog does not count as one.
      onOpenAutoFocus={composeEventHandlers(onOpenAutoFocus, (event) => {
        event.preventDefault()
        const content = event.currentTarget as HTMLElement
        content.querySelector<HTMLElement>('.bp-dialog-footer button')?.focus({ preventScroll: true })
      })}
      onInteractOutside={composeEventHandlers(onInteractOutside, (event) => event.preventDefault())}
      {...props}
    >
      {children || shownError != null ? (
        <>
          {children}
          {shownError != null && <Notice tone="danger">{errorMessage(shownError)}</Notice>}
        </>
      ) : undefined}
    </FormDialog>
  )
}
