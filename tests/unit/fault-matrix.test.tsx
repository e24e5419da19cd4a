// Every mutation hook × every failure the memory adapter can inject. For each pair: the hook
// reports a BillingError with that code, the Spanish message is the catalog's sentence for that
// code (never the generic one), nothing cached changed, and the same input tried again succeeds.
import { QueryClient, type UseMutationResult } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { BillingError, type BillingErrorCode } from '../../src/adapter/errors'
import { createMemoryAdapter, type MemoryBillingAdapter, PLATFORM_SUBSCRIPTION_ID } from '../../src/adapter/memory'
import type { BillingAdapterMethod, BillingProfile, LedgerEntry } from '../../src/adapter/types'
import {
  useAddFunds,
  useAttachPaymentMethod,
  useBillingProfile,
  useCancelSubscription,
  useChangePlan,
  useCreateSetupIntent,
  useInvoiceLinks,
  usePaymentMethods,
  useRemovePaymentMethod,
  useResumeSubscription,
  useSetDefaultPaymentMethod,
  useSubscriptions,
  useUpdateAutoRecharge,
  useUpdateBillingProfile,
  useWallet,
} from '../../src/data'
import { es as spanish } from '../../src/locales/es'
import { BillingProvider } from '../../src/provider'
import { useErrorMessage } from '../../src/ui/useErrorMessage'

const NOW = new Date('2026-11-26T15:00:00Z')
const CURRENCY = 'USD'

const FAULT_CODES = [
  'network',
  'timeout',
  'unavailable',
  'forbidden',
  'unauthorized',
  'validation',
  'card_declined',
  'conflict',
  'rate_limited',
  'not_found',
] as const satisfies readonly BillingErrorCode[]

type AnyMutation = UseMutationResult<unknown, BillingError, unknown, unknown>

interface MutationCase {
  hook: string
  method: BillingAdapterMethod
  use: () => AnyMutation
  /** The input, prepared on the adapter (directly, outside the fault plan) when it needs state. */
  input: (adapter: MemoryBillingAdapter) => Promise<unknown>
}

function mutationCase<TInput>(c: {
  hook: string
  method: BillingAdapterMethod
  use: () => UseMutationResult<unknown, BillingError, TInput, unknown>
  input: (adapter: MemoryBillingAdapter) => Promise<TInput>
}): MutationCase {
  return c as unknown as MutationCase
}

async function invoiceId(adapter: MemoryBillingAdapter): Promise<string> {
  let cursor: string | null = null
  do {
    const page = await adapter.listLedger({ cursor, limit: 200 })
    const withInvoice = page.entries.find((entry) => entry.invoice?.id)
    if (withInvoice?.invoice) return withInvoice.invoice.id
    cursor = page.nextCursor ?? null
  } while (cursor !== null)
  throw new Error('The seeded ledger has no invoice to ask links for.')
}

const CASES: MutationCase[] = [
  mutationCase({
    hook: 'useAddFunds',
    method: 'addFunds',
    use: useAddFunds,
    input: async () => ({
      amount: { amount: 2500, currency: CURRENCY },
      paymentMethodId: 'pm_visa_4242',
      idempotencyKey: 'fault-matrix-top-up',
    }),
  }),
  mutationCase({
    hook: 'useUpdateAutoRecharge',
    method: 'updateAutoRecharge',
    use: useUpdateAutoRecharge,
    input: async () => ({
      enabled: true,
      threshold: { amount: 1500, currency: CURRENCY },
      mode: 'fixed' as const,
      amount: { amount: 5000, currency: CURRENCY },
      monthlyCap: { amount: 20000, currency: CURRENCY },
    }),
  }),
  mutationCase({
    hook: 'useCancelSubscription',
    method: 'cancelSubscription',
    use: useCancelSubscription,
    input: async () => ({ subscriptionId: 'sub_local_seo', reason: 'too_expensive' as const }),
  }),
  mutationCase({
    hook: 'useResumeSubscription',
    method: 'resumeSubscription',
    use: useResumeSubscription,
    input: async (adapter) => {
      const pending = (await adapter.listSubscriptions()).find((s) => s.cancelAtPeriodEnd && s.status !== 'canceled')
      if (!pending) throw new Error('The seed has no subscription set to cancel.')
      return pending.id
    },
  }),
  mutationCase({
    hook: 'useChangePlan',
    method: 'changePlan',
    use: useChangePlan,
    input: async (adapter) => {
      const plans = await adapter.listPlans(PLATFORM_SUBSCRIPTION_ID)
      const other = plans.find((plan) => !plan.current)
      if (!other) throw new Error('The seed has no other plan to change to.')
      return { subscriptionId: PLATFORM_SUBSCRIPTION_ID, planId: other.id, idempotencyKey: 'fault-matrix-plan' }
    },
  }),
  mutationCase({
    hook: 'useCreateSetupIntent',
    method: 'createSetupIntent',
    use: useCreateSetupIntent,
    input: async () => undefined,
  }),
  mutationCase({
    hook: 'useAttachPaymentMethod',
    method: 'attachPaymentMethod',
    use: useAttachPaymentMethod,
    input: async (adapter) => {
      const { clientSecret } = await adapter.createSetupIntent()
      return {
        setupIntentId: clientSecret.split('_secret_')[0],
        paymentMethodId: 'pm_card_mastercard',
        makeDefault: false,
      }
    },
  }),
  mutationCase({
    hook: 'useRemovePaymentMethod',
    method: 'removePaymentMethod',
    use: useRemovePaymentMethod,
    // Not the default and paying no subscription, so the adapter lets it go.
    input: async () => 'pm_visa_0002',
  }),
  mutationCase({
    hook: 'useSetDefaultPaymentMethod',
    method: 'setDefaultPaymentMethod',
    use: useSetDefaultPaymentMethod,
    input: async () => 'pm_visa_0002',
  }),
  mutationCase({
    hook: 'useUpdateBillingProfile',
    method: 'updateBillingProfile',
    use: useUpdateBillingProfile,
    input: async (adapter) => {
      const profile = (await adapter.getBillingProfile()) as BillingProfile
      return { ...profile, email: 'pagos@agenciapenasco.mx', walletReceipts: true }
    },
  }),
  mutationCase({
    hook: 'useInvoiceLinks',
    method: 'getInvoiceLinks',
    use: useInvoiceLinks,
    input: invoiceId,
  }),
]

