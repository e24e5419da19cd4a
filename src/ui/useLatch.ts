import { useState } from 'react'

/**
 * True from the first time `value` is true on. A dialog mounted on its first opening stays
 * mounted, so it keeps what was typed (and a top-up's intent) and closes with its animation.
 */
export function useLatch(value: boolean): boolean {
  const [latched, setLatched] = useState(value)
  // Adjusting state while rendering, as React documents for values derived from props.
  if (value && !latched) setLatched(true)
  return latched || value
}
