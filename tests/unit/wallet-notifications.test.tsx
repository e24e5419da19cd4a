import { screen, waitFor, within } from '@testing-library/react'
import { WalletCard } from '../../src/components/WalletCard'
import { axeViolations, renderBilling } from '../support/render'

function emails() {
  const found = document.querySelector<HTMLElement>('[data-slot="wallet-notifications"]')
  if (!found) throw new Error('The wallet emails are not on the page')
  return found
}

describe('WalletCard: the wallet emails', () => {
  it('saves "email me below …" and receipts together through the adapter', async () => {
    const { user, memory } = renderBilling(<WalletCard />)
    const section = await waitFor(emails)
    expect(within(section).getByRole('heading', { name: 'Email notifications' })).toBeInTheDocument()
    const receipts = within(section).getByRole('switch', { name: 'Send me receipts for wallet top-ups' })
    const low = within(section).getByRole('switch', { name: 'Email me when my balance falls below a limit' })
    expect(receipts).not.toBeChecked()
    expect(low).not.toBeChecked()
    expect(within(section).queryByRole('textbox')).not.toBeInTheDocument()

    await user.click(low)
    const threshold = within(section).getByRole('textbox', { name: /Email me when the balance falls below/ })
    await user.clear(threshold)
    await user.type(threshold, '15.50')
    await user.click(receipts)
    await user.click(within(section).getByRole('button', { name: 'Save email settings' }))

    await waitFor(async () =>
      expect((await memory.getWallet()).notifications).toEqual({
        lowBalanceEmail: { amount: 1550, currency: 'USD' },
        receipts: true,
      }),
    )
    // One setting, two places: the billing profile's receipts follow.
    expect((await memory.getBillingProfile())?.walletReceipts).toBe(true)
    expect(within(section).getByRole('switch', { name: 'Send me receipts for wallet top-ups' })).toBeChecked()
    expect(await axeViolations(section)).toEqual([])
  })

  it('keeps what was typed when the save fails, and says why', async () => {
    const { user, memory } = renderBilling(<WalletCard />, {
      memory: { faults: { updateWalletNotifications: { code: 'unavailable', mode: 'once' } } },
    })
    const section = await waitFor(emails)
    await user.click(within(section).getByRole('switch', { name: /balance falls below a limit/ }))
    const threshold = within(section).getByRole('textbox', { name: /Email me when the balance falls below/ })
    await user.clear(threshold)
    await user.type(threshold, '9')
    await user.click(within(section).getByRole('button', { name: 'Save email settings' }))
    expect(await within(section).findByText("Email settings weren't saved")).toBeInTheDocument()
    expect(threshold).toHaveValue('9')
    expect((await memory.getWallet()).notifications).toEqual({ lowBalanceEmail: null, receipts: false })
    await user.click(within(section).getByRole('button', { name: 'Save email settings' }))
    await waitFor(async () =>
      expect((await memory.getWallet()).notifications?.lowBalanceEmail).toEqual({ amount: 900, currency: 'USD' }),
    )
  })

  it('speaks Spanish, and is shown but not editable when read-only', async () => {
    renderBilling(<WalletCard />, { locale: 'es', provider: { readOnly: true } })
    const section = await waitFor(emails)
    expect(within(section).getByRole('heading', { name: 'Notificaciones por correo' })).toBeInTheDocument()
    expect(within(section).getByText('Sin avisos de saldo bajo')).toBeInTheDocument()
    expect(within(section).getByText('Sin recibos por correo')).toBeInTheDocument()
    expect(screen.queryByRole('switch', { name: /recibos/ })).not.toBeInTheDocument()
  })
})
