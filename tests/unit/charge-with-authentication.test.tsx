// The one flow every money-moving action goes through (add funds, change plan, …): charge; when the
// bank asks for 3-D Secure, authenticate through Stripe; then charge again with the same
// idempotency key. Driven here the way a host building its own "Add funds" would use it: with
// useAddFunds on the memory adapter and the fake Stripe.
import { QueryClient } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { createMemoryAdapter, type FaultPlan } from '../../src/adapter/memory'
import type { AddFundsInput, AddFundsResult } from '../../src/adapter/types'
import { useAddFunds } from '../../src/data'
import { useChargeWithAuthentication } from '../../src/data/useChargeWithAuthentication'
import { BillingProvider } from '../../src/provider'
import { createFakeStripe, type FakeStripeOptions } from '../../src/testing/fake-stripe'

const NOW = new Date('2026-11-26T15:00:00Z')
const CARD = 'pm_visa_4242'

function setup({ faults, stripe }: { faults?: FaultPlan; stripe?: FakeStripeOptions } = {}) {
  // No seeded history: every top-up in the ledger is one this test made.
  const memory = createMemoryAdapter({ seed: 1, now: () => NOW, ledgerSize: 0, faults })
  const addFunds = vi.spyOn(memory, 'addFunds')
  /** The idempotency key of every charge the adapter was asked for, oldest first. */
  const keys = () => addFunds.mock.calls.map(([input]) => input.idempotencyKey)
  const fakeStripe = createFakeStripe(stripe)
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const wrapper = ({ children }: { children: ReactNode }) => (
    <BillingProvider adapter={memory} queryClient={queryClient} stripe={Promise.resolve(fakeStripe)}>
      {children}
    </BillingProvider>
  )
  const hook = renderHook(() => useChargeWithAuthentication(useAddFunds().mutateAsync, 'topup'), { wrapper })
  const topUps = async () => (await memory.listLedger({ filter: { types: ['top_up'] }, limit: 100 })).entries
  return { hook, keys, memory, fakeStripe, topUps }
}

/** A top-up of `dollars` on the test card, as a host's form would ask for it. */
const topUp = (dollars: number) => ({ amount: { amount: dollars * 100, currency: 'USD' }, paymentMethodId: CARD })

const handlers = () => ({ onSuccess: vi.fn<(result: AddFundsResult, input: AddFundsInput) => void>() })

describe('useChargeWithAuthentication', () => {
  it('authenticates when the bank asks, then finishes the same charge with the same key', async () => {
    const { hook, keys, fakeStripe, topUps } = setup({
      faults: { addFunds: { code: 'requires_action', mode: 'once' } },
    })
    const done = handlers()

    await act(() => hook.result.current.run(topUp(60), done))

    expect(fakeStripe.calls.handleNextAction).toHaveLength(1)
    expect(fakeStripe.calls.handleNextAction[0][0]).toMatchObject({ clientSecret: expect.stringMatching(/^pi_/) })
    expect(keys()).toEqual([keys()[0], keys()[0]])
    expect(done.onSuccess).toHaveBeenCalledTimes(1)
    expect(done.onSuccess.mock.calls[0][0].entry.amount).toEqual({ amount: 6000, currency: 'USD' })
    expect(await topUps()).toHaveLength(1)
    expect(hook.result.current.failure).toBeNull()
    expect(hook.result.current.phase).toBe('idle')
  })

  it('says "authenticating" while the bank confirms, and stays pending throughout', async () => {
    const { hook, fakeStripe } = setup({ faults: { addFunds: { code: 'requires_action', mode: 'once' } } })
    const confirm = fakeStripe.handleNextAction.bind(fakeStripe)
    let release = () => {}
    const bankAnswers = new Promise<void>((resolve) => {
      release = resolve
    })
    vi.spyOn(fakeStripe, 'handleNextAction').mockImplementation(async (params) => {
      await bankAnswers
      return confirm(params)
    })

    let running: Promise<void> = Promise.resolve()
    act(() => {
      running = hook.result.current.run(topUp(60), handlers())
    })
    expect(hook.result.current.phase).toBe('charging')
    await waitFor(() => expect(hook.result.current.phase).toBe('authenticating'))
    expect(hook.result.current.pending).toBe(true)

    release()
    await act(() => running)
    expect(hook.result.current.pending).toBe(false)
  })

  it('charges nothing when the bank authentication fails, and does not try the charge again', async () => {
    const { hook, keys, memory, fakeStripe, topUps } = setup({
      faults: { addFunds: { code: 'requires_action', mode: 'once' } },
      stripe: { threeDSecure: 'fail' },
    })
    const done = handlers()

    await act(() => hook.result.current.run(topUp(60), done))

    expect(hook.result.current.failure).toEqual({ kind: 'auth_failed' })
    expect(fakeStripe.calls.handleNextAction).toHaveLength(1)
    expect(memory.calls.addFunds).toBe(1)
    expect(done.onSuccess).not.toHaveBeenCalled()
    expect(await topUps()).toHaveLength(0)

    // Nothing was charged, so trying again is a new intent with a new key.
    await act(() => hook.result.current.run(topUp(60), handlers()))
    expect(keys()).toHaveLength(2)
    expect(keys()[1]).not.toBe(keys()[0])
    expect(hook.result.current.failure).toBeNull()
    expect(await topUps()).toHaveLength(1)
  })

  it('ignores a second run while the first is still in flight', async () => {
    const { hook, memory, topUps } = setup()
    const first = handlers()
    const second = handlers()

    await act(async () => {
      const running = hook.result.current.run(topUp(60), first)
      await hook.result.current.run(topUp(60), second)
      await running
    })

    expect(memory.calls.addFunds).toBe(1)
    expect(first.onSuccess).toHaveBeenCalledTimes(1)
    expect(second.onSuccess).not.toHaveBeenCalled()
    expect(await topUps()).toHaveLength(1)
  })

  it('retries a timed-out charge with the same key, so it is charged once', async () => {
    const { hook, keys, topUps } = setup({ faults: { addFunds: { code: 'timeout', mode: 'once' } } })

    await act(() => hook.result.current.run(topUp(60), handlers()))
    expect(hook.result.current.failure).toMatchObject({ kind: 'error', error: { code: 'timeout' } })

    const retry = handlers()
    await act(() => hook.result.current.run(topUp(60), retry))
    expect(keys()).toEqual([keys()[0], keys()[0]])
    expect(retry.onSuccess).toHaveBeenCalledTimes(1)
    expect(await topUps()).toHaveLength(1)
  })

  it('starts a new intent after a decline, or when the amount changes', async () => {
    const { hook, keys } = setup({ faults: { addFunds: { code: 'card_declined', mode: 'once' } } })
    const onError = vi.fn()

    await act(() => hook.result.current.run(topUp(60), { ...handlers(), onError }))
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'card_declined' }))
    expect(hook.result.current.failure).toMatchObject({ kind: 'error', error: { code: 'card_declined' } })

    await act(() => hook.result.current.run(topUp(60), handlers()))
    await act(() => hook.result.current.run(topUp(75), handlers()))
    expect(new Set(keys()).size).toBe(3)
  })

  it('lets the form clear the last failure once the person changes something', async () => {
    const { hook } = setup({ faults: { addFunds: { code: 'card_declined', mode: 'once' } } })
    await act(() => hook.result.current.run(topUp(60), handlers()))
    expect(hook.result.current.failure).not.toBeNull()

    act(() => hook.result.current.clearFailure())
    expect(hook.result.current.failure).toBeNull()
  })
})
