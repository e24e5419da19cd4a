import { useState } from 'react'
import { useLatch } from '../../ui'

/** One dialog whose code is fetched when first wanted (a `deferred` component). */
export interface LazyDialogState {
  /** For the dialog itself. */
  props: { open: boolean; onOpenChange: (open: boolean) => void }
  /** From the first opening on, so the dialog keeps what was typed and closes with its animation. */
  mounted: boolean
  show: () => void
  /** Fetches the dialog's code, for a pointer or focus reaching whatever opens it. */
  preload: () => void
  /** For the button that opens the dialog: opens on click, fetches the code on pointer or focus. */
  trigger: { onClick: () => void; onPointerEnter: () => void; onFocus: () => void }
}

export function useLazyDialog(dialog: { preload: () => Promise<unknown> }, defaultOpen = false): LazyDialogState {
  const [open, onOpenChange] = useState(defaultOpen)
  const mounted = useLatch(open)
  const preload = () => void dialog.preload()
  const show = () => onOpenChange(true)
  return {
    props: { open, onOpenChange },
    mounted,
    show,
    preload,
    trigger: { onClick: show, onPointerEnter: preload, onFocus: preload },
  }
}
