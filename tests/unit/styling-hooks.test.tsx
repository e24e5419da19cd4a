import { screen } from '@testing-library/react'
import { PaymentMethods } from '../../src/components/PaymentMethods'
import { SubscriptionsPanel } from '../../src/components/SubscriptionsPanel'
import { WalletCard } from '../../src/components/WalletCard'
import { renderBilling } from '../support/render'

// Host CSS targets these attributes (README "Styling hooks"): data-status is the domain status,
// data-state the UI state; until 0.2 data-state repeats the status where 0.1.0 put it there.
describe('styling hooks for host CSS', () => {
  it('marks a card by its expiry in data-status, and still in data-state', async () => {
    renderBilling(<PaymentMethods />)
    await screen.findByRole('list', { name: 'Saved payment methods' })
    const row = (name: string) =>
      [...document.querySelectorAll<HTMLElement>('[data-slot="payment-method-row"]')].find(
        (r) => r.querySelector('.bp-pm-name')?.textContent === name,
      )
    expect(row('Mastercard •••• 4444')).toHaveAttribute('data-status', 'expired')
    expect(row('Mastercard •••• 4444')).toHaveAttribute('data-state', 'expired')
    expect(row('Visa •••• 4242')).toHaveAttribute('data-status', 'valid')
  })

  it('marks each subscription card with its status', async () => {
    renderBilling(<SubscriptionsPanel />)
    const cards = await screen.findAllByRole('article')
    for (const card of cards) expect(card.dataset.status).toBe(card.dataset.state)
    expect(cards.map((card) => card.dataset.status)).toContain('active')
  })

  it('marks the balance ok while it is above the alert threshold', async () => {
    renderBilling(<WalletCard />)
    await screen.findByRole('button', { name: 'Add funds' })
    // The seeded $42.50 is above the $10.00 alert threshold.
    expect(document.querySelector('[data-slot="wallet-balance"]')).toHaveAttribute('data-status', 'ok')
    expect(document.querySelector('[data-slot="wallet-card"]')).toHaveAttribute('data-status', 'ok')
  })
})
