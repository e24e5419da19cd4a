import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { createMemoryAdapter } from '../src/adapter/memory'
import type { BillingAdapter, LedgerPage } from '../src/adapter/types'
import { TransactionHistory } from '../src/components/TransactionHistory'
import '../src/components/TransactionHistory/TransactionHistory.css'
import type { BillingStoryParameters } from './support/withBilling'

const NOW = new Date('2026-11-26T15:00:00Z')

const billing = (parameters: BillingStoryParameters) => ({ billing: parameters })

/** The seeded adapter in the story's locale, with some methods replaced. */
function memoryWith(change: (memory: ReturnType<typeof createMemoryAdapter>) => Partial<BillingAdapter>, options = {}) {
  return ({ locale }: { locale: 'es' | 'en' }): BillingAdapter => {
    const memory = createMemoryAdapter({ seed: 7, now: () => NOW, locale, ...options })
    return { ...memory, ...change(memory) }
  }
}

const viewport = (canvasElement: HTMLElement) =>
  within(canvasElement).getByRole('region', {
    name: /^(Transactions, scrollable list|Transacciones, lista desplazable)$/,
  })

const meta = {
  title: 'Components/TransactionHistory',
  component: TransactionHistory,
  args: {
    onFilterChange: fn(),
  },
  parameters: { layout: 'padded' },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 1200 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof TransactionHistory>

export default meta
type Story = StoryObj<typeof meta>

/** About 18 months of charges, top-ups, usage, refunds and credits, with invoices. */
export const Populated: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const table = await canvas.findByRole('table', { name: 'Transacciones' })
    await expect(table).toHaveAttribute('aria-rowcount', '361')
    await expect(canvas.getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Fecha',
      'Descripción',
      'Tipo',
      'Estado',
      'Monto',
      'Saldo después',
      'Factura',
    ])
  },
}

export const English: Story = {
  globals: { locale: 'en' },
}

export const Dark: Story = {
  globals: { theme: 'dark' },
}

export const EnglishDark: Story = {
  globals: { locale: 'en', theme: 'dark' },
}

/** 100 000 entries: pages load as the list scrolls; only the rows in view are in the DOM. */
export const HundredThousandEntries: Story = {
  globals: { locale: 'en' },
  parameters: billing({ memory: { ledgerSize: 100_000 } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const table = await canvas.findByRole('table', { name: 'Transactions' })
    await expect(table).toHaveAttribute('aria-rowcount', '100001')
    const list = viewport(canvasElement)
    for (let page = 2; page <= 3; page++) {
      list.scrollTop = list.scrollHeight
      await waitFor(() => expect(canvas.getByText(`Showing ${page * 50} of 100,000`)).toBeVisible())
    }
    await expect(canvas.getAllByRole('row').length).toBeLessThan(40)
  },
}

export const Loading: Story = {
  parameters: billing({ adapter: memoryWith(() => ({ listLedger: () => new Promise<LedgerPage>(() => {}) })) }),
}

export const LoadError: Story = {
  parameters: billing({ memory: { faults: { listLedger: 'unavailable' } } }),
}

/** The second page fails: the first stays on screen with a retry. */
export const LoadMoreFails: Story = {
  globals: { locale: 'en' },
  parameters: billing({
    adapter: memoryWith((memory) => {
      let calls = 0
      return {
        listLedger: async (input) => {
          calls += 1
          if (calls === 2) memory.setFaults({ listLedger: { code: 'network', mode: 'once' } })
          return memory.listLedger(input)
        },
      }
    }),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('table', { name: 'Transactions' })
    const list = viewport(canvasElement)
    list.scrollTop = list.scrollHeight
    await expect(
      await canvas.findByText("We couldn't load more transactions. The ones above are still here."),
    ).toBeVisible()
    await expect(canvas.getByText('Showing 50 of 360')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }))
    await expect(await canvas.findByText('Showing 100 of 360')).toBeVisible()
  },
}

