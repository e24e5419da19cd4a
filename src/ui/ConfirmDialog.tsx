import { AlertDialog } from 'radix-ui'
import { useEffect, useState, type ComponentProps, type ReactNode } from 'react'
import { useBillingI18n } from '../i18n'
import { Button } from './Button'
import { composeEventHandlers, cx, dataFlag } from './cx'
import { Notice } from './Notice'
import { PortalTheme, usePortalContainer } from './PortalTheme'
import { useControllableState } from './useControllableState'
import { useErrorMessage } from './useErrorMessage'

export interface ConfirmDialogProps extends Omit<ComponentProps<typeof AlertDialog.Content>, 'title'> {
  open?: boolean
  defaultOpen?: boolean
  onOpenChange?: (open: boolean) => void
  trigger?: ReactNode
  title: ReactNode
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
  onEscapeKeyDown,
  ...props
}: ConfirmDialogProps) {
  const { messages } = useBillingI18n()
  const errorMessage = useErrorMessage()
  const container = usePortalContainer()
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

  const handleOpenChange = (next: boolean) => {
    if (!next && busy) return
    setOpen(next)
  }

  return (
    <AlertDialog.Root open={open} onOpenChange={handleOpenChange}>
      {trigger && <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>}
      <AlertDialog.Portal container={container}>
        <PortalTheme>
          <AlertDialog.Overlay className="bp-dialog-overlay" data-slot="dialog-overlay" />
          <AlertDialog.Content
            data-slot="confirm-dialog"
            data-size="sm"
            data-variant={destructive ? 'danger' : 'default'}
            data-pending={dataFlag(busy)}
            className={cx('bp-dialog', 'bp-confirm-dialog', className)}
            onEscapeKeyDown={composeEventHandlers(onEscapeKeyDown, (event) => {
              if (busy) event.preventDefault()
            })}
            {...props}
          >
            <div className="bp-dialog-header">
              <AlertDialog.Title className="bp-dialog-title">{title}</AlertDialog.Title>
              <AlertDialog.Description className="bp-dialog-description">{description}</AlertDialog.Description>
            </div>
            {(children || shownError != null) && (
              <div className="bp-dialog-body">
                {children}
                {shownError != null && <Notice tone="danger">{errorMessage(shownError)}</Notice>}
              </div>
            )}
            <div className="bp-dialog-footer">
              <AlertDialog.Cancel asChild>
                <Button variant="secondary" disabled={busy}>
                  {cancelLabel ?? messages.ui.cancel}
                </Button>
              </AlertDialog.Cancel>
              <Button
                variant={destructive ? 'danger' : 'primary'}
                pending={busy}
                pendingLabel={pendingLabel}
                onClick={confirm}
              >
                {confirmLabel}
              </Button>
            </div>
          </AlertDialog.Content>
        </PortalTheme>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  )
}
