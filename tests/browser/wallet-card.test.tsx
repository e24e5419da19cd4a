import '../../src/components/WalletCard/WalletCard.css'
import { screen, waitFor, within } from '@testing-library/react'
import { page, userEvent as realKeys } from 'vitest/browser'
import { BillingError } from '../../src/adapter/errors'
import { createMemoryAdapter, type MemoryBillingAdapter } from '../../src/adapter/memory'
import type { AddFundsInput, BillingAdapter } from '../../src/adapter/types'
import { WalletCard } from '../../src/components/WalletCard'
import { axeViolations, NOW, renderBilling } from '../support/render'

function memoryAt(options: Parameters<typeof createMemoryAdapter>[0] = {}) {
  return createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en', ...options })
}

/** Top-ups made during the test (the seeded history is older than the clock). */
async function topUps(memory: BillingAdapter) {
  const page = await memory.listLedger({ filter: { types: ['top_up'] }, limit: 100 })
  return page.entries.filter((e) => e.createdAt === NOW.toISOString())
}

function walletCard() {
  const found = document.querySelector<HTMLElement>('[data-slot="wallet-card"]')
  if (!found) throw new Error('The wallet card is not on the page')
  return found
}

function currentBalance() {
  return within(walletCard()).getByText('Current balance', { selector: 'dt' }).nextElementSibling?.textContent
}

async function dialogClosed() {
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
}

/** Presses Tab until `target` has focus, the way a keyboard user would move; fails if it never does. */
async function tabTo(user: ReturnType<typeof renderBilling>['user'], target: () => HTMLElement, max = 25) {
  for (let i = 0; i < max; i++) {
    if (document.activeElement === target()) return
    await user.tab()
  }
  expect(document.activeElement).toBe(target())
}

/**
 * A held arrow key, released once focus has moved: Radix radio groups check the item that
 * arrow-key focus lands on, and move focus a tick after keydown, as a real key press allows.
 */
async function pressArrow(user: ReturnType<typeof renderBilling>['user'], key: 'ArrowRight' | 'ArrowDown') {
  const before = document.activeElement
  await user.keyboard(`{${key}>}`)
  await waitFor(() => expect(document.activeElement).not.toBe(before))
  await user.keyboard(`{/${key}}`)
}

beforeEach(async () => {
  await page.viewport(1280, 900)
})