export const Empty: Story = {
  parameters: billing({ memory: { empty: true } }),
}

export const NoResults: Story = {
  args: { defaultFilter: { types: ['adjustment'], range: { preset: 'thisMonth' } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('heading', { name: 'No hay resultados para estos filtros' })).toBeVisible()
    const [, clear] = canvas.getAllByRole('button', { name: 'Quitar filtros' })
    await userEvent.click(clear)
    await expect(await canvas.findByRole('table', { name: 'Transacciones' })).toBeVisible()
    await expect(args.onFilterChange).toHaveBeenCalledWith({ types: [], range: { preset: 'all' } })
  },
}

/** Custom dates, as a host deep link would open it. */
export const CustomRange: Story = {
  globals: { locale: 'en' },
  args: {
    defaultFilter: { types: ['usage', 'top_up'], range: { preset: 'custom', from: '2026-10-01', to: '2026-10-31' } },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('table', { name: 'Transactions' })
    await expect(canvas.getByRole('button', { name: 'Type 2 types' })).toBeVisible()
    await expect(canvas.getByLabelText('From')).toHaveValue('2026-10-01')
  },
}

/** Ticks a type in the menu; the list is asked again from the adapter. */
export const FilterByType: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('table', { name: 'Transactions' })
    await userEvent.click(canvas.getByRole('button', { name: 'Type All types' }))
    // The menu opens in place, under its button.
    await userEvent.click(await canvas.findByRole('menuitemcheckbox', { name: 'Refund' }))
    await userEvent.keyboard('{Escape}')
    await expect(args.onFilterChange).toHaveBeenLastCalledWith({ types: ['refund'], range: { preset: 'all' } })
    await waitFor(() => {
      const types = canvas
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[2].textContent)
      expect(new Set(types)).toEqual(new Set(['Refund']))
    })
  },
}

/** Read-only users still read the history, open invoices and export (nothing changes). */
export const ReadOnly: Story = {
  parameters: billing({ provider: { readOnly: true } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('table', { name: 'Transacciones' })
    await expect(canvas.getByRole('button', { name: 'Exportar CSV' })).toBeVisible()
  },
}

/** Odd data from an adapter: unknown type and status, no amount, a very long description. */
export const MalformedEntries: Story = {
  globals: { locale: 'en' },
  parameters: billing({
    adapter: memoryWith(() => ({
      listLedger: async () =>
        ({
          entries: [
            {
              id: 'odd_1',
              createdAt: '2026-11-20T10:00:00Z',
              type: 'teleport',
              status: 'sideways',
              description: 'Mystery line',
              amount: null,
            },
            {
              id: 'odd_2',
              createdAt: '2026-11-19T10:00:00Z',
              type: 'usage',
              status: 'succeeded',
              description: `SMS — ${'very long description '.repeat(500)}`,
              amount: { amount: -120, currency: 'USD' },
              invoice: { id: 'in_odd', number: 'INV-ODD' },
            },
          ],
          nextCursor: null,
          totalCount: 2,
        }) as unknown as LedgerPage,
      getInvoiceLinks: async () => ({ viewUrl: 'javascript:alert(1)', downloadUrl: 'javascript:alert(2)' }),
    })),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('Mystery line')).toBeVisible()
    await expect(canvas.getByText('Other')).toBeVisible()
    await expect(canvas.getByText('Amount not available')).toBeInTheDocument()
    await userEvent.click(canvas.getByRole('button', { name: 'Download invoice INV-ODD' }))
    await expect(await canvas.findByText('Invoice INV-ODD is not available to download right now.')).toBeVisible()
  },
}

export const Narrow: Story = {
  globals: { viewport: { value: 'narrow' } },
}

export const NarrowEnglishDark: Story = {
  globals: { viewport: { value: 'narrow' }, locale: 'en', theme: 'dark' },
}
