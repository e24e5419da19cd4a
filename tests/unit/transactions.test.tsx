import { screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { createMemoryAdapter } from '../../src/adapter/memory'
import type { BillingAdapter, LedgerPage, ListLedgerInput } from '../../src/adapter/types'
import { TransactionHistory, type TransactionFilter } from '../../src/components/TransactionHistory'
import { NOW, renderBilling } from '../support/render'

/** The memory adapter, with every listLedger input recorded. */
function recording(options: Parameters<typeof createMemoryAdapter>[0] = {}) {
  const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en', ...options })
  const inputs: ListLedgerInput[] = []
  const adapter: BillingAdapter = {
    ...memory,
    listLedger: (input) => {
      inputs.push(structuredClone(input))
      return memory.listLedger(input)
    },
  }
  return { memory, adapter, inputs }
}

function table() {
  return screen.getByRole('table', { name: 'Transactions' })
}

function bodyRows() {
  return within(table())
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-rowindex') !== '1')
}

/** What the panel's polite live region last read out. */
function politeAnnouncement() {
  return document.querySelector('[data-slot="announcer"] [aria-live="polite"]')?.textContent
}

function cells(row: HTMLElement) {
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent)
}

describe('TransactionHistory: the ledger', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => vi.useRealTimers())

  it('shows each entry with date, description, type, signed amount, balance, status and invoice', async () => {
    renderBilling(<TransactionHistory />)
    await screen.findByRole('table', { name: 'Transactions' })
    expect(
      within(table())
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Date', 'Description', 'Type', 'Status', 'Amount', 'Balance after', 'Invoice'])
    const [topUp, usage, failedCharge] = bodyRows()
    expect(cells(topUp)).toEqual([
      'Nov 25, 2026, 4:22 PM',
      'Funds added to wallet',
      'Wallet top-up',
      'Succeeded',
      '+$25.00',
      '$42.50',
      '',
    ])
    expect(cells(usage)).toEqual([
      'Nov 23, 2026, 10:21 PM',
      'SMS — 424 messages',
      'Usage',
      'Succeeded',
      '-$4.24',
      '$17.50',
      '',
    ])
    expect(cells(failedCharge).slice(1, 5)).toEqual([
      'Subscription — Google Ads campaigns',
      'Subscription charge',
      'Failed',
      '-$250.00',
    ])
    expect(within(failedCharge).getByRole('button', { name: 'View invoice INV-2026-0046' })).toBeInTheDocument()
    expect(within(failedCharge).getByRole('button', { name: 'Download invoice INV-2026-0046' })).toBeInTheDocument()
    // The status is text in a badge, not a colour.
    expect(within(failedCharge).getByText('Failed')).toHaveAttribute('data-state', 'failed')
  })

  it('tells screen readers how many rows there are and where each one sits', async () => {
    renderBilling(<TransactionHistory />)
    await screen.findByRole('table', { name: 'Transactions' })
    // 360 seeded entries plus the header row.
    expect(table()).toHaveAttribute('aria-rowcount', '361')
    const rows = bodyRows()
    expect(rows[0]).toHaveAttribute('aria-rowindex', '2')
    expect(rows[1]).toHaveAttribute('aria-rowindex', '3')
    // Virtualised: a first screenful is rendered, not the whole first page.
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.length).toBeLessThan(50)
    expect(screen.getByText('Showing 50 of 360')).toBeInTheDocument()
    expect(screen.getByRole('region', { name: 'Transactions, scrollable list' })).toHaveAttribute('tabindex', '0')
  })

  it('renders malformed entries safely', async () => {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en' })
    const adapter: BillingAdapter = {
      ...memory,
      listLedger: async () =>
        ({
          entries: [
            {
              id: 'x1',
              createdAt: '2026-11-20T10:00:00Z',
              type: 'teleport',
              status: 'sideways',
              description: 'Mystery',
              amount: null,
            },
            {
              id: 'x2',
              createdAt: '2026-11-19T10:00:00Z',
              type: 'usage',
              status: 'succeeded',
              description: `<img src=x onerror="alert(1)">${'a'.repeat(10_000)}`,
              amount: { amount: 'lots', currency: 'USD' },
              invoice: { id: 'in_x', number: 'INV-X' },
            },
            {
              id: 'x3',
              createdAt: 'not a date',
              type: 'usage',
              status: 'succeeded',
              description: 'Dropped',
              amount: null,
            },
          ],
          nextCursor: null,
          totalCount: 3,
        }) as unknown as LedgerPage,
    }
    renderBilling(<TransactionHistory />, { adapter })
    await screen.findByRole('table', { name: 'Transactions' })
    const [mystery, long] = bodyRows()
    expect(cells(mystery).slice(1, 5)).toEqual(['Mystery', 'Other', 'Unknown', '—Amount not available'])
    expect(within(long).getByText(/^<img src=x/)).toBeInTheDocument()
    expect(document.querySelector('img')).toBeNull()
    // The entry with an unreadable date is dropped at the boundary; the others stay.
    expect(bodyRows()).toHaveLength(2)
    expect(screen.queryByText('Dropped')).not.toBeInTheDocument()
  })
})

