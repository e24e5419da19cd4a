import { Dialog as RadixDialog } from 'radix-ui'
import type { ReactNode } from 'react'
import { FormDialog, type FormDialogProps } from './FormDialog'
import { useControllableState } from './useControllableState'
import type { DialogOpenProps } from './useDialogState'

export interface DialogProps
  extends Omit<FormDialogProps, 'open' | 'onOpenChange' | 'pending' | 'cancelLabel' | 'cancelVariant' | 'action'>,
    DialogOpenProps {
  footer?: ReactNode
  /** False while something irreversible runs: nothing the person does closes the dialog. */
  dismissible?: boolean
}

/** The panel's dialog frame with a footer of one's own (`DialogClose` makes a button close it). */
export function Dialog({
  open,
  defaultOpen = false,
  onOpenChange,
  dismissible = true,
  footer = null,
  ...props
}: DialogProps) {
  const [isOpen, setOpen] = useControllableState(open, defaultOpen, onOpenChange)
  return <FormDialog open={isOpen} onOpenChange={setOpen} pending={!dismissible} footer={footer} {...props} />
}

/** Wrap a footer button to make it close the dialog: `<DialogClose asChild><Button>…`. */
export const DialogClose = RadixDialog.Close
