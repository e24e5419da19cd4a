// Double clicks, retries after a timeout, two tabs racing: whatever the order, each top-up intent
// (idempotency key) moves money at most once. Randomised with a fixed seed so a failure repeats.
import { QueryClient } from '@tanstack/react-query'
import { act, renderHook } from '@testing-library/react'
import fc from 'fast-check'
import type { ReactNode } from 'react'
import { BillingError } from '../../src/adapter/errors'
import { createMemoryAdapter, type MemoryBillingAdapter } from '../../src/adapter/memory'
import type { AddFundsInput, AddFundsResult } from '../../src/adapter/types'
import { useAddFunds } from '../../src/data'
import { es } from '../../src/locales/es'
import { BillingProvider } from '../../src/provider'

const NOW = new Date('2026-11-26T15:00:00Z')
const CARD = 'pm_visa_4242'
const SEED = 20261126
const KEYS = ['intent-a', 'intent-b', 'intent-c', 'intent-d'] as const

function freshAdapter(): MemoryBillingAdapter {
  // No seeded history: every top-up in the ledger is one this run made.
  return createMemoryAdapter({ seed: 1, now: () => NOW, ledgerSize: 0 })
}

async function topUpEntries(adapter: MemoryBillingAdapter) {
  const page = await adapter.listLedger({ filter: { types: ['top_up'] }, limit: 200 })
  return page.entries
}

/** One attempt per key in the batch, all at once; a planned once-fault hits the first of them. */
const stepArb = fc.record({
  fault: fc.constantFrom(null, null, 'timeout' as const, 'network' as const),
  batch: fc.array(fc.nat({ max: KEYS.length - 1 }), { minLength: 1, maxLength: 4 }),
})

const scenarioArb = fc.record({
  // Each intent's amount in whole dollars, inside the wallet's top-up limits ($10–$1,000).
  amounts: fc.array(
    fc.integer({ min: 10, max: 1000 }).map((dollars) => dollars * 100),
    {
      minLength: 1,
      maxLength: KEYS.length,
    },
  ),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 8 }),
})

describe('top-ups under double submits, retries and injected faults', () => {
  it('moves money once per key that succeeded, whatever the interleaving (adapter, 1000 runs)', async () => {
    const seedBalance = (await freshAdapter().getWallet()).balance.amount

    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ amounts, steps }) => {
        const adapter = freshAdapter()
        const keys = KEYS.slice(0, amounts.length)
        const input = (index: number): AddFundsInput => ({
          amount: { amount: amounts[index], currency: 'USD' },
          paymentMethodId: CARD,
          idempotencyKey: keys[index],
        })
        const entryFor = new Map<string, string>()
        const succeeded = new Set<number>()
        const expectBooks = async () => {
          const entries = await topUpEntries(adapter)
          expect(entries).toHaveLength(succeeded.size)
          expect(new Set(entries.map((e) => e.id))).toEqual(new Set(entryFor.values()))
          const added = [...succeeded].reduce((sum, index) => sum + amounts[index], 0)
          expect((await adapter.getWallet()).balance.amount).toBe(seedBalance + added)
        }
        const record = (index: number, outcome: PromiseSettledResult<AddFundsResult>, planned: string | null) => {
          if (outcome.status === 'rejected') {
            // Only the planned fault may fail an attempt, and nothing else goes wrong.
            expect(outcome.reason).toBeInstanceOf(BillingError)
            expect((outcome.reason as BillingError).code).toBe(planned)
            return
          }
          const key = keys[index]
          const first = entryFor.get(key)
          // A repeat of a key answers with the entry of its first success.
          if (first) expect(outcome.value.entry.id).toBe(first)
          entryFor.set(key, outcome.value.entry.id)
          succeeded.add(index)
        }

        for (const step of steps) {
          const batch = step.batch.map((n) => n % keys.length)
          if (step.fault) adapter.setFaults({ addFunds: { code: step.fault, mode: 'once' } })
          const outcomes = await Promise.allSettled(batch.map((index) => adapter.addFunds(input(index))))
          expect(outcomes.filter((o) => o.status === 'rejected').length).toBeLessThanOrEqual(step.fault ? 1 : 0)
          for (const [i, outcome] of outcomes.entries()) record(batch[i], outcome, step.fault)
          adapter.setFaults({})
          await expectBooks()
        }

        // Every intent retried once more, some twice at once: the ones already paid stay paid once.
        const retries = keys.flatMap((_, index) => (index % 2 === 0 ? [index, index] : [index]))
        const outcomes = await Promise.allSettled(retries.map((index) => adapter.addFunds(input(index))))
        for (const [i, outcome] of outcomes.entries()) record(retries[i], outcome, null)
        expect(succeeded.size).toBe(keys.length)
        await expectBooks()
      }),
      { seed: SEED, numRuns: 1000 },
    )
  })

  it('a double submit through useAddFunds charges once, also after a timed-out first try (hook, 40 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 10, max: 1000 }).map((dollars) => dollars * 100),
        fc.boolean(),
        fc.integer({ min: 2, max: 4 }),
        async (amount, timeoutFirst, clicks) => {
          const adapter = freshAdapter()
          const seedBalance = (await adapter.getWallet()).balance.amount
          if (timeoutFirst) adapter.setFaults({ addFunds: { code: 'timeout', mode: 'once' } })
          const queryClient = new QueryClient({
            defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
          })
          const wrapper = ({ children }: { children: ReactNode }) => (
            <BillingProvider adapter={adapter} queryClient={queryClient} locale={es}>
              {children}
            </BillingProvider>
          )
          const { result, unmount } = renderHook(() => useAddFunds(), { wrapper })
          const input: AddFundsInput = {
            amount: { amount, currency: 'USD' },
            paymentMethodId: CARD,
            idempotencyKey: 'one-intent',
          }

          const first = await act(() =>
            Promise.allSettled(Array.from({ length: clicks }, () => result.current.mutateAsync(input))),
          )
          expect(first.filter((o) => o.status === 'rejected')).toHaveLength(timeoutFirst ? 1 : 0)
          // The person presses the button again after the error: the same intent, the same key.
          const retry = await act(() => result.current.mutateAsync(input))

          const entries = await topUpEntries(adapter)
          expect(entries).toHaveLength(1)
          expect(retry.entry.id).toBe(entries[0].id)
          expect((await adapter.getWallet()).balance.amount).toBe(seedBalance + amount)
          unmount()
          queryClient.clear()
        },
      ),
      { seed: SEED, numRuns: 40 },
    )
  })
})
