import { Dialog as RadixDialog } from 'radix-ui'
import type { ComponentProps, ReactNode } from 'react'
import { useBillingI18n } from '../i18n'
import { composeEventHandlers, cx, dataFlag } from './cx'
import { CloseIcon } from './icons'
import { PortalTheme, usePortalContainer } from './PortalTheme'
import { useControllableState } from './useControllableState'

export interface DialogProps extends Omit<ComponentProps<typeof RadixDialog.Content>, 'title'> {
  open?: boolean
  defaultOpen?: boolean
  onOpenChange?: (open: boolean) => void
  /** Element that opens the dialog (rendered as is, gets the open handler). */
  trigger?: ReactNode
  title: ReactNode
  /** Read when the dialog opens; say what the dialog is for. */
  description: ReactNode
  footer?: ReactNode
  /** False while something irreversible runs: nothing the person does closes the dialog. */
  dismissible?: boolean
  size?: 'sm' | 'md' | 'lg'
}

export function Dialog({
  open,
  defaultOpen,
  onOpenChange,
  trigger,
  title,
  description,
  footer,
  dismissible = true,
  size = 'md',
  className,
  children,
  onEscapeKeyDown,
  onInteractOutside,
  ...props
}: DialogProps) {
  const { messages } = useBillingI18n()
  const container = usePortalContainer()
  const [isOpen, setOpen] = useControllableState(open, defaultOpen ?? false, onOpenChange)
  const block = (event: Event) => {
    if (!dismissible) event.preventDefault()
  }
  // Held open here too, so a footer "Cancel" (DialogClose) cannot close it mid-charge either.
  const handleOpenChange = (next: boolean) => {
    if (next || dismissible) setOpen(next)
  }
  return (
    <RadixDialog.Root open={isOpen} onOpenChange={handleOpenChange}>
      {trigger && <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>}
      <RadixDialog.Portal container={container}>
        <PortalTheme>
          <RadixDialog.Overlay className="bp-dialog-overlay" data-slot="dialog-overlay" />
          <RadixDialog.Content
            data-slot="dialog"
            data-size={size}
            data-pending={dataFlag(!dismissible)}
            className={cx('bp-dialog', className)}
            onEscapeKeyDown={composeEventHandlers(onEscapeKeyDown, block)}
            onInteractOutside={composeEventHandlers(onInteractOutside, block)}
            {...props}
          >
            <div className="bp-dialog-header">
              <RadixDialog.Title className="bp-dialog-title">{title}</RadixDialog.Title>
              <RadixDialog.Description className="bp-dialog-description">{description}</RadixDialog.Description>
            </div>
            {children !== undefined && <div className="bp-dialog-body">{children}</div>}
            {footer && <div className="bp-dialog-footer">{footer}</div>}
            {dismissible && (
              <RadixDialog.Close className="bp-dialog-close" aria-label={messages.ui.close}>
                <CloseIcon />
              </RadixDialog.Close>
            )}
          </RadixDialog.Content>
        </PortalTheme>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}

/** Wrap a footer button to make it close the dialog: `<DialogClose asChild><Button>…`. */
export const DialogClose = RadixDialog.Close
