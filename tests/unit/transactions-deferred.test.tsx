import { screen, waitFor } from '@testing-library/react'

// The CSV code arrives on the first export. `offline` makes fetching it fail, as it would without
// a network or after a deploy replaced the file, until the test says the network is back.
const chunks = { offline: false, loads: 0 }

/**
 * A fresh page for each test: whether the CSV code has arrived is remembered for the page's life.
 * The list comes straight from its file because the package index also exports the CSV helpers.
 */
async function freshPage() {
  // A fetch the previous test started must land before the page is thrown away.
  await vi.dynamicImportSettled()
  vi.resetModules()
  vi.doUnmock('../../src/components/TransactionHistory/csv')
  vi.doMock('../../src/components/TransactionHistory/csv', async (importOriginal) => {
    chunks.loads++
    if (chunks.offline) throw new TypeError('Failed to fetch dynamically imported module')
    return importOriginal()
  })
  const [{ TransactionHistory }, { renderBilling }] = await Promise.all([
    import('../../src/components/TransactionHistory/TransactionHistory'),
    import('../support/render'),
  ])
  return { TransactionHistory, renderBilling }
}

/** Files the page handed to the browser to download. */
function captureDownloads() {
  const files: string[] = []
  URL.createObjectURL = vi.fn(() => 'blob:csv')
  URL.revokeObjectURL = vi.fn()
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push(this.download)
  })
  return files
}

describe('TransactionHistory: CSV code fetched on the first export', () => {
  beforeEach(async () => {
    chunks.offline = false
    chunks.loads = 0
    // The file is named after today.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime((await import('../support/render')).NOW)
  })
  afterEach(() => vi.useRealTimers())

  it('shows the list and its filters without fetching the CSV code, and fetches it on "Export CSV"', async () => {
    const { TransactionHistory, renderBilling } = await freshPage()
    const files = captureDownloads()
    const { user } = renderBilling(<TransactionHistory />)
    await screen.findByRole('table', { name: 'Transactions' })
    expect(screen.getByRole('combobox', { name: 'Date range' })).toBeInTheDocument()
    expect(chunks.loads).toBe(0)
    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    expect(await screen.findByText(/^Exported \d+ transactions to transactions-2026-11-26\.csv\.$/)).toBeInTheDocument()
    expect(files).toEqual(['transactions-2026-11-26.csv'])
    expect(chunks.loads).toBeGreaterThan(0)
  })

  it('when the CSV code fails to load, says so in Spanish, downloads nothing, and the retry exports', async () => {
    const { TransactionHistory, renderBilling } = await freshPage()
    const files = captureDownloads()
    chunks.offline = true
    const { user } = renderBilling(<TransactionHistory />, { locale: 'es' })
    await screen.findByRole('table', { name: 'Transacciones' })
    await user.click(screen.getByRole('button', { name: 'Exportar CSV' }))
    const retry = await screen.findByRole('button', { name: 'Reintentar la exportación' })
    const notice = retry.closest('[data-slot="transactions-export-error"]') as HTMLElement
    expect(notice).toHaveTextContent(/^La exportación se detuvo: .+ No se descargó nada\./)
    expect(notice).not.toHaveTextContent('Failed to fetch')
    expect(files).toEqual([])
    // The export button is usable again, not stuck pending.
    expect(screen.getByRole('button', { name: 'Exportar CSV' })).not.toHaveAttribute('aria-disabled')

    chunks.offline = false
    await user.click(retry)
    await waitFor(() => expect(files).toHaveLength(1))
    expect(notice).not.toBeInTheDocument()
    const done = document.querySelector('[data-slot="transactions-export-done"]') as HTMLElement
    expect(done).toHaveTextContent(/transacciones-2026-11-26\.csv/)
    expect(files).toEqual(['transacciones-2026-11-26.csv'])
  })
})
