import { useCallback } from 'react'
import { toBillingError } from '../adapter/errors'
import { interpolate, useBillingI18n, type BillingMessages } from '../i18n'

type ErrorMessages = BillingMessages['common']['errors']

/**
 * The localised sentence for anything an adapter threw. Server text is never shown: it may be in
 * another language or leak internals; the typed code decides the message.
 */
export function describeError(error: unknown, messages: ErrorMessages): string {
  const billingError = toBillingError(error)
  const decline = billingError.declineCode as keyof ErrorMessages['decline'] | undefined
  let text = messages[billingError.code] ?? messages.unknown
  if (billingError.code === 'card_declined' && decline && Object.hasOwn(messages.decline, decline)) {
    text = messages.decline[decline]
  }
  if (billingError.code === 'rate_limited' && billingError.retryAfterMs) {
    const seconds = Math.max(1, Math.ceil(billingError.retryAfterMs / 1000))
    text = `${text} ${interpolate(messages.retryIn, { seconds })}`
  }
  return text
}

export function useErrorMessage(): (error: unknown) => string {
  const { messages } = useBillingI18n()
  const errors = messages.common.errors
  return useCallback((error: unknown) => describeError(error, errors), [errors])
}
