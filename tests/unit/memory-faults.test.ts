// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseFaults, SEED_CARDS } from '../../src/adapter/memory'
import { memory, rejection } from './memory-helpers'

const usd = (amount: number) => ({ amount, currency: 'USD' })

describe('faults', () => {
  it('fails every call to a method planned "always", and counts the calls', async () => {
    const adapter = memory({ faults: { getWallet: 'network' } })
    for (let i = 0; i < 3; i++) {
      const error = await rejection(adapter.getWallet())
      expect(error).toMatchObject({ name: 'BillingError', code: 'network', retryable: true })
    }
    expect(adapter.calls.getWallet).toBe(3)
    expect(await adapter.listSubscriptions()).toHaveLength(6)
  })

  it('fails only the first call when planned "once"', async () => {
    const adapter = memory({ faults: { listLedger: { code: 'timeout', mode: 'once' } } })
    expect((await rejection(adapter.listLedger({}))).code).toBe('timeout')
    expect((await adapter.listLedger({})).entries).toHaveLength(50)
  })

  it('fails at the planned rate, repeatably', async () => {
    const count = async (rate: number) => {
      const adapter = memory({ faults: { getWallet: { code: 'unavailable', mode: { rate } } } })
      let failures = 0
      for (let i = 0; i < 200; i++) await adapter.getWallet().catch(() => failures++)
      return failures
    }
    expect(await count(0)).toBe(0)
    expect(await count(1)).toBe(200)
    const half = await count(0.5)
    expect(half).toBeGreaterThan(70)
    expect(half).toBeLessThan(130)
    expect(await count(0.5)).toBe(half)
  })

  it('throws a planned decline before any money moves, and does not remember it for the key', async () => {
    const adapter = memory({ faults: { addFunds: { code: 'card_declined', declineCode: 'insufficient_funds' } } })
    const input = { amount: usd(5000), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'f1' }
    const error = await rejection(adapter.addFunds(input))
    expect(error).toMatchObject({ code: 'card_declined', declineCode: 'insufficient_funds' })
    expect((await adapter.getWallet()).balance).toEqual(usd(4250))
    expect((await adapter.listLedger({})).totalCount).toBe(360)

    adapter.setFaults({})
    await adapter.addFunds(input)
    expect((await adapter.getWallet()).balance).toEqual(usd(9250))
  })

  it('gives each fault the details the UI needs', async () => {
    const adapter = memory({
      faults: {
        updateBillingProfile: 'validation',
        addFunds: 'requires_action',
        updateAutoRecharge: { code: 'validation', fieldErrors: { monthlyCap: 'below_amount' } },
        cancelSubscription: 'rate_limited',
      },
    })
    const profile = await adapter.getBillingProfile()
    if (!profile) throw new Error('the seed has a profile')
    expect(await rejection(adapter.updateBillingProfile(profile))).toMatchObject({
      code: 'validation',
      fieldErrors: { email: 'invalid' },
    })
    const action = await rejection(
      adapter.addFunds({ amount: usd(5000), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'x' }),
    )
    expect(action.clientSecret).toMatch(/^pi_\w+_secret_\w+$/)
    const wallet = await adapter.getWallet()
    expect(await rejection(adapter.updateAutoRecharge(wallet.autoRecharge))).toMatchObject({
      fieldErrors: { monthlyCap: 'below_amount' },
    })
    expect(await rejection(adapter.cancelSubscription({ subscriptionId: 'sub_local_seo' }))).toMatchObject({
      code: 'rate_limited',
      retryAfterMs: 1000,
    })
    expect((await adapter.listSubscriptions()).find((s) => s.id === 'sub_local_seo')?.cancelAtPeriodEnd).toBe(false)
  })

  it('replaces the plan with setFaults', async () => {
    const adapter = memory({ faults: { getWallet: 'network' } })
    adapter.setFaults({ listPaymentMethods: 'unauthorized' })
    await adapter.getWallet()
    expect((await rejection(adapter.listPaymentMethods())).code).toBe('unauthorized')
  })
})

describe('parseFaults', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('reads the URL format', () => {
    expect(parseFaults('addFunds:card_declined,listLedger:network:once')).toEqual({
      addFunds: 'card_declined',
      listLedger: { code: 'network', mode: 'once' },
    })
  })

  it('reads rates, percentages, decline codes and spaces', () => {
    expect(
      parseFaults(
        ' getWallet:timeout:0.25 , listSubscriptions:unavailable:40%, addFunds:card_declined:insufficient_funds:once ',
      ),
    ).toEqual({
      getWallet: { code: 'timeout', mode: { rate: 0.25 } },
      listSubscriptions: { code: 'unavailable', mode: { rate: 0.4 } },
      addFunds: { code: 'card_declined', declineCode: 'insufficient_funds', mode: 'once' },
    })
  })

  it('skips what it cannot read, with a warning that shows the format', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(parseFaults('')).toEqual({})
    expect(parseFaults('getWalet:network,getWallet:explode,getWallet:network')).toEqual({ getWallet: 'network' })
    expect(warn).toHaveBeenCalledTimes(2)
    expect(warn.mock.calls[0][0]).toContain('method:code')
  })
})

describe('latency', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('answers on a microtask, with no timers, when latency is 0', async () => {
    vi.useFakeTimers()
    const adapter = memory()
    let settled = false
    const call = adapter.getWallet().then(() => {
      settled = true
    })
    await Promise.resolve()
    await Promise.resolve()
    await Promise.resolve()
    expect(vi.getTimerCount()).toBe(0)
    await call
    expect(settled).toBe(true)
  })

  it('waits the configured time, fixed or in a range', async () => {
    vi.useFakeTimers()
    const adapter = memory({ latency: 300 })
    let settled = false
    const call = adapter.getWallet().then(() => {
      settled = true
    })
    await vi.advanceTimersByTimeAsync(299)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await call
    expect(settled).toBe(true)

    adapter.setLatency({ min: 100, max: 200 })
    let ranged = false
    const next = adapter.getWallet().then(() => {
      ranged = true
    })
    await vi.advanceTimersByTimeAsync(99)
    expect(ranged).toBe(false)
    await vi.advanceTimersByTimeAsync(101)
    await next
    expect(ranged).toBe(true)
  })

  it('throws a fault only after the latency, like a real failure', async () => {
    vi.useFakeTimers()
    const adapter = memory({ latency: 500, faults: { getWallet: 'network' } })
    let failed = false
    const call = adapter.getWallet().catch(() => {
      failed = true
    })
    await vi.advanceTimersByTimeAsync(499)
    expect(failed).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await call
    expect(failed).toBe(true)
  })
})
