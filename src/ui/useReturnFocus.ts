import { useCallback, useLayoutEffect, useRef } from 'react'

/**
 * Where focus goes when the opener is gone (a removed card's row, Cancel that became Resume):
 * an element to focus, or `true` when the fallback moved focus itself.
 */
export type FocusFallback = () => HTMLElement | boolean | null | undefined

/**
 * For `onCloseAutoFocus`: focus goes back to whatever opened the dialog, else to `fallback`.
 * These dialogs open from state (their buttons, the host, another section), so Radix has no
 * Trigger to return to. Layout effects run before the dialog's focus scope moves focus, so the
 * opener is still the active element here.
 */
export function useReturnFocus(open: boolean, fallback?: FocusFallback) {
  const opener = useRef<HTMLElement | null>(null)
  const fallbackRef = useRef(fallback)
  fallbackRef.current = fallback
  useLayoutEffect(() => {
    if (!open || typeof document === 'undefined') return
    const active = document.activeElement
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null
  }, [open])
  return useCallback((event: Event) => {
    const target = opener.current
    opener.current = null
    if (target?.isConnected) {
      event.preventDefault()
      target.focus()
      return
    }
    const instead = fallbackRef.current?.()
    if (instead instanceof HTMLElement) {
      if (!instead.isConnected) return
      event.preventDefault()
      instead.focus()
    } else if (instead) {
      event.preventDefault()
    }
  }, [])
}
