'use client'
import type { AttachPaymentMethodInput, PaymentMethod, SetupIntentResult } from '../adapter/types'
import { billingKeys } from './keys'
import { adapterMethod, useBillingMutation } from './mutation'

// Adding and removing cards: only the dialogs use these, so they load with them.

export function useCreateSetupIntent() {
  return useBillingMutation<void, SetupIntentResult>({
    run: (adapter) => adapterMethod(adapter, 'createSetupIntent')(),
  })
}

export function useAttachPaymentMethod() {
  return useBillingMutation<AttachPaymentMethodInput, PaymentMethod>({
    run: (adapter, input) => adapterMethod(adapter, 'attachPaymentMethod')(input),
    onSuccess: (client, scope, _result, input) =>
      Promise.all([
        client.invalidateQueries({ queryKey: billingKeys.paymentMethods(scope) }),
        // A new default card re-arms a paused auto-recharge.
        input.makeDefault ? client.invalidateQueries({ queryKey: billingKeys.wallet(scope) }) : undefined,
      ]),
    // The card may exist at Stripe even when recording it failed: always look again.
    onError: (client, scope) => void client.invalidateQueries({ queryKey: billingKeys.paymentMethods(scope) }),
  })
}

export function useRemovePaymentMethod() {
  return useBillingMutation<string, void>({
    run: (adapter, id) => adapterMethod(adapter, 'removePaymentMethod')(id),
    onSuccess: (client, scope, _result, id) => {
      client.setQueryData<PaymentMethod[]>(billingKeys.paymentMethods(scope), (list) =>
        list?.filter((m) => m.id !== id),
      )
      return client.invalidateQueries({ queryKey: billingKeys.paymentMethods(scope) })
    },
    staleKeys: (scope) => [billingKeys.paymentMethods(scope)],
  })
}
