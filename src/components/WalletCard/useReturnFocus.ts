import { useCallback, useLayoutEffect, useRef } from 'react'

/**
 * Focus goes back to whatever opened the dialog. Radix returns it to its own Trigger, and these
 * dialogs are opened from state (by the card's buttons or by the host), so there is none. When
 * the opener is gone, `fallback` picks where focus goes instead. Layout effects run before the
 * dialog's focus scope takes focus, so the opener is still focused.
 */
export function useReturnFocus(open: boolean, fallback?: () => boolean) {
  const opener = useRef<HTMLElement | null>(null)
  useLayoutEffect(() => {
    if (open && typeof document !== 'undefined' && document.activeElement instanceof HTMLElement) {
      opener.current = document.activeElement
    }
  }, [open])
  return useCallback(
    (event: Event) => {
      const target = opener.current
      opener.current = null
      if (target?.isConnected && target !== document.body) {
        event.preventDefault()
        target.focus()
        return
      }
      if (fallback?.()) event.preventDefault()
    },
    [fallback],
  )
}
