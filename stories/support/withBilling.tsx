import type { Decorator } from '@storybook/react-vite'
import { QueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { createMemoryAdapter, type MemoryAdapterOptions } from '../../src/adapter/memory'
import type { BillingAdapter } from '../../src/adapter/types'
import { BillingProvider, type BillingProviderProps } from '../../src/provider'
import { createFakeStripe } from '../../src/testing/fake-stripe'
import { localeFor, type ShippedTag } from '../../tests/support/locales'

/** Story parameters read by the decorator. */
export interface BillingStoryParameters {
  /** Options for the memory adapter (seed, faults, latency, empty…). */
  memory?: MemoryAdapterOptions
  /** Replace the adapter entirely (e.g. one that never resolves, for loading states). */
  adapter?: (context: { locale: 'es' | 'en' }) => BillingAdapter
  /** Extra provider props (readOnly, permissions, brandName…). */
  provider?: Partial<BillingProviderProps>
  /** Options for the fake Stripe. */
  stripe?: Parameters<typeof createFakeStripe>[0]
}

/** Supplies the memory adapter and the fake Stripe to every story; locale and theme come from the toolbar. */
export const withBilling: Decorator = (Story, context) => {
  const locale = (context.globals.locale as ShippedTag | undefined) ?? 'es'
  const theme = (context.globals.theme as 'light' | 'dark') ?? 'light'
  const params = (context.parameters.billing ?? {}) as BillingStoryParameters
  const key = `${context.id}|${locale}`
  // biome-ignore lint/correctness/useExhaustiveDependencies: one adapter, client and Stripe per story and locale
  const setup = useMemo(() => {
    // Seeded data exists in Spanish and English; other languages show the English data.
    const seedLocale = locale === 'es' ? 'es' : 'en'
    const adapter =
      params.adapter?.({ locale: seedLocale }) ??
      createMemoryAdapter({
        seed: 7,
        now: () => new Date('2026-11-26T15:00:00Z'),
        locale: seedLocale,
        ...params.memory,
      })
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } })
    const stripe = Promise.resolve(createFakeStripe(params.stripe))
    return { adapter, queryClient, stripe }
  }, [key])
  return (
    <div
      data-theme={theme}
      style={{
        background: theme === 'dark' ? '#0b0f17' : '#f6f7f9',
        padding: 16,
        minHeight: '100%',
        colorScheme: theme,
      }}
    >
      <BillingProvider
        adapter={setup.adapter}
        queryClient={setup.queryClient}
        stripe={setup.stripe}
        locale={localeFor(locale)}
        appearance={{ theme }}
        timeZone="UTC"
        brandName="Leadway"
        {...params.provider}
      >
        <Story />
      </BillingProvider>
    </div>
  )
}
