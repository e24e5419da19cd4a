import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import { VisuallyHidden } from './VisuallyHidden'

export type Politeness = 'polite' | 'assertive'
export type Announce = (message: string, politeness?: Politeness) => void

const AnnounceContext = createContext<Announce | null>(null)

const noop: Announce = () => {}

/**
 * One pair of live regions per panel. Regions must exist before their text changes to be read,
 * so they are rendered once here rather than next to each message.
 */
export function AnnouncerProvider({ children }: { children?: ReactNode }) {
  const [polite, setPolite] = useState('')
  const [assertive, setAssertive] = useState('')
  const timers = useRef<number[]>([])

  useEffect(
    () => () => {
      for (const t of timers.current) window.clearTimeout(t)
    },
    [],
  )

  const announce = useCallback<Announce>((message, politeness = 'polite') => {
    const set = politeness === 'assertive' ? setAssertive : setPolite
    // Clearing first makes a repeated message ("Saved", "Saved") be read again.
    set('')
    timers.current.push(window.setTimeout(() => set(message), 50))
  }, [])

  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <Announcer polite={polite} assertive={assertive} />
    </AnnounceContext.Provider>
  )
}

/** The live regions themselves; rendered by AnnouncerProvider. */
export function Announcer({ polite, assertive }: { polite: string; assertive: string }) {
  return (
    <VisuallyHidden data-slot="announcer">
      <div role="status" aria-live="polite" aria-atomic="true">
        {polite}
      </div>
      <div role="alert" aria-live="assertive" aria-atomic="true">
        {assertive}
      </div>
    </VisuallyHidden>
  )
}

/** `announce("Card removed")` reads a message without moving focus. No-op outside a provider. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext) ?? noop
}

/** Announces `message` each time it changes to a non-empty value. */
export function useAnnounceOnChange(message: string | null | undefined, politeness?: Politeness) {
  const announce = useAnnounce()
  useEffect(() => {
    if (message) announce(message, politeness)
  }, [announce, message, politeness])
}
