import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createMemoryAdapter } from '../src/adapter/memory'
import type { BillingAdapter, SpendSummary } from '../src/adapter/types'
import { SpendInsights } from '../src/components/SpendInsights'
import '../src/components/SpendInsights/SpendInsights.css'
import type { BillingStoryParameters } from './support/withBilling'

const NOW = new Date('2026-11-26T15:00:00Z')

const billing = (parameters: BillingStoryParameters) => ({ billing: parameters })

const memoryFor = (locale: 'es' | 'en') => createMemoryAdapter({ seed: 7, now: () => NOW, locale })

/** Only the first category's spend, as an account that uses a single service would see. */
function oneCategory(summary: SpendSummary): SpendSummary {
  const key = summary.categories[0]?.key
  const periods = summary.periods
    .map((p) => {
      const spend = p.spend.filter((s) => s.category === key)
      const total = spend.reduce((sum, s) => sum + s.amount.amount, 0)
      return { ...p, spend, total: { amount: total, currency: summary.currency } }
    })
    .filter((p) => p.total.amount > 0)
  return {
    ...summary,
    categories: summary.categories.slice(0, 1),
    periods,
    total: { amount: periods.reduce((sum, p) => sum + p.total.amount, 0), currency: summary.currency },
  }
}

const meta = {
  title: 'Components/SpendInsights',
  component: SpendInsights,
  args: { now: NOW },
  parameters: { layout: 'padded' },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 760 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof SpendInsights>

export default meta
type Story = StoryObj<typeof meta>

const readyIn = async (canvasElement: HTMLElement) => {
  await waitFor(() =>
    expect(canvasElement.querySelector('[data-slot="spend-insights"]')?.getAttribute('data-state')).toBe('ready'),
  )
  return within(canvasElement)
}

export const Populated: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await readyIn(canvasElement)
    await expect(canvas.getByRole('figure', { name: 'Gastos por categoría, Últimos 30 días' })).toBeInTheDocument()
  },
}

export const English: Story = { globals: { locale: 'en' } }

export const Dark: Story = { globals: { theme: 'dark', locale: 'en' } }

export const DarkSpanish: Story = { globals: { theme: 'dark' } }

export const Monthly: Story = { args: { defaultGranularity: 'month' }, globals: { locale: 'en' } }

export const OneCategory: Story = {
  globals: { locale: 'en' },
  parameters: billing({
    adapter: ({ locale }) => {
      const memory = memoryFor(locale)
      return {
        ...memory,
        getSpendSummary: async (input) => oneCategory(await memory.getSpendSummary(input)),
      } satisfies BillingAdapter
    },
  }),
}

export const AsTable: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = await readyIn(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'View as table' }))
    await expect(canvas.getByRole('table', { name: 'Spending by category, Last 30 days' })).toBeInTheDocument()
  },
}

export const Empty: Story = { parameters: billing({ memory: { empty: true } }) }

export const Loading: Story = {
  parameters: billing({
    adapter: ({ locale }) => ({
      ...memoryFor(locale),
      getSpendSummary: () => new Promise<SpendSummary>(() => {}),
    }),
  }),
}

export const LoadError: Story = {
  parameters: billing({ memory: { faults: { getSpendSummary: 'unavailable' } } }),
}

export const Narrow: Story = { globals: { viewport: { value: 'narrow' } } }

export const NarrowDarkEnglish: Story = { globals: { viewport: { value: 'narrow' }, theme: 'dark', locale: 'en' } }
