import { screen, waitFor, within } from '@testing-library/react'
import type { MemoryBillingAdapter } from '../../src/adapter/memory'
import { chunks, freshPage, holdChunks, resetChunks } from '../support/chunks'
import { NOW } from '../support/render'

/** The card comes straight from its file because the package index also exports the dialogs. */
function openPage() {
  return freshPage(
    // Both dialogs are one chunk: the first opened brings the other.
    { WalletDialogs: '../../src/components/WalletCard/dialogs' },
    async () => {
      const [{ WalletCard }, { renderBilling }] = await Promise.all([
        import('../../src/components/WalletCard/WalletCard'),
        import('../support/render'),
      ])
      return { WalletCard, renderBilling }
    },
  )
}

async function topUps(memory: MemoryBillingAdapter) {
  const page = await memory.listLedger({ filter: { types: ['top_up'] }, limit: 100 })
  return page.entries.filter((e) => e.createdAt === NOW.toISOString())
}

describe('WalletCard: dialogs whose code is fetched on first use', () => {
  beforeEach(resetChunks)

  it('fetches no dialog code until the pointer or focus reaches a button, then both dialogs at once', async () => {
    const { WalletCard, renderBilling } = await openPage()
    const { user } = renderBilling(<WalletCard />)
    const addFunds = await screen.findByRole('button', { name: 'Add funds' })
    const autoRecharge = screen.getByRole('button', { name: 'Edit auto-recharge' })
    expect(chunks.loads).toEqual([])
    await user.hover(addFunds)
    await waitFor(() => expect(chunks.loads).toEqual(['WalletDialogs']))
    // The other dialog came with it: reaching its button fetches nothing more.
    autoRecharge.focus()
    await user.click(autoRecharge)
    expect(await screen.findByRole('dialog', { name: 'Auto-recharge' })).toBeInTheDocument()
    expect(chunks.loads).toEqual(['WalletDialogs'])
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(document.querySelector('[data-slot="dialog-loading"]')).not.toBeInTheDocument()
  })

  it('opens "Add funds" with a loading frame, then the dialog takes focus and gives it back', async () => {
    const { WalletCard, renderBilling } = await openPage()
    const { user } = renderBilling(<WalletCard />)
    const addFunds = await screen.findByRole('button', { name: 'Add funds' })
    const arrive = holdChunks()
    addFunds.focus()
    await user.keyboard('{Enter}')
    // The frame stands in until the code is there, and leaves focus on the button meanwhile.
    const frame = await waitFor(() => {
      const found = document.querySelector('[data-slot="dialog-loading"]')
      expect(found).toBeInTheDocument()
      return found
    })
    expect(frame).toHaveTextContent('Add funds')
    expect(within(frame as HTMLElement).getByRole('status')).toHaveTextContent('Loading…')
    expect(addFunds).toHaveFocus()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    arrive()
    const dialog = await screen.findByRole('dialog', { name: 'Add funds' })
    expect(document.querySelector('[data-slot="dialog-loading"]')).not.toBeInTheDocument()
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement))
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(addFunds).toHaveFocus()
  })

  it('Escape while the code is on its way closes the frame, and the dialog does not open later', async () => {
    const { WalletCard, renderBilling } = await openPage()
    const { user } = renderBilling(<WalletCard />)
    const autoRecharge = await screen.findByRole('button', { name: 'Edit auto-recharge' })
    const arrive = holdChunks()
    await user.click(autoRecharge)
    await waitFor(() => expect(document.querySelector('[data-slot="dialog-loading"]')).toBeInTheDocument())
    await user.keyboard('{Escape}')
    expect(document.querySelector('[data-slot="dialog-loading"]')).not.toBeInTheDocument()
    arrive()
    await waitFor(() => expect(chunks.loads).toContain('WalletDialogs'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(autoRecharge).toHaveFocus()
    // Asked for again, it opens at once: the code is there now.
    await user.click(autoRecharge)
    expect(await screen.findByRole('dialog', { name: 'Auto-recharge' })).toBeInTheDocument()
  })

  it('a failed fetch of "Add funds" says so in Spanish with a retry, and the retried dialog charges once', async () => {
    const { WalletCard, renderBilling } = await openPage()
    chunks.offline.add('WalletDialogs')
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { user, memory } = renderBilling(<WalletCard />, { locale: 'es' })
    await user.click(await screen.findByRole('button', { name: 'Agregar Fondos' }))

    const retry = await screen.findByRole('button', { name: 'Reintentar' })
    const alert = retry.closest('[role="alert"]') as HTMLElement
    expect(alert).toBeInTheDocument()
    expect(alert).not.toHaveTextContent('Failed to fetch')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(document.querySelector('[data-slot="dialog-loading"]')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Agregar Fondos' })).toBeInTheDocument()

    chunks.offline.delete('WalletDialogs')
    await user.click(retry)
    const dialog = await screen.findByRole('dialog', { name: 'Agregar Fondos' })
    expect(alert).not.toBeInTheDocument()
    // The suggested amount is preselected.
    await user.click(within(dialog).getByRole('button', { name: /^Pagar 50,00/ }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const entries = await topUps(memory)
    expect(entries).toHaveLength(1)
    expect(entries[0]?.amount).toEqual({ amount: 5000, currency: 'USD' })
    // The retry button that had focus is gone; focus goes back to the card's button, not the page.
    expect(screen.getByRole('button', { name: 'Agregar Fondos' })).toHaveFocus()
  })

  it('a failed fetch of auto-recharge offers a retry, then saves', async () => {
    const { WalletCard, renderBilling } = await openPage()
    chunks.offline.add('WalletDialogs')
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const onAutoRechargeSaved = vi.fn()
    const { user } = renderBilling(<WalletCard onAutoRechargeSaved={onAutoRechargeSaved} />)
    await user.click(await screen.findByRole('button', { name: 'Edit auto-recharge' }))
    const retry = await screen.findByRole('button', { name: 'Try again' })
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()

    chunks.offline.delete('WalletDialogs')
    await user.click(retry)
    const dialog = await screen.findByRole('dialog', { name: 'Auto-recharge' })
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(onAutoRechargeSaved).toHaveBeenCalledTimes(1))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Edit auto-recharge' })).toHaveFocus()
  })
})
