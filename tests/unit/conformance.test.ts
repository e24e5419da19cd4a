import { createMemoryAdapter } from '../../src/adapter/memory'
import { BillingError } from '../../src/adapter/errors'
import type { BillingAdapter, Money } from '../../src/adapter/types'
import {
  ConformanceError,
  conformanceChecks,
  describeBillingAdapter,
  type ConformanceCheck,
  type ConformanceContext,
  type ConformanceTestApi,
} from '../../src/testing'

type MemoryAdapter = ReturnType<typeof createMemoryAdapter>

const spend: NonNullable<ConformanceContext['usage']> = async (adapter, amount: Money) => {
  await (adapter as MemoryAdapter).simulateUsage({ unit: 'sms', quantity: 1, cost: amount })
}

describeBillingAdapter('memory', () => createMemoryAdapter({ seed: 1 }), { usage: spend })

// The runner's own functions, passed explicitly as Jest users would, fit the option without casts.
const explicitApi: ConformanceTestApi = { describe, it, expect }
describeBillingAdapter(
  'memory (explicit test API, other currency)',
  () => createMemoryAdapter({ seed: 7, currency: 'JPY' }),
  {
    test: explicitApi,
    usage: spend,
  },
)

function checkNamed(fragment: string): ConformanceCheck {
  const found = conformanceChecks.filter((c) => c.name.includes(fragment))
  if (found.length !== 1) throw new Error(`expected one check matching "${fragment}", found ${found.length}`)
  return found[0]
}

/** The memory adapter with some methods replaced, as a host's buggy adapter would be. */
function broken(overrides: (inner: MemoryAdapter) => Partial<Record<keyof BillingAdapter, unknown>>): BillingAdapter {
  const inner = createMemoryAdapter({ seed: 1 })
  const replaced = overrides(inner)
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (Object.hasOwn(replaced, prop)) return replaced[prop as keyof BillingAdapter]
      const value = Reflect.get(target, prop, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  }) as BillingAdapter
}

