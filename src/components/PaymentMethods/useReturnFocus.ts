import { useCallback, useLayoutEffect, useRef } from 'react'

/**
 * Focus goes back to whatever opened a dialog, or to `fallback` when that is gone (the row of a
 * removed card). These dialogs open from state, so Radix has no Trigger to return to. Layout
 * effects run before the dialog's focus scope moves focus, so the opener is still focused.
 */
export function useReturnFocus(open: boolean, fallback?: () => HTMLElement | null | undefined) {
  const opener = useRef<HTMLElement | null>(null)
  const fallbackRef = useRef(fallback)
  fallbackRef.current = fallback
  useLayoutEffect(() => {
    if (!open || typeof document === 'undefined') return
    const active = document.activeElement
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null
  }, [open])
  return useCallback((event: Event) => {
    const target = opener.current?.isConnected ? opener.current : fallbackRef.current?.()
    opener.current = null
    if (target?.isConnected) {
      event.preventDefault()
      target.focus()
    }
  }, [])
}
