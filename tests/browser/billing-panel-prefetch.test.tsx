// Its own file, so its page starts with no section code: the other section tests fetch it.
import { screen, waitFor, within } from '@testing-library/react'
import { BillingPanel } from '../../src/components/BillingPanel'
import { renderBilling } from '../support/render'

const tab = (name: string) => screen.getByRole('tab', { name })

/** The requests this page made for a module of the panel. */
function requests(file: string) {
  return performance
    .getEntriesByType('resource')
    .filter((entry): entry is PerformanceResourceTiming => entry.name.includes(`/BillingPanel/${file}`))
}

describe('BillingPanel in Chromium: a section fetched ahead of the click', () => {
  it('fetches the other sections when the pointer reaches a tab, so opening it shows it at once', async () => {
    // No idle prefetch here: only the pointer asks.
    vi.stubGlobal('requestIdleCallback', () => 0)
    const { user } = renderBilling(<BillingPanel />)
    await screen.findByRole('list', { name: 'Saved payment methods' })
    expect(requests('laterSections')).toEqual([])
    expect(requests('SubscriptionsSection')).toEqual([])

    await user.hover(tab('Subscriptions'))
    // Subscriptions and Wallet arrive together, once.
    await waitFor(() => expect(requests('SubscriptionsSection')).toHaveLength(1))
    expect(requests('laterSections')).toHaveLength(1)
    await waitFor(() => expect(requests('SubscriptionsSection')[0].responseEnd).toBeGreaterThan(0))
    // The same module the panel fetched: it resolves once the panel's copy has run.
    await import('../../src/components/BillingPanel/laterSections')
    await user.click(tab('Subscriptions'))
    expect(document.querySelector('[data-slot="billing-section-loading"]')).toBeNull()
    expect(
      await within(screen.getByRole('tabpanel')).findByRole('heading', { name: 'Manage subscriptions' }),
    ).toBeVisible()
    await user.click(tab('Wallet & Transactions'))
    expect(document.querySelector('[data-slot="billing-section-loading"]')).toBeNull()
    expect(requests('laterSections')).toHaveLength(1)
  })
})