describe('TransactionHistory: filters go to the adapter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => vi.useRealTimers())

  it('asks the adapter for the ticked types and shows what it answers', async () => {
    const { adapter, inputs } = recording()
    const { user } = renderBilling(<TransactionHistory />, { adapter })
    await screen.findByRole('table', { name: 'Transactions' })
    expect(inputs).toEqual([{ filter: { types: undefined, from: null, to: null }, cursor: null, limit: 50 }])

    await user.click(screen.getByRole('button', { name: 'Type All types' }))
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'Refund' }))
    // The menu stays open to tick another.
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Wallet top-up' }))
    await user.keyboard('{Escape}')

    await waitFor(() => expect(inputs.at(-1)?.filter?.types).toEqual(['refund', 'top_up']))
    expect(screen.getByRole('button', { name: 'Type 2 types' })).toBeInTheDocument()
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0))
    const types = new Set(bodyRows().map((row) => cells(row)[2]))
    expect([...types].toSorted()).toEqual(['Refund', 'Wallet top-up'])
    // Every page was fetched from the adapter with the filter, never narrowed here.
    expect(inputs.slice(1).every((input) => input.filter?.types?.length)).toBe(true)
  })

  it('tells screen readers what a new filter found, and says nothing on first load', async () => {
    const { adapter, memory } = recording()
    const refunds = (await memory.listLedger({ filter: { types: ['refund'] }, limit: 1 })).totalCount
    const { user } = renderBilling(<TransactionHistory />, { adapter })
    await screen.findByRole('table', { name: 'Transactions' })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(politeAnnouncement()).toBe('')
    await user.click(screen.getByRole('button', { name: 'Type All types' }))
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'Refund' }))
    await waitFor(() => expect(politeAnnouncement()).toBe(refunds === 1 ? '1 transaction' : `${refunds} transactions`))
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Adjustment' }))
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Refund' }))
    await waitFor(() => expect(politeAnnouncement()).toBe('No results for these filters'))
  })

  it('asks for a date range from a preset', async () => {
    const { adapter, inputs } = recording()
    const { user } = renderBilling(<TransactionHistory />, { adapter })
    await screen.findByRole('table', { name: 'Transactions' })
    const range = screen.getByRole('combobox', { name: 'Date range' })
    await user.selectOptions(range, screen.getByRole('option', { name: 'This month' }))
    expect(range).toHaveDisplayValue('This month')
    await waitFor(() =>
      expect(inputs.at(-1)?.filter).toEqual({ types: undefined, from: '2026-11-01T00:00:00.000Z', to: null }),
    )
    await waitFor(() => expect(screen.getByRole('table', { name: 'Transactions' })).toBeInTheDocument())
    expect(bodyRows().every((row) => cells(row)[0]?.startsWith('Nov'))).toBe(true)
  })

  it('asks for a custom range including its last day, and does not ask while it runs backwards', async () => {
    const { adapter, inputs } = recording()
    const { user } = renderBilling(<TransactionHistory defaultFilter={{ types: [], range: { preset: 'custom' } }} />, {
      adapter,
    })
    await screen.findByRole('table', { name: 'Transactions' })
    const from = screen.getByLabelText('From')
    const to = screen.getByLabelText('To')
    await user.type(from, '2026-11-10')
    await user.type(to, '2026-11-20')
    await waitFor(() =>
      expect(inputs.at(-1)?.filter).toEqual({
        types: undefined,
        from: '2026-11-10T00:00:00.000Z',
        to: '2026-11-21T00:00:00.000Z',
      }),
    )
    const asked = inputs.length
    await user.clear(to)
    await user.type(to, '2026-11-01')
    expect(await screen.findByText('The start date must be on or before the end date.')).toBeInTheDocument()
    expect(to).toHaveAttribute('aria-invalid', 'true')
    // The list keeps the last range that made sense; nothing backwards reached the adapter.
    expect(inputs.slice(asked).some((input) => input.filter?.to === '2026-11-02T00:00:00.000Z')).toBe(false)
    expect(table()).toBeInTheDocument()
  })

  it('tells "no results for these filters" apart from "no transactions yet", and clears filters', async () => {
    const { adapter, inputs } = recording()
    const { user } = renderBilling(
      <TransactionHistory defaultFilter={{ types: ['adjustment'], range: { preset: 'all' } }} />,
      { adapter },
    )
    expect(await screen.findByRole('heading', { name: 'No results for these filters' })).toBeInTheDocument()
    expect(screen.queryByText('No transactions yet')).not.toBeInTheDocument()
    // One "Clear filters" in the toolbar, one in the empty state.
    const clear = screen.getAllByRole('button', { name: 'Clear filters' })
    expect(clear).toHaveLength(2)
    await user.click(clear[1])
    await screen.findByRole('table', { name: 'Transactions' })
    expect(inputs.at(-1)?.filter).toEqual({ types: undefined, from: null, to: null })
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument()
  })

  it('says "no transactions yet" for an empty ledger, with nothing to clear', async () => {
    renderBilling(<TransactionHistory />, { memory: { empty: true } })
    expect(await screen.findByRole('heading', { name: 'No transactions yet' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('follows a controlled filter and reports changes without applying them itself', async () => {
    const { adapter, inputs } = recording()
    const changes: TransactionFilter[] = []
    function Host() {
      const [filter, setFilter] = useState<TransactionFilter>({ types: ['usage'], range: { preset: 'all' } })
      return (
        <>
          <TransactionHistory
            filter={filter}
            onFilterChange={(next) => {
              changes.push(next)
              // The host keeps only the date part (e.g. its router pins the type).
              setFilter({ ...next, types: ['usage'] })
            }}
          />
          <button type="button" onClick={() => setFilter({ types: ['refund'], range: { preset: 'all' } })}>
            Host: refunds
          </button>
        </>
      )
    }
    const { user } = renderBilling(<Host />, { adapter })
    await screen.findByRole('table', { name: 'Transactions' })
    expect(inputs.at(-1)?.filter?.types).toEqual(['usage'])

    await user.click(screen.getByRole('button', { name: 'Type Usage' }))
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'Refund' }))
    expect(changes.at(-1)?.types).toEqual(['usage', 'refund'])
    await user.keyboard('{Escape}')
    expect(screen.getByRole('button', { name: 'Type Usage' })).toBeInTheDocument()
    expect(inputs.every((input) => input.filter?.types?.join() === 'usage')).toBe(true)

    await user.click(screen.getByRole('button', { name: 'Host: refunds' }))
    await waitFor(() => expect(inputs.at(-1)?.filter?.types).toEqual(['refund']))
    expect(screen.getByRole('button', { name: 'Type Refund' })).toBeInTheDocument()
  })
})