const errors = spanish.messages.common.errors

/** The sentence the catalog has for what the memory adapter throws for this code. */
function expectedMessage(code: (typeof FAULT_CODES)[number]): string {
  // The adapter's simulated decline carries the generic decline code, which has its own sentence.
  if (code === 'card_declined') return errors.decline.card_declined
  // A simulated 429 says to wait one second.
  if (code === 'rate_limited') return `${errors.rate_limited} ${errors.retryIn.replace('{seconds}', '1')}`
  return errors[code]
}

function setup(c: MutationCase, code: BillingErrorCode) {
  const adapter = createMemoryAdapter({ seed: 1, now: () => NOW, faults: { [c.method]: { code, mode: 'once' } } })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const wrapper = ({ children }: { children: ReactNode }) => (
    <BillingProvider adapter={adapter} queryClient={queryClient} locale={spanish}>
      {children}
    </BillingProvider>
  )
  const view = renderHook(
    () => ({
      mutation: c.use(),
      describe: useErrorMessage(),
      wallet: useWallet(),
      profile: useBillingProfile(),
      paymentMethods: usePaymentMethods(),
      subscriptions: useSubscriptions(),
    }),
    { wrapper },
  )
  return { adapter, queryClient, ...view }
}

type View = ReturnType<typeof setup>['result']['current']

function cached(view: View) {
  return {
    wallet: view.wallet.data,
    profile: view.profile.data,
    paymentMethods: view.paymentMethods.data,
    subscriptions: view.subscriptions.data,
  }
}

async function countTopUps(adapter: MemoryBillingAdapter): Promise<number> {
  let count = 0
  let cursor: string | null = null
  do {
    const page = await adapter.listLedger({ filter: { types: ['top_up'] }, cursor, limit: 200 })
    count += page.entries.length
    cursor = page.nextCursor ?? null
  } while (cursor !== null)
  return count
}

describe.each(CASES)('$hook', (c) => {
  it.each(FAULT_CODES)(
    'under a %s fault: typed error, Spanish message, cache untouched, retry succeeds',
    async (code) => {
      const { adapter, queryClient, result } = setup(c, code)
      await waitFor(() => {
        expect(result.current.wallet.isSuccess).toBe(true)
        expect(result.current.profile.isSuccess).toBe(true)
        expect(result.current.paymentMethods.isSuccess).toBe(true)
        expect(result.current.subscriptions.isSuccess).toBe(true)
      })
      const before = structuredClone(cached(result.current))
      const input = await c.input(adapter)
      const topUpsBefore = c.method === 'addFunds' ? await countTopUps(adapter) : 0

      let thrown: unknown
      await act(async () => {
        thrown = await result.current.mutation.mutateAsync(input).then(
          () => null,
          (error: unknown) => error,
        )
      })
      await waitFor(() => expect(result.current.mutation.isError).toBe(true))
      // Conflict and not-found refetch what the failure was about; let that settle first.
      await waitFor(() => expect(queryClient.isFetching()).toBe(0))

      expect(thrown).toBeInstanceOf(BillingError)
      expect(result.current.mutation.error).toBe(thrown)
      expect((thrown as BillingError).code).toBe(code)
      const message = result.current.describe(thrown)
      expect(message).toBe(expectedMessage(code))
      expect(message).not.toBe(errors.unknown)
      expect(cached(result.current)).toEqual(before)

      let retried: unknown
      await act(async () => {
        retried = await result.current.mutation.mutateAsync(input)
      })
      await waitFor(() => expect(result.current.mutation.isSuccess).toBe(true))
      expect(result.current.mutation.error).toBeNull()

      if (c.method === 'addFunds') {
        // The failed attempt charged nothing; the retry with the same key charged once.
        await waitFor(() => expect(queryClient.isFetching()).toBe(0))
        const wallet = await adapter.getWallet()
        expect(wallet.balance.amount).toBe((before.wallet?.balance.amount ?? Number.NaN) + 2500)
        expect(result.current.wallet.data?.balance.amount).toBe(wallet.balance.amount)
        expect(await countTopUps(adapter)).toBe(topUpsBefore + 1)
        // The same key once more is answered from the first success: still one charge.
        const again = await adapter.addFunds(input as Parameters<MemoryBillingAdapter['addFunds']>[0])
        expect(again.entry.id).toBe((retried as { entry: LedgerEntry }).entry.id)
        expect((await adapter.getWallet()).balance.amount).toBe(wallet.balance.amount)
      }
    },
  )
})
