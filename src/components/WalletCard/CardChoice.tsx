import type { PaymentMethod } from '../../adapter/types'
import { useBillingI18n } from '../../i18n'
import { CardIcon, Field, RadioCards } from '../../ui'
import { cardName } from './walletMath'
import { walletText } from './messages'

/** A card is good through the last day of its expiry month. */
export function isCardExpired(method: Pick<PaymentMethod, 'expMonth' | 'expYear'>, now = new Date()): boolean {
  if (method.expMonth == null || method.expYear == null) return false
  const year = now.getFullYear()
  const month = now.getMonth() + 1
  return method.expYear < year || (method.expYear === year && method.expMonth < month)
}

/** The card a top-up starts on: the default one, unless it cannot be charged. */
export function preferredCard(methods: readonly PaymentMethod[]): PaymentMethod | null {
  const usable = methods.filter((m) => !isCardExpired(m))
  return usable.find((m) => m.isDefault) ?? usable[0] ?? null
}

export interface CardChoiceProps {
  methods: readonly PaymentMethod[]
  value: string | null
  onValueChange: (id: string) => void
  disabled?: boolean
}

/** The cards a top-up can be paid with, default first; expired cards are shown but not offered. */
export function CardChoice({ methods, value, onValueChange, disabled }: CardChoiceProps) {
  const i18n = useBillingI18n()
  const m = walletText(i18n).addFunds
  const ordered = methods.toSorted((a, b) => Number(b.isDefault) - Number(a.isDefault))
  const options = ordered.map((method) => {
    const expired = isCardExpired(method)
    const expiry =
      method.expMonth != null && method.expYear != null
        ? i18n.t(m.expires, { date: `${String(method.expMonth).padStart(2, '0')}/${String(method.expYear).slice(-2)}` })
        : null
    const details = [method.isDefault ? m.defaultBadge : null, expired ? m.expired : expiry].filter(Boolean)
    return {
      value: method.id,
      label: cardName(method, i18n),
      description: details.join(' · ') || undefined,
      icon: <CardIcon />,
      disabled: expired,
    }
  })
  return (
    <Field label={m.card} className="bp-wallet-card-choice">
      <RadioCards
        layout="list"
        options={options}
        value={value ?? ''}
        onValueChange={onValueChange}
        disabled={disabled}
      />
    </Field>
  )
}