describe('TransactionHistory: loading, errors, read-only', () => {
  it('shows a skeleton with a loading message while the first page loads', async () => {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en' })
    renderBilling(<TransactionHistory />, {
      adapter: { ...memory, listLedger: () => new Promise<LedgerPage>(() => {}) },
    })
    const loading = await screen.findByText('Loading transactions…')
    expect(loading.closest('[role="status"]')).toHaveAttribute('data-slot', 'transactions-loading')
    expect(document.querySelector('[data-slot="transaction-history"]')).toHaveAttribute('aria-busy', 'true')
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('shows a localised error with a retry that loads the list', async () => {
    const { user, memory } = renderBilling(<TransactionHistory />, {
      memory: { faults: { listLedger: { code: 'unavailable', mode: 'once' } } },
    })
    const alert = (await screen.findByText("We couldn't load your transactions.")).closest<HTMLElement>(
      '[role="alert"]',
    )
    if (!alert) throw new Error('The error is not an alert')
    expect(alert).toHaveTextContent('The billing service is unavailable right now.')
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    await screen.findByRole('table', { name: 'Transactions' })
    expect(memory.calls.listLedger).toBe(2)
  })

  it('keeps invoices and the export in read-only mode (they change nothing)', async () => {
    renderBilling(<TransactionHistory />, { provider: { readOnly: true } })
    await screen.findByRole('table', { name: 'Transactions' })
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeInTheDocument()
    expect(screen.getAllByRole('button', { name: /^Download invoice/ }).length).toBeGreaterThan(0)
  })

  it('shows invoice numbers without actions when the adapter cannot give invoice links', async () => {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en' })
    const { getInvoiceLinks: _omit, ...withoutInvoices } = memory
    renderBilling(<TransactionHistory />, { adapter: withoutInvoices })
    await screen.findByRole('table', { name: 'Transactions' })
    expect(screen.getByText('INV-2026-0046')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /invoice/i })).not.toBeInTheDocument()
  })

  it('opens the invoice page in a new tab with the link asked for at click time', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => ({ opener: {} }) as Window)
    try {
      const { user, memory } = renderBilling(<TransactionHistory />)
      await screen.findByRole('table', { name: 'Transactions' })
      expect(memory.calls.getInvoiceLinks).toBe(0)
      await user.click(screen.getByRole('button', { name: 'View invoice INV-2026-0046' }))
      await waitFor(() => expect(open).toHaveBeenCalledTimes(1))
      expect(open.mock.calls[0][0]).toMatch(/^https:\/\/billing\.example\.com\/invoices\/in_[0-9a-z]+$/)
      expect(open.mock.calls[0][1]).toBe('_blank')
      expect(memory.calls.getInvoiceLinks).toBe(1)
    } finally {
      open.mockRestore()
    }
  })
})
