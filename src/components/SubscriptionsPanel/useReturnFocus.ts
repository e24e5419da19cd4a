import { useCallback, useLayoutEffect, useRef } from 'react'

/**
 * Focus goes back to whatever opened the dialog. These dialogs open from state (a card's
 * button, or the host), so Radix has no Trigger to return to. When the opener is gone (Cancel
 * became Resume), `fallback` picks where focus goes instead. Layout effects run before the
 * dialog's focus scope moves focus, so the opener is still the active element here.
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