describe('WalletCard in Chromium: one charge per intent', () => {
  it('double-clicking Pay charges once', async () => {
    const memory = memoryAt({ latency: 150 })
    const { user } = renderBilling(<WalletCard />, { adapter: memory })
    await user.click(await screen.findByRole('button', { name: 'Add funds' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add funds' })
    await user.click(within(dialog).getByRole('radio', { name: '$25.00' }))
    await user.dblClick(within(dialog).getByRole('button', { name: 'Pay $25.00' }))
    await user.click(within(dialog).getByRole('button', { name: 'Pay $25.00' }))
    await dialogClosed()
    expect(memory.calls.addFunds).toBe(1)
    expect(await topUps(memory)).toHaveLength(1)
    await waitFor(() => expect(currentBalance()).toBe('$67.50'))
  })

  it('a retry after a timeout whose charge went through does not charge again', async () => {
    const memory = memoryAt()
    const keys: string[] = []
    // The charge happens, but the answer is lost on the way back.
    let loseAnswer = true
    const adapter: BillingAdapter = {
      ...memory,
      addFunds: async (input: AddFundsInput) => {
        keys.push(input.idempotencyKey)
        const result = await memory.addFunds(input)
        if (loseAnswer) {
          loseAnswer = false
          throw new BillingError('timeout')
        }
        return result
      },
    }
    const { user } = renderBilling(<WalletCard />, { adapter })
    await user.click(await screen.findByRole('button', { name: 'Add funds' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add funds' })
    const amount = within(dialog).getByRole('textbox', { name: 'Amount' })
    await user.clear(amount)
    await user.type(amount, '35')
    await user.click(within(dialog).getByRole('button', { name: 'Pay $35.00' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('took too long to answer')
    await user.click(within(dialog).getByRole('button', { name: 'Pay $35.00' }))
    await dialogClosed()
    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
    const entries = await topUps(memory)
    expect(entries).toHaveLength(1)
    expect(entries[0].amount).toEqual({ amount: 3500, currency: 'USD' })
    await waitFor(() => expect(currentBalance()).toBe('$77.50'))
  })

  it('a timeout injected before the charge, then a retry, leaves exactly one top-up', async () => {
    const memory = memoryAt({ latency: 30, faults: { addFunds: { code: 'timeout', mode: 'once' } } })
    const { user } = renderBilling(<WalletCard />, { adapter: memory })
    await user.click(await screen.findByRole('button', { name: 'Add funds' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add funds' })
    await user.click(within(dialog).getByRole('button', { name: /^Pay/ }))
    await within(dialog).findByRole('alert')
    expect(await topUps(memory)).toHaveLength(0)
    await user.click(within(dialog).getByRole('button', { name: /^Pay/ }))
    await dialogClosed()
    expect(await topUps(memory)).toHaveLength(1)
    expect(memory.calls.addFunds).toBe(2)
  })
})

describe('WalletCard in Chromium: keyboard only', () => {
  it('keeps the suggested amounts one tab stop, chosen with the arrow keys as the platform does', async () => {
    const { user } = renderBilling(<WalletCard />, { adapter: memoryAt() })
    await user.click(await screen.findByRole('button', { name: 'Add funds' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add funds' })
    const radio = (name: string) => within(dialog).getByRole('radio', { name })
    // The dialog puts focus on the chosen amount, not on the first tile.
    await waitFor(() => expect(radio('$50.00')).toHaveFocus())
    await realKeys.keyboard('{ArrowRight}')
    expect(radio('$100.00')).toBeChecked()
    expect(radio('$100.00')).toHaveFocus()
    await realKeys.keyboard('{ArrowLeft}{ArrowLeft}')
    expect(radio('$25.00')).toBeChecked()
    expect(within(dialog).getByRole('textbox', { name: 'Amount' })).toHaveValue('25.00')
    await realKeys.keyboard('{Tab}')
    expect(within(dialog).getByRole('textbox', { name: 'Amount' })).toHaveFocus()
    await realKeys.keyboard('{Shift>}{Tab}{/Shift}')
    expect(radio('$25.00')).toHaveFocus()
  })

  it('turns a setting on and off with Space and Enter, and Enter does not save the form', async () => {
    const memory = memoryAt()
    const { user } = renderBilling(<WalletCard />, { adapter: memory })
    const receipts = await screen.findByRole('switch', { name: 'Send me receipts for wallet top-ups' })
    const before = await memory.getWallet()
    await tabTo(user, () => receipts)
    await realKeys.keyboard(' ')
    expect(receipts).toBeChecked()
    await realKeys.keyboard('{Enter}')
    expect(receipts).not.toBeChecked()
    await realKeys.keyboard('{Enter}')
    expect(receipts).toBeChecked()
    // Nothing was saved: the setting waits for "Save email settings".
    expect((await memory.getWallet()).notifications).toEqual(before.notifications)
  })

  it('adds funds with the keyboard alone', async () => {
    const memory = memoryAt()
    const { user } = renderBilling(<WalletCard />, { adapter: memory })
    const addFunds = await screen.findByRole('button', { name: 'Add funds' })
    await tabTo(user, () => addFunds)
    await user.keyboard('{Enter}')
    const dialog = await screen.findByRole('dialog', { name: 'Add funds' })
    // Arrow keys move between the suggested amounts.
    await tabTo(user, () => within(dialog).getByRole('radio', { name: '$50.00' }))
    await pressArrow(user, 'ArrowRight')
    expect(within(dialog).getByRole('radio', { name: '$100.00' })).toBeChecked()
    expect(within(dialog).getByText("You'll be charged $100.00 to Visa •••• 4242.")).toBeInTheDocument()
    await tabTo(user, () => within(dialog).getByRole('button', { name: 'Pay $100.00' }))
    await user.keyboard('{Enter}')
    await dialogClosed()
    expect(await topUps(memory)).toHaveLength(1)
    await waitFor(() => expect(currentBalance()).toBe('$142.50'))
    // Focus goes back to where the user started.
    await waitFor(() => expect(addFunds).toHaveFocus())
  })

  it('types a custom amount and submits with Enter', async () => {
    const memory = memoryAt()
    const { user } = renderBilling(<WalletCard />, { adapter: memory })
    const addFunds = await screen.findByRole('button', { name: 'Add funds' })
    await tabTo(user, () => addFunds)
    await user.keyboard('{Enter}')
    const dialog = await screen.findByRole('dialog', { name: 'Add funds' })
    const amount = within(dialog).getByRole('textbox', { name: 'Amount' })
    await tabTo(user, () => amount)
    await user.keyboard('{Control>}a{/Control}12.5{Enter}')
    await dialogClosed()
    expect((await topUps(memory))[0].amount).toEqual({ amount: 1250, currency: 'USD' })
  })

  it('sets up auto-recharge with the keyboard alone', async () => {
    const memory = memoryAt()
    await memory.updateAutoRecharge({ ...(await memory.getWallet()).autoRecharge, enabled: false, monthlyCap: null })
    const { user } = renderBilling(<WalletCard />, { adapter: memory })
    const setUp = await screen.findByRole('button', { name: 'Set up auto-recharge' })
    await tabTo(user, () => setUp)
    await user.keyboard('{Enter}')
    const dialog = await screen.findByRole('dialog', { name: 'Auto-recharge' })
    const onOff = within(dialog).getByRole('switch', { name: 'Recharge automatically' })
    await tabTo(user, () => onOff)
    await user.keyboard(' ')
    expect(onOff).toBeChecked()
    await tabTo(user, () => within(dialog).getByRole('textbox', { name: 'When the balance falls below' }))
    await user.keyboard('{Control>}a{/Control}5')
    await tabTo(user, () => within(dialog).getByRole('radio', { name: 'Add a fixed amount' }))
    await pressArrow(user, 'ArrowDown')
    expect(within(dialog).getByRole('radio', { name: 'Restore the balance to' })).toBeChecked()
    await tabTo(user, () => within(dialog).getByRole('textbox', { name: 'Balance to restore' }))
    await user.keyboard('{Control>}a{/Control}60')
    const cap = within(dialog).getByRole('switch', { name: 'Limit auto-recharge per month' })
    await tabTo(user, () => cap)
    await user.keyboard(' ')
    await tabTo(user, () => within(dialog).getByRole('textbox', { name: 'Monthly limit' }))
    await user.keyboard('{Control>}a{/Control}150')
    await tabTo(user, () => within(dialog).getByRole('button', { name: 'Save' }))
    await user.keyboard('{Enter}')
    await dialogClosed()
    expect((await memory.getWallet()).autoRecharge).toMatchObject({
      enabled: true,
      mode: 'target',
      threshold: { amount: 500 },
      amount: { amount: 6000 },
      monthlyCap: { amount: 15000 },
    })
    expect(
      within(walletCard()).getByText(
        'When the balance falls below $5.00, restore it to $60.00 with Visa •••• 4242 (up to $150.00 a month).',
      ),
    ).toBeInTheDocument()
  })
})

describe('WalletCard in Chromium: usage and auto-recharge', () => {
  it('shows the auto-recharge that usage triggered once the host refetches', async () => {
    const memory = memoryAt()
    const { queryClient } = renderBilling(<WalletCard />, { adapter: memory })
    expect(await screen.findByText('$42.50')).toBeInTheDocument()
    // $50 of usage: the $12.30 of credits go first, then the balance drops to $4.80 and recharges $25.
    const { entries } = await memory.simulateUsage({ unit: 'sms', cost: { amount: 5000, currency: 'USD' } })
    expect(entries.map((e) => e.type)).toEqual(['auto_recharge', 'usage'])
    expect(currentBalance()).toBe('$42.50')
    await queryClient.invalidateQueries()
    await waitFor(() => expect(currentBalance()).toBe('$29.80'))
    const card = walletCard()
    expect(
      within(card).getByText('Last recharge: $25.00 on Nov 26, 2026. Charged this month: $25.00 of $200.00.'),
    ).toBeInTheDocument()
    expect(within(card).queryByText('Complimentary credits', { selector: 'h3' })).not.toBeInTheDocument()
    expect(card).toHaveAttribute('data-state', 'ok')
  })

  it('shows the low state when usage drops the balance and auto-recharge is off', async () => {
    const memory = memoryAt()
    await memory.updateAutoRecharge({ ...(await memory.getWallet()).autoRecharge, enabled: false })
    const { queryClient } = renderBilling(<WalletCard />, { adapter: memory })
    expect(await screen.findByText('$42.50')).toBeInTheDocument()
    await memory.simulateUsage({ cost: { amount: 5000, currency: 'USD' } })
    await queryClient.invalidateQueries()
    await waitFor(() => expect(walletCard()).toHaveAttribute('data-state', 'low'))
    expect(within(walletCard()).getByText('Low balance')).toBeVisible()
  })
})

describe('WalletCard in Chromium: axe and layout', () => {
  async function expectAxeClean() {
    expect(await axeViolations(document.body)).toEqual([])
  }

  it('is axe clean populated, with Add funds open, with errors, and after a decline', async () => {
    const { user, memory } = renderBilling(<WalletCard />)
    await screen.findByText('$42.50')
    await expectAxeClean()
    await user.click(screen.getByRole('button', { name: 'Add funds' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add funds' })
    await expectAxeClean()
    const amount = within(dialog).getByRole('textbox', { name: 'Amount' })
    await user.clear(amount)
    await user.type(amount, 'abc')
    await user.click(within(dialog).getByRole('button', { name: 'Pay' }))
    expect(amount).toHaveAccessibleErrorMessage('Use numbers only, e.g. 25.50.')
    await expectAxeClean()
    memory.setFaults({ addFunds: { code: 'card_declined', declineCode: 'insufficient_funds' } })
    await user.clear(amount)
    await user.type(amount, '20')
    await user.click(within(dialog).getByRole('button', { name: 'Pay $20.00' }))
    await within(dialog).findByRole('alert')
    await expectAxeClean()
  })

  it('is axe clean in the auto-recharge dialog with a charge warning and field errors, in dark', async () => {
    const { user } = renderBilling(<WalletCard />, { provider: { appearance: { theme: 'dark' } } })
    await user.click(await screen.findByRole('button', { name: 'Edit auto-recharge' }))
    const dialog = await screen.findByRole('dialog', { name: 'Auto-recharge' })
    const threshold = within(dialog).getByRole('textbox', { name: 'When the balance falls below' })
    await user.clear(threshold)
    await user.type(threshold, '50')
    expect(within(dialog).getByText(/right away/)).toBeInTheDocument()
    await expectAxeClean()
    const amount = within(dialog).getByRole('textbox', { name: 'Amount to add' })
    await user.clear(amount)
    await user.type(amount, '1')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(amount).toHaveAccessibleErrorMessage('Recharge at least $10.00.')
    await expectAxeClean()
  })

  it('is axe clean loading, failed, empty, read-only, paused and in Spanish', async () => {
    const memory = memoryAt()
    const loading = renderBilling(<WalletCard />, { adapter: { ...memory, getWallet: () => new Promise(() => {}) } })
    await screen.findByText('Loading wallet…')
    await expectAxeClean()
    loading.unmount()

    const failed = renderBilling(<WalletCard />, { memory: { faults: { getWallet: 'unavailable' } } })
    await screen.findByText("We couldn't load your wallet.")
    await expectAxeClean()
    failed.unmount()

    const empty = renderBilling(<WalletCard />, { memory: { empty: true } })
    await screen.findByText('Low balance')
    await expectAxeClean()
    empty.unmount()

    const readOnly = renderBilling(<WalletCard />, { provider: { readOnly: true, appearance: { theme: 'dark' } } })
    await screen.findByText('View only')
    await expectAxeClean()
    readOnly.unmount()

    const pausedMemory: MemoryBillingAdapter = memoryAt({ locale: 'es' })
    await pausedMemory.setDefaultPaymentMethod('pm_visa_0002')
    for (let i = 0; i < 3; i++) await pausedMemory.simulateUsage({ cost: { amount: 5000, currency: 'USD' } })
    renderBilling(<WalletCard onAddPaymentMethod={() => {}} />, { adapter: pausedMemory, locale: 'es' })
    await screen.findByText('La recarga automática está en pausa')
    await expectAxeClean()
  })

  it('fits 320 px without sideways scrolling, card and dialogs', async () => {
    await page.viewport(320, 800)
    const { user } = renderBilling(<WalletCard />, { locale: 'es' })
    await screen.findByText('42,50 US$')
    const card = walletCard()
    expect(card.scrollWidth).toBeLessThanOrEqual(card.clientWidth)
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320)
    await user.click(screen.getByRole('button', { name: 'Agregar Fondos' }))
    const dialog = await screen.findByRole('dialog')
    expect(dialog.scrollWidth).toBeLessThanOrEqual(dialog.clientWidth)
    expect(dialog.getBoundingClientRect().right).toBeLessThanOrEqual(320)
    await user.keyboard('{Escape}')
    await dialogClosed()
    await user.click(screen.getByRole('button', { name: 'Editar recarga automática' }))
    const settings = await screen.findByRole('dialog')
    expect(settings.scrollWidth).toBeLessThanOrEqual(settings.clientWidth)
    expect(settings.getBoundingClientRect().right).toBeLessThanOrEqual(320)
  })
})
