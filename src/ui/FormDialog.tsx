import { Dialog as RadixDialog } from 'radix-ui'
import { createContext, useContext, useId, type ComponentProps, type ReactNode } from 'react'
import { useBillingI18n } from '../i18n'
import { Button, type ButtonProps, type ButtonVariant } from './Button'
import { composeEventHandlers, cx, dataFlag } from './cx'
import { CloseIcon } from './icons'
import { PortalTheme, usePortalContainer } from './PortalTheme'

/** The footer's main button. It submits the dialog's `DialogForm`, unless it has an `onClick`. */
export interface FormDialogAction extends Omit<ButtonProps, 'children' | 'type' | 'form'> {
  label: ReactNode
  'data-slot'?: string
}

export interface FormDialogProps extends Omit<ComponentProps<typeof RadixDialog.Content>, 'title'> {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Element that opens the dialog (rendered as is, gets the open handler). */
  trigger?: ReactNode
  title: ReactNode
  /** Read when the dialog opens; say what the dialog is for. */
  description: ReactNode
  size?: 'sm' | 'md' | 'lg'
  /**
   * Work in flight (a charge, a save): nothing the person does closes the dialog — not Escape,
   * a click outside, nor Cancel — and the action shows pending, so it cannot be sent twice.
   */
  pending?: boolean
  /** Default "Cancel". */
  cancelLabel?: ReactNode
  /** Default `ghost`. */
  cancelVariant?: ButtonVariant
  /** Left out (or false) while there is nothing to submit: the footer offers only Cancel. */
  action?: FormDialogAction | false | null
  /** A footer of one's own instead of Cancel and the action; null for none. */
  footer?: ReactNode
  /** The corner ✕ (while not pending). Off for a confirmation, whose Cancel is the way out. */
  showCloseButton?: boolean
}

const FormIdContext = createContext<string | undefined>(undefined)

/**
 * The panel's dialog: title and description, the body, and a footer of Cancel and the action
 * that submits the body's `DialogForm` (the body may show a loading or error state instead).
 * While the action runs the dialog holds open. Controlled: the caller owns `open`.
 */
export function FormDialog({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  size = 'md',
  pending = false,
  cancelLabel,
  cancelVariant = 'ghost',
  action,
  footer,
  showCloseButton = true,
  className,
  children,
  onEscapeKeyDown,
  onInteractOutside,
  ...props
}: FormDialogProps) {
  const { messages } = useBillingI18n()
  const container = usePortalContainer()
  const formId = `bp-form${useId().replace(/:/g, '')}`
  const block = (event: Event) => {
    if (pending) event.preventDefault()
  }
  let buttons = footer
  if (footer === undefined) {
    let main: ReactNode = null
    if (action) {
      const { label, ...button } = action
      main = (
        <Button
          variant="primary"
          pending={pending}
          {...(button.onClick ? null : { type: 'submit' as const, form: formId })}
          {...button}
        >
          {label}
        </Button>
      )
    }
    buttons = (
      <>
        <RadixDialog.Close asChild>
          <Button variant={cancelVariant} disabled={pending}>
            {cancelLabel ?? messages.ui.cancel}
          </Button>
        </RadixDialog.Close>
        {main}
      </>
    )
  }
  // Held open while pending here too, so Cancel (a Close) cannot close it mid-charge either.
  const changeOpen = (next: boolean) => {
    if (next || !pending) onOpenChange(next)
  }
  return (
    <RadixDialog.Root open={open} onOpenChange={changeOpen}>
      {trigger && <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>}
      <RadixDialog.Portal container={container}>
        <PortalTheme>
          <RadixDialog.Overlay className="bp-dialog-overlay" data-slot="dialog-overlay" />
          <RadixDialog.Content
            data-slot="dialog"
            data-size={size}
            data-pending={dataFlag(pending)}
            className={cx('bp-dialog', className)}
            onEscapeKeyDown={composeEventHandlers(onEscapeKeyDown, block)}
            onInteractOutside={composeEventHandlers(onInteractOutside, block)}
            {...props}
          >
            <div className="bp-dialog-header">
              <RadixDialog.Title className="bp-dialog-title">{title}</RadixDialog.Title>
              <RadixDialog.Description className="bp-dialog-description">{description}</RadixDialog.Description>
            </div>
            {children !== undefined && (
              <div className="bp-dialog-body">
                <FormIdContext.Provider value={formId}>{children}</FormIdContext.Provider>
              </div>
            )}
            {buttons && <div className="bp-dialog-footer">{buttons}</div>}
            {!pending && showCloseButton && (
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

export type DialogFormProps = Omit<ComponentProps<'form'>, 'id'>

/**
 * The form a `FormDialog`'s action submits. `noValidate`: the fields say what is wrong in the
 * panel's words and language, not the browser's.
 */
export function DialogForm(props: DialogFormProps) {
  return <form id={useContext(FormIdContext)} noValidate {...props} />
}
