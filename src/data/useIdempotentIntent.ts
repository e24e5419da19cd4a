import { useRef } from 'react'
import { createIdempotencyKey } from './mutation'

/**
 * One idempotency key per intent to move money. The same request again (the same amount on the
 * same card, the same plan for the same subscription) — a double click, a retry after a timeout
 * or after 3-D Secure — gets the same key, so the adapter charges at most once; another
 * request, or one after the intent is complete, gets a new key.
 */
export function useIdempotentIntent(prefix: string) {
  const intent = useRef<{ request: string; key: string } | null>(null)
  return {
    /** `request`: what the charge is for, as text (e.g. its input as JSON). */
    keyFor(request: string): string {
      if (intent.current?.request !== request) intent.current = { request, key: createIdempotencyKey(prefix) }
      return intent.current.key
    },
    /** The intent is over (charged, or refused for good): the next attempt is a new one. */
    complete() {
      intent.current = null
    },
  }
}