describe('the conformance checks catch broken adapters', () => {
  const ignoresIdempotencyKey = () =>
    broken((inner) => ({
      addFunds: (input: Parameters<NonNullable<BillingAdapter['addFunds']>>[0]) =>
        inner.addFunds({ ...input, idempotencyKey: `random-${Math.random()}` }),
    }))

  it.each(['same idempotency key twice', 'same idempotency key concurrently', '50 concurrent calls over 10 keys'])(
    'fails "%s" when addFunds ignores the idempotency key',
    async (fragment) => {
      const check = checkNamed(fragment)
      await expect(check.run(ignoresIdempotencyKey())).rejects.toThrow(ConformanceError)
      await expect(check.run(ignoresIdempotencyKey())).rejects.toThrow(/expected|returned/)
    },
  )

  it('passes the same idempotency checks on the real memory adapter', async () => {
    for (const fragment of ['same idempotency key twice', 'same idempotency key concurrently']) {
      await expect(checkNamed(fragment).run(createMemoryAdapter({ seed: 1 }))).resolves.toBeUndefined()
    }
  })

  it('fails when listLedger ignores the type filter', async () => {
    const adapter = broken((inner) => ({
      listLedger: (input: Parameters<BillingAdapter['listLedger']>[0]) =>
        inner.listLedger({ ...input, filter: { ...input.filter, types: undefined } }),
    }))
    await expect(checkNamed('type filter').run(adapter)).rejects.toThrow(/filter types .* returned entry/)
  })

  it('fails when listLedger ignores the page size', async () => {
    const adapter = broken((inner) => ({
      listLedger: (input: Parameters<BillingAdapter['listLedger']>[0]) =>
        inner.listLedger({ ...input, limit: (input.limit ?? 20) + 1 }),
    }))
    await expect(checkNamed('pages by cursor').run(adapter)).rejects.toThrow(/limit/)
  })

  it('fails when listLedger returns oldest first', async () => {
    const adapter = broken((inner) => ({
      listLedger: async (input: Parameters<BillingAdapter['listLedger']>[0]) => {
        const page = await inner.listLedger(input)
        return { ...page, entries: page.entries.toReversed() }
      },
    }))
    await expect(checkNamed('newest first').run(adapter)).rejects.toThrow(/newest first/)
  })

  it('fails when an adapter throws something other than a BillingError', async () => {
    const adapter = broken(() => ({
      getWallet: async () => {
        throw new Error('HTTP 500')
      },
    }))
    await expect(checkNamed('getWallet returns').run(adapter)).rejects.toThrow(
      /getWallet threw "Error: HTTP 500", not a BillingError/,
    )
  })

  it('fails when an unsupported action is a throwing stub instead of being absent', async () => {
    const adapter = broken(() => ({
      getInvoiceLinks: async () => {
        throw new BillingError('unavailable', { message: 'not implemented' })
      },
    }))
    await expect(checkNamed('getInvoiceLinks').run(adapter)).rejects.toThrow(
      /getInvoiceLinks\(".+"\) failed with BillingError "unavailable": not implemented\. .*must be left out/,
    )
    const nulled = broken(() => ({ getInvoiceLinks: null }))
    await expect(checkNamed('required method').run(nulled)).rejects.toThrow(
      /getInvoiceLinks must be a function or absent/,
    )
  })

  it('accepts an adapter without optional capabilities', async () => {
    const inner = createMemoryAdapter({ seed: 1 })
    const readOnly: BillingAdapter = {
      getBillingProfile: () => inner.getBillingProfile(),
      listSubscriptions: () => inner.listSubscriptions(),
      listPaymentMethods: () => inner.listPaymentMethods(),
      getWallet: () => inner.getWallet(),
      listLedger: (input) => inner.listLedger(input),
    }
    for (const check of conformanceChecks.filter((c) => !c.needsUsage)) {
      await expect(check.run(readOnly), check.name).resolves.toBeUndefined()
    }
  })

  it('fails when the default card can be removed while a subscription depends on it', async () => {
    const adapter = broken((inner) => ({
      removePaymentMethod: async (id: string) => {
        const others = (await inner.listPaymentMethods()).filter((pm) => pm.id !== id)
        await inner.setDefaultPaymentMethod(others[0].id)
        await inner.removePaymentMethod(id)
      },
    }))
    await expect(checkNamed('refuses the default card').run(adapter)).rejects.toThrow(
      /removePaymentMethod\(default card in use\): expected a BillingError \(conflict\)/,
    )
  })

  it('fails when a top-up outside the limits is accepted', async () => {
    const adapter = broken((inner) => ({
      addFunds: async (input: Parameters<NonNullable<BillingAdapter['addFunds']>>[0]) => {
        const { topUp } = await inner.getWallet()
        const amount = Math.min(Math.max(Math.round(input.amount.amount), topUp.min.amount), topUp.max.amount)
        return inner.addFunds({ ...input, amount: { amount, currency: input.amount.currency } })
      },
    }))
    await expect(checkNamed('validates the amount').run(adapter)).rejects.toThrow(/below the minimum/)
  })

  it('fails when auto-recharge settings are saved but never applied', async () => {
    const adapter = broken((inner) => ({
      updateAutoRecharge: (settings: Parameters<NonNullable<BillingAdapter['updateAutoRecharge']>>[0]) =>
        inner.updateAutoRecharge({ ...settings, enabled: false }),
    }))
    await expect(checkNamed('round-trips settings').run(adapter)).rejects.toThrow(/expected auto-recharge/)
    await expect(checkNamed('auto-recharge (fixed)').run(adapter, { usage: spend })).rejects.toThrow(
      /auto-recharge of \d+ should leave \d+/,
    )
  })

  it('says what to seed when the adapter has too little data', async () => {
    const adapter = broken(() => ({ listPaymentMethods: async () => [] }))
    await expect(checkNamed('exactly one default').run(adapter)).rejects.toThrow(
      /must be seeded with at least 2 payment methods/,
    )
  })

  it('needs a usage hook for the auto-recharge checks run by hand', async () => {
    const [check] = conformanceChecks.filter((c) => c.needsUsage)
    await expect(check.run(createMemoryAdapter({ seed: 1 }))).rejects.toThrow(/needs a usage hook/)
  })
})

describe('describeBillingAdapter', () => {
  it('registers one test per check on the given test API, leaving out usage checks without a hook', () => {
    const suites: string[] = []
    const tests: string[] = []
    describeBillingAdapter('host adapter', () => createMemoryAdapter({ seed: 1 }), {
      test: {
        describe: (name, body) => {
          suites.push(name)
          body()
        },
        it: (name) => {
          tests.push(name)
        },
      },
    })
    expect(suites).toEqual(['billing adapter conformance: host adapter'])
    expect(tests).toEqual(conformanceChecks.filter((c) => !c.needsUsage).map((c) => c.name))
    expect(tests.length).toBeGreaterThan(15)
  })

  it('hands each test a fresh adapter', async () => {
    const bodies: Array<() => unknown> = []
    const makeAdapter = vi.fn(() => createMemoryAdapter({ seed: 1 }))
    describeBillingAdapter('fresh', makeAdapter, {
      test: { describe: (_name, body) => body(), it: (_name, body) => bodies.push(body) },
    })
    expect(makeAdapter).not.toHaveBeenCalled()
    await bodies[0]()
    await bodies[1]()
    expect(makeAdapter).toHaveBeenCalledTimes(2)
  })

  it('names the fix when no test API is available', () => {
    const g = globalThis as Record<string, unknown>
    const saved = { describe: g.describe, it: g.it, test: g.test }
    try {
      g.describe = undefined
      g.it = undefined
      g.test = undefined
      expect(() => describeBillingAdapter('x', () => createMemoryAdapter({ seed: 1 }))).toThrow(
        "describeBillingAdapter needs describe/it/expect: enable Vitest's globals or pass { test: { describe, it, expect } }",
      )
    } finally {
      Object.assign(g, saved)
    }
  })
})
