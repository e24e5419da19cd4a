import { QueryClient } from '@tanstack/react-query'
import { render, type RenderOptions } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement } from 'react'
import { createMemoryAdapter, type MemoryAdapterOptions, type MemoryBillingAdapter } from '../../src/adapter/memory'
import type { BillingAdapter } from '../../src/adapter/types'
import { BillingProvider, type BillingProviderProps } from '../../src/provider'
import { createFakeStripe } from '../../src/testing/fake-stripe'
import { localeFor, type ShippedTag } from './locales'

/** The fixed clock every test runs on, so dates and "expiring soon" are stable. */
export const NOW = new Date('2026-11-26T15:00:00Z')

export interface RenderBillingOptions {
  memory?: MemoryAdapterOptions
  adapter?: BillingAdapter
  provider?: Partial<BillingProviderProps>
  stripe?: Parameters<typeof createFakeStripe>[0]
  /** The panel's language, by tag; the catalog is passed to the provider as a host would. */
  locale?: ShippedTag
  render?: Omit<RenderOptions, 'wrapper'>
}

/**
 * Renders UI inside a BillingProvider on the memory adapter and the fake Stripe, with a fresh
 * QueryClient that never retries (so a failure shows at once).
 */
export function renderBilling(ui: ReactElement, options: RenderBillingOptions = {}) {
  const memory = createMemoryAdapter({
    seed: 1,
    now: () => NOW,
    locale: options.locale === 'es' ? 'es' : 'en',
    ...options.memory,
  })
  const adapter = options.adapter ?? memory
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000 }, mutations: { retry: false } },
  })
  const fakeStripe = createFakeStripe(options.stripe)
  const user = userEvent.setup()
  const result = render(
    <BillingProvider
      adapter={adapter}
      queryClient={queryClient}
      stripe={Promise.resolve(fakeStripe)}
      locale={localeFor(options.locale)}
      timeZone="UTC"
      brandName="Leadway"
      {...options.provider}
    >
      {ui}
    </BillingProvider>,
    options.render,
  )
  return { ...result, user, adapter, memory: memory as MemoryBillingAdapter, queryClient, fakeStripe }
}

/** Runs axe-core on a container and returns the violations (expect them to equal []). */
export async function axeViolations(container: Element = document.body) {
  const axe = (await import('axe-core')).default
  const result = await axe.run(container, { resultTypes: ['violations'] })
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }))
}
