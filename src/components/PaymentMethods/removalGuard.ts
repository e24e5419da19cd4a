import type { PaymentMethod, Subscription, Wallet } from '../../adapter/types'
import { cardExpiryState } from './expiry'

export interface RemovalGuard {
  /** Live subscriptions charged to this card, by name or by following the default. */
  subscriptions: Subscription[]
  /** Auto-recharge is on and charges this card (the default). */
  autoRecharge: boolean
  /** Something still charges the card: removing it now would break renewals or recharges. */
  blocked: boolean
  /** Making another card the default would lift the block. */
  solvedByNewDefault: boolean
  /** The only payment method on file. */
  lastCard: boolean
  /** Cards that could become the default instead: not expired, the ones expiring soon last. */
  replacements: PaymentMethod[]
}

/**
 * Whether a payment method can be removed, decided before asking the adapter, so the person
 * learns why and what to do instead of meeting a refusal. Unknown subscriptions or wallet
 * (still loading, or failed) count as nothing depending on it; the adapter has the last word.
 */
export function removalGuard(
  method: PaymentMethod,
  methods: readonly PaymentMethod[],
  subscriptions: readonly Subscription[] | undefined,
  wallet: Wallet | undefined,
  now: Date = new Date(),
): RemovalGuard {
  const live = (subscriptions ?? []).filter((s) => s.status !== 'canceled')
  const named = live.filter((s) => s.paymentMethodId === method.id)
  const following = method.isDefault ? live.filter((s) => s.paymentMethodId === null) : []
  const autoRecharge = method.isDefault && Boolean(wallet?.autoRecharge.enabled)
  const others = methods.filter((m) => m.id !== method.id)
  return {
    subscriptions: [...named, ...following],
    autoRecharge,
    blocked: named.length > 0 || following.length > 0 || autoRecharge,
    solvedByNewDefault: named.length === 0,
    lastCard: others.length === 0,
    replacements: others
      .filter((m) => cardExpiryState(m, now) !== 'expired')
      .toSorted(
        (a, b) =>
          Number(cardExpiryState(a, now) === 'expiring_soon') - Number(cardExpiryState(b, now) === 'expiring_soon'),
      ),
  }
}
