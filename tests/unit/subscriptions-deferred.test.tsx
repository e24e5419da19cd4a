import { screen, waitFor, within } from '@testing-library/react'
import type { BillingAdapter, CancelSubscriptionInput } from '../../src/adapter/types'
import { chunks, freshPage, holdChunks, resetChunks } from '../support/chunks'

// Both dialogs are one chunk: the first opened brings the other.
const DIALOGS = '../../src/components/SubscriptionsPanel/dialogs'

/** The panel comes straight from its file because the package index also exports the dialogs. */
function openPage() {
  return freshPage({ SubscriptionDialogs: DIALOGS }, async () => {
    const [{ SubscriptionsPanel }, { renderBilling }] = await Promise.all([
      import('../../src/components/SubscriptionsPanel/SubscriptionsPanel'),
      import('../support/render'),
    ])
    return { SubscriptionsPanel, renderBilling }
  })
}

const card = (name: string) => screen.findByRole('article', { name })

describe('SubscriptionsPanel: dialogs whose code is fetched on first use', () => {
  beforeEach(resetChunks)

  it('fetches no dialog code until the pointer or focus reaches a card action, then both dialogs at once', async () => {
    const { SubscriptionsPanel, renderBilling } = await openPage()
    const { user } = renderBilling(<SubscriptionsPanel />)
    const pro = await card('Agency Pro Plan')
    expect(chunks.loads).toEqual([])
    await user.hover(within(pro).getByRole('button', { name: 'Change plan' }))
    await waitFor(() => expect(chunks.loads).toEqual(['SubscriptionDialogs']))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    // The other dialog came with it: it opens with nothing more fetched.
    await user.click(within(pro).getByRole('button', { name: 'Cancel subscription' }))
    expect(await screen.findByRole('dialog', { name: /Cancel/ })).toBeInTheDocument()
    expect(chunks.loads).toEqual(['SubscriptionDialogs'])
  })

  it('opens "Change plan" with a loading frame, then the dialog takes focus and gives it back', async () => {
    const { SubscriptionsPanel, renderBilling } = await openPage()
    const { user } = renderBilling(<SubscriptionsPanel />)
    const button = within(await card('Agency Pro Plan')).getByRole('button', { name: 'Change plan' })
    const arrive = holdChunks()
    button.focus()
    await user.keyboard('{Enter}')
    const frame = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('[data-slot="dialog-loading"]')
      expect(found).toBeInTheDocument()
      return found as HTMLElement
    })
    expect(frame).toHaveTextContent('Change plan')
    expect(within(frame).getByRole('status')).toHaveTextContent('Loading…')
    expect(button).toHaveFocus()
    arrive()
    const dialog = await screen.findByRole('dialog', { name: 'Change plan' })
    expect(document.querySelector('[data-slot="dialog-loading"]')).not.toBeInTheDocument()
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement))
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(button).toHaveFocus()
  })

  it('a failed fetch of "Cancel" says so in Spanish with a retry, and the retried dialog cancels once', async () => {
    const { SubscriptionsPanel, renderBilling } = await openPage()
    const { createMemoryAdapter } = await import('../../src/adapter/memory')
    const { NOW } = await import('../support/render')
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en' })
    const inputs: CancelSubscriptionInput[] = []
    const adapter: BillingAdapter = {
      ...memory,
      cancelSubscription: (input) => {
        inputs.push(input)
        return memory.cancelSubscription(input)
      },
    }
    chunks.offline.add('SubscriptionDialogs')
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { user } = renderBilling(<SubscriptionsPanel />, { adapter, locale: 'es' })
    const seo = await card('Local SEO service')
    await user.click(within(seo).getByRole('button', { name: 'Cancelar suscripción' }))

    const retry = await screen.findByRole('button', { name: 'Reintentar' })
    const alert = retry.closest('[role="alert"]') as HTMLElement
    expect(alert).toBeInTheDocument()
    expect(alert).not.toHaveTextContent('Failed to fetch')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(document.querySelector('[data-slot="dialog-loading"]')).not.toBeInTheDocument()
    expect(inputs).toEqual([])

    chunks.offline.delete('SubscriptionDialogs')
    await user.click(retry)
    const dialog = await screen.findByRole('dialog', { name: '¿Cancelar Local SEO service?' })
    expect(alert).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Cancelar suscripción' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(inputs).toEqual([{ subscriptionId: 'sub_local_seo' }])
    // The retry button that had focus is gone; focus lands on the card's new action, not the page.
    await waitFor(() => expect(within(seo).getByRole('button', { name: /Reanudar/ })).toHaveFocus())
  })
})
