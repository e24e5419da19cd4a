import type { PaymentMethod } from '../../adapter/types'

const SHORT: Record<string, string> = {
  visa: 'VISA',
  amex: 'AMEX',
  discover: 'DISC',
  diners: 'DC',
  jcb: 'JCB',
  unionpay: 'UP',
}

/**
 * A small brand tile. Decorative: the brand is always in the row's text, so screen readers hear
 * it once. No trademark artwork, just the brand's colour and short name.
 */
export function BrandMark({ method }: { method: Pick<PaymentMethod, 'type' | 'brand'> }) {
  const kind = method.type === 'bank_account' ? 'bank' : method.brand
  return (
    <span className="bp-brand-mark" data-brand={kind} aria-hidden="true">
      {kind === 'mastercard' ? (
        <svg width="24" height="15" viewBox="0 0 24 15" aria-hidden="true" focusable="false">
          <circle cx="8.5" cy="7.5" r="6.5" fill="#eb001b" />
          <circle cx="15.5" cy="7.5" r="6.5" fill="#f79e1b" fillOpacity="0.9" />
        </svg>
      ) : kind === 'bank' ? (
        <svg
          width="16"
          height="16"
          viewBox="0 0 16 16"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.4"
          aria-hidden="true"
          focusable="false"
        >
          <path
            d="M2 6.2L8 2.5l6 3.7M3 6.5h10M4 7v5M6.7 7v5M9.3 7v5M12 7v5M2.5 13.5h11"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      ) : SHORT[kind] ? (
        <span className="bp-brand-mark-text">{SHORT[kind]}</span>
      ) : (
        <svg
          width="16"
          height="16"
          viewBox="0 0 16 16"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.4"
          aria-hidden="true"
          focusable="false"
        >
          <rect x="1.5" y="3.5" width="13" height="9" rx="1.5" />
          <path d="M1.5 6.5h13M4 10h2.5" strokeLinecap="round" />
        </svg>
      )}
    </span>
  )
}
