import { useControllableState } from './useControllableState'
import { type FocusFallback, useReturnFocus } from './useReturnFocus'

/** A dialog's open state, as a host passes it: controlled (`open`) or not (`defaultOpen`). */
export interface DialogOpenProps {
  open?: boolean
  defaultOpen?: boolean
  onOpenChange?: (open: boolean) => void
}

/**
 * Open state for a dialog the panel opens from its own buttons, controlled or not, with focus
 * going back on close to whatever opened it (else to `focusFallback`). Spread `dialogProps` on
 * the dialog; `setOpen(false)` closes it after success.
 */
export function useDialogState(
  { open, defaultOpen = false, onOpenChange }: DialogOpenProps,
  focusFallback?: FocusFallback,
) {
  const [isOpen, setOpen] = useControllableState(open, defaultOpen, onOpenChange)
  const onCloseAutoFocus = useReturnFocus(isOpen, focusFallback)
  return { open: isOpen, setOpen, dialogProps: { open: isOpen, onOpenChange: setOpen, onCloseAutoFocus } }
}
