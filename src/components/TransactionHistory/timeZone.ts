import { useBillingI18n, type BillingI18n } from '../../i18n'

/**
 * The time zone the panel shows dates in, so that a day in the filter is the day the list
 * shows. Read from i18n when it carries the provider's `timeZone`; otherwise undefined, which
 * means the user's own zone — the provider's default too.
 */
export function useDisplayTimeZone(): string | undefined {
  const i18n = useBillingI18n() as BillingI18n & { timeZone?: string }
  return typeof i18n.timeZone === 'string' ? i18n.timeZone : undefined
}
