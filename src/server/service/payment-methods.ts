/** Saved cards: SetupIntents through the processor, one default at a time, never removing a card that pays for something. */
import type { AttachPaymentMethodInput, PaymentMethod, SetupIntentResult } from '../../adapter/types'
import type { ServiceContext } from '../handler'
import type { PaymentMethodRecord } from '../store/records'
import { type ServiceDeps, conflict, iso, newId, notFound, requireAccount, write } from './context'
import { onceWrite } from './idempotency'
import { rearm } from './auto-recharge'

/**
 * Bookkeeping at the processor after our write committed (detach, default). Our rows are the
 * truth and we never charge a card they do not hold, so a processor that fails here changes
 * nothing the service relies on; the change is not undone for it.
 */
async function tellProcessor(call: (() => Promise<void> | undefined) | null): Promise<void> {
  try {
    await call?.()
  } catch {
    // See above: nothing to undo.
  }
}

export function toPaymentMethod(r: PaymentMethodRecord): PaymentMethod {
  return {
    id: r.id,
    type: r.type as PaymentMethod['type'],
    brand: r.brand as PaymentMethod['brand'],
    last4: r.last4,
    expMonth: r.expMonth,
    expYear: r.expYear,
    wallet: r.wallet as PaymentMethod['wallet'],
    bankName: r.bankName,
    holderName: r.holderName,
    isDefault: r.isDefault,
  }
}

export async function listPaymentMethods(deps: ServiceDeps, accountId: string): Promise<PaymentMethod[]> {
  await requireAccount(deps, accountId)
  return (await deps.store.read.paymentMethods(accountId)).map(toPaymentMethod)
}

export async function createSetupIntent(deps: ServiceDeps, accountId: string): Promise<SetupIntentResult> {
  await requireAccount(deps, accountId)
  const intent = await deps.payments.createSetupIntent({ accountId })
  await write(deps, accountId, (s) =>
    s.tx.insertSetupIntent(
      accountId,
      { id: intent.id, clientSecret: intent.clientSecret, paymentMethodId: null },
      iso(s.at),
    ),
  )
  return { clientSecret: intent.clientSecret }
}

export async function attachPaymentMethod(
  deps: ServiceDeps,
  accountId: string,
  input: AttachPaymentMethodInput,
  context?: ServiceContext,
): Promise<PaymentMethod> {
  const setupIntentId = String(input?.setupIntentId ?? '').split('_secret_')[0]
  const reads = deps.store.read
  const intent = await reads.setupIntent(accountId, setupIntentId)
  if (!intent) throw notFound(`SetupIntent ${setupIntentId}`)
  const attached = async (id: string) => {
    const card = await reads.paymentMethod(accountId, id)
    if (!card) throw notFound(`payment method ${id}`)
    return toPaymentMethod(card)
  }
  // The same SetupIntent attached twice (a retried request) gives back the same card.
  if (intent.paymentMethodId) return attached(intent.paymentMethodId)
  const details = await deps.payments.cardFromSetupIntent({
    accountId,
    setupIntentId,
    paymentMethodId: input.paymentMethodId ?? null,
    now: deps.now(),
  })
  let newDefault: string | null = null
  const card = await onceWrite(deps, accountId, context, 'attachPaymentMethod', input, async (scope) => {
    const { tx, at } = scope
    const again = await tx.setupIntent(accountId, setupIntentId)
    if (again?.paymentMethodId) {
      const card = await tx.paymentMethod(accountId, again.paymentMethodId)
      if (card) return toPaymentMethod(card)
    }
    const makeDefault = input.makeDefault === true || !(await tx.defaultPaymentMethod(accountId))
    if (makeDefault) await tx.makeDefaultPaymentMethod(accountId, null)
    const holder = (await tx.profile(accountId))?.name ?? null
    const record: PaymentMethodRecord = {
      id: newId('pm'),
      providerId: details.providerId ?? null,
      type: 'card',
      brand: details.brand,
      last4: details.last4,
      expMonth: details.expMonth,
      expYear: details.expYear,
      wallet: details.wallet ?? null,
      bankName: null,
      holderName: details.holderName ?? holder,
      isDefault: makeDefault,
      createdAt: iso(at),
    }
    await tx.insertPaymentMethod(accountId, record)
    await tx.linkSetupIntent(accountId, setupIntentId, record.id)
    if (makeDefault) await rearm(scope)
    if (makeDefault) newDefault = record.providerId
    return toPaymentMethod(record)
  })
  const providerId = newDefault
  await tellProcessor(providerId ? () => deps.payments.setDefaultPaymentMethod?.({ accountId, providerId }) : null)
  return card
}

export async function removePaymentMethod(
  deps: ServiceDeps,
  accountId: string,
  paymentMethodId: string,
  context?: ServiceContext,
): Promise<void> {
  let detach: string | null = null
  await onceWrite(deps, accountId, context, 'removePaymentMethod', paymentMethodId, async ({ tx, at }) => {
    const target = await tx.paymentMethod(accountId, paymentMethodId)
    if (!target) throw notFound(`payment method ${paymentMethodId}`)
    if (await tx.subscriptionPaidBy(accountId, target.id, target.isDefault)) {
      throw conflict('This card pays an active subscription; choose another card for it first.')
    }
    if (target.isDefault && (await tx.autoRecharge(accountId))?.enabled) {
      throw conflict('Auto-recharge charges this default card; turn it off or pick another default first.')
    }
    await tx.removePaymentMethod(accountId, target.id, iso(at))
    detach = target.providerId
    return null
  })
  const providerId = detach
  await tellProcessor(providerId ? () => deps.payments.detachPaymentMethod?.({ accountId, providerId }) : null)
}

export async function setDefaultPaymentMethod(
  deps: ServiceDeps,
  accountId: string,
  paymentMethodId: string,
  context?: ServiceContext,
): Promise<PaymentMethod[]> {
  let newDefault: string | null = null
  const cards = await onceWrite(deps, accountId, context, 'setDefaultPaymentMethod', paymentMethodId, async (scope) => {
    const target = await scope.tx.paymentMethod(accountId, paymentMethodId)
    if (!target) throw notFound(`payment method ${paymentMethodId}`)
    if (!target.isDefault) {
      await scope.tx.makeDefaultPaymentMethod(accountId, target.id)
      await rearm(scope)
      newDefault = target.providerId
    }
    return (await scope.tx.paymentMethods(accountId)).map(toPaymentMethod)
  })
  const providerId = newDefault
  await tellProcessor(providerId ? () => deps.payments.setDefaultPaymentMethod?.({ accountId, providerId }) : null)
  return cards
}
