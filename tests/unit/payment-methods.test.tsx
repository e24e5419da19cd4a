import { screen, waitFor, within } from '@testing-library/react'
import { createMemoryAdapter, SEED_CARDS } from '../../src/adapter/memory'
import type { BillingAdapter, PaymentMethod } from '../../src/adapter/types'
import { cardExpiryState, PaymentMethods, removalGuard } from '../../src/components/PaymentMethods'
import { billingKeys } from '../../src/data'
import { axeViolations, NOW, renderBilling } from '../support/render'

function memoryAt(options: Parameters<typeof createMemoryAdapter>[0] = {}) {
  return createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en', ...options })
}

function section() {
  const found = document.querySelector<HTMLElement>('[data-slot="payment-methods"]')
  if (!found) throw new Error('The payment methods section is not on the page')
  return found
}

/** Row names in the order a person reads them. */
function rowNames() {
  return within(section())
    .getAllByRole('listitem')
    .map((row) => row.querySelector('.bp-pm-name')?.textContent)
}

function row(name: string) {
  return within(section()).getByRole('listitem', { name })
}

function politeAnnouncement() {
  return document.querySelector('[data-slot="announcer"] [aria-live="polite"]')?.textContent
}

/** Clicks a row action by its full name, e.g. "Remove Visa •••• 4242". */
async function chooseAction(user: ReturnType<typeof renderBilling>['user'], name: string) {
  await user.click(await screen.findByRole('button', { name }))
}

const ROW_ACTION = /^(Set as default|Remove) /

const card = (overrides: Partial<PaymentMethod>): PaymentMethod => ({
  id: 'pm_x',
  type: 'card',
  brand: 'visa',
  last4: '4242',
  expMonth: 12,
  expYear: 2030,
  wallet: null,
  bankName: null,
  holderName: null,
  isDefault: false,
  ...overrides,
})

beforeEach(() => {
  // Expiry warnings count from today: pin today to the adapter's clock.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})
afterEach(() => vi.useRealTimers())

describe('cardExpiryState', () => {
  const now = new Date(2026, 10, 26) // 26 Nov 2026, local time

  it('is valid through the last day of the expiry month and warns in that month and the one before', () => {
    expect(cardExpiryState({ expMonth: 1, expYear: 2027 }, now)).toBe('valid')
    expect(cardExpiryState({ expMonth: 12, expYear: 2026 }, now)).toBe('expiring_soon')
    expect(cardExpiryState({ expMonth: 11, expYear: 2026 }, now)).toBe('expiring_soon')
    expect(cardExpiryState({ expMonth: 10, expYear: 2026 }, now)).toBe('expired')
    expect(cardExpiryState({ expMonth: 12, expYear: 2025 }, now)).toBe('expired')
  })

  it('crosses the year: December warns about January', () => {
    const december = new Date(2026, 11, 3)
    expect(cardExpiryState({ expMonth: 1, expYear: 2027 }, december)).toBe('expiring_soon')
    expect(cardExpiryState({ expMonth: 2, expYear: 2027 }, december)).toBe('valid')
  })

  it('is none when the adapter sent no expiry', () => {
    expect(cardExpiryState({ expMonth: null, expYear: null }, now)).toBe('none')
    expect(cardExpiryState({ expMonth: 4, expYear: null }, now)).toBe('none')
  })
})

describe('removalGuard', () => {
  const visa = card({ id: 'pm_a', isDefault: true })
  const amex = card({ id: 'pm_b', brand: 'amex', last4: '0005' })
  const sub = (id: string, paymentMethodId: string | null, status: 'active' | 'canceled' = 'active') =>
    ({ id, name: id, status, paymentMethodId }) as never

  it('blocks the default card while a live subscription follows the default, not a canceled one', () => {
    expect(removalGuard(visa, [visa, amex], [sub('s1', null)], undefined).blocked).toBe(true)
    expect(removalGuard(visa, [visa, amex], [sub('s1', null, 'canceled')], undefined).blocked).toBe(false)
    expect(removalGuard(amex, [visa, amex], [sub('s1', null)], undefined).blocked).toBe(false)
  })

  it('blocks any card a subscription names, and says a new default would not help', () => {
    const guard = removalGuard(amex, [visa, amex], [sub('s2', 'pm_b')], undefined)
    expect(guard.blocked).toBe(true)
    expect(guard.solvedByNewDefault).toBe(false)
  })

  it('blocks the default card while auto-recharge is on', () => {
    const wallet = { autoRecharge: { enabled: true } } as never
    expect(removalGuard(visa, [visa, amex], [], wallet)).toMatchObject({ blocked: true, autoRecharge: true })
    expect(removalGuard(amex, [visa, amex], [], wallet).blocked).toBe(false)
  })
})

describe('PaymentMethods: the list', () => {
  it('lists every card default first with brand, last 4, expiry, a Default badge and expiry warnings', async () => {
    const memory = memoryAt()
    // The adapter returns the default third; the list still shows it first.
    await memory.setDefaultPaymentMethod(SEED_CARDS.amexExpiring)
    const { queryClient } = renderBilling(<PaymentMethods />, { adapter: memory })

    await screen.findByRole('list', { name: 'Saved payment methods' })
    expect(rowNames()).toEqual([
      'American Express •••• 0005',
      'Visa •••• 4242',
      'Mastercard •••• 4444',
      'Visa •••• 0002',
    ])
    // Sorted for display only: the cached list keeps the adapter's order.
    const cached = queryClient.getQueryData<PaymentMethod[]>(billingKeys.paymentMethods('default'))
    expect(cached?.map((m) => m.id)).toEqual([
      SEED_CARDS.visa,
      SEED_CARDS.mastercardExpired,
      SEED_CARDS.amexExpiring,
      SEED_CARDS.visaDeclining,
    ])

    const amex = row('American Express •••• 0005')
    expect(within(amex).getByText('Default')).toBeInTheDocument()
    expect(within(amex).getByText('Expires soon')).toBeInTheDocument()
    expect(amex).toHaveTextContent('Expires 12/2026')
    expect(amex).toHaveAttribute('data-state', 'expiring_soon')
    expect(amex).toHaveAttribute('data-default')

    const mastercard = row('Mastercard •••• 4444')
    expect(within(mastercard).getByText('Expired')).toBeInTheDocument()
    expect(mastercard).toHaveTextContent('Expired 03/2025')
    expect(mastercard).toHaveAttribute('data-state', 'expired')

    const visa = row('Visa •••• 4242')
    expect(visa).toHaveAttribute('data-state', 'valid')
    expect(visa).toHaveTextContent('Expires 12/2029')
    expect(within(visa).queryByText('Default')).not.toBeInTheDocument()
    expect(within(visa).queryByText(/expire/i, { selector: '.bp-badge' })).not.toBeInTheDocument()
    expect(section()).toHaveAttribute('data-state', 'ready')
  })

  it('labels device-wallet cards and bank debits the adapter returns', async () => {
    const memory = memoryAt()
    const adapter: BillingAdapter = {
      ...memory,
      listPaymentMethods: async () => [
        card({ id: 'pm_apple', brand: 'visa', last4: '1881', wallet: 'apple_pay', isDefault: true }),
        card({ id: 'pm_google', brand: 'mastercard', last4: '5100', wallet: 'google_pay' }),
        card({
          id: 'pm_bank',
          type: 'bank_account',
          brand: 'unknown',
          last4: '6789',
          bankName: 'BBVA',
          expMonth: null,
          expYear: null,
        }),
      ],
    }
    renderBilling(<PaymentMethods />, { adapter })
    await screen.findByRole('list', { name: 'Saved payment methods' })
    expect(row('Visa •••• 1881')).toHaveTextContent('Apple Pay')
    expect(row('Mastercard •••• 5100')).toHaveTextContent('Google Pay')
    const bank = row('BBVA •••• 6789')
    expect(bank).toHaveTextContent('Bank debit')
    expect(bank).toHaveAttribute('data-state', 'none')
    expect(bank).toHaveAttribute('data-type', 'bank_account')
  })

  it('warns when the default card has expired', async () => {
    const memory = memoryAt()
    await memory.setDefaultPaymentMethod(SEED_CARDS.mastercardExpired)
    renderBilling(<PaymentMethods />, { adapter: memory })
    expect(await screen.findByText('Your default card has expired')).toBeInTheDocument()
  })

  it('shows a skeleton while loading, marked busy, and no empty state', async () => {
    const memory = memoryAt()
    renderBilling(<PaymentMethods />, { adapter: { ...memory, listPaymentMethods: () => new Promise(() => {}) } })
    expect(await within(section()).findByRole('status')).toHaveTextContent('Loading payment methods…')
    expect(section()).toHaveAttribute('aria-busy', 'true')
    expect(section()).toHaveAttribute('data-state', 'loading')
    expect(screen.queryByText('No cards yet')).not.toBeInTheDocument()
  })

  it('a failed load says so with a retry that brings the list', async () => {
    const memory = memoryAt({ faults: { listPaymentMethods: { code: 'unavailable', mode: 'once' } } })
    const { user } = renderBilling(<PaymentMethods />, { adapter: memory })
    const alert = await within(section()).findByRole('alert')
    expect(alert).toHaveTextContent("We couldn't load your payment methods")
    expect(alert).toHaveTextContent('The billing service is unavailable right now')
    expect(section()).toHaveAttribute('data-state', 'error')
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('list', { name: 'Saved payment methods' })).toBeInTheDocument()
    expect(memory.calls.listPaymentMethods).toBe(2)
  })

  it('an empty account invites adding a card, with one add button', async () => {
    renderBilling(<PaymentMethods />, { memory: { empty: true } })
    expect(await screen.findByRole('heading', { name: 'No cards yet' })).toBeInTheDocument()
    expect(screen.getAllByRole('button', { name: 'Add new card' })).toHaveLength(1)
    expect(section()).toHaveAttribute('data-state', 'empty')
  })

  it('read-only: the list only, no add, no actions', async () => {
    const { memory } = renderBilling(<PaymentMethods />, { provider: { readOnly: true } })
    await screen.findByRole('list', { name: 'Saved payment methods' })
    expect(screen.getByText('View only')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Add new card' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: ROW_ACTION })).not.toBeInTheDocument()
    expect(memory.calls.createSetupIntent).toBe(0)
  })

  it('hides what the adapter cannot do: no Stripe, no add; no remove or set-default methods, no actions', async () => {
    const memory = memoryAt()
    const { removePaymentMethod: _r, setDefaultPaymentMethod: _s, ...rest } = memory
    renderBilling(<PaymentMethods />, { adapter: rest as BillingAdapter, provider: { stripe: undefined } })
    await screen.findByRole('list', { name: 'Saved payment methods' })
    expect(screen.queryByRole('button', { name: 'Add new card' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: ROW_ACTION })).not.toBeInTheDocument()
  })

  it('accepts className, style and DOM props on the section, host class last', async () => {
    renderBilling(<PaymentMethods className="host" style={{ maxWidth: 600 }} id="cards" data-testid="pm" />)
    await screen.findByRole('list', { name: 'Saved payment methods' })
    const root = screen.getByTestId('pm')
    expect(root).toHaveAttribute('id', 'cards')
    expect(root.className).toBe('bp-section bp-card bp-root bp-payment-methods host')
    expect(root).toHaveStyle({ maxWidth: '600px' })
    expect(root).toHaveAttribute('data-theme', 'light')
  })

  it('speaks Spanish: "Métodos de Pago", "Principal", "Vencida", "Agregar Nueva Tarjeta"', async () => {
    renderBilling(<PaymentMethods />, { locale: 'es' })
    await screen.findByRole('list', { name: 'Métodos de pago guardados' })
    expect(screen.getByRole('heading', { name: 'Métodos de Pago' })).toBeInTheDocument()
    expect(screen.getByText('Principal')).toBeInTheDocument()
    expect(screen.getByText('Vencida')).toBeInTheDocument()
    expect(screen.getByText('Vence pronto')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Agregar Nueva Tarjeta' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Eliminar Visa •••• 4242' })).toHaveTextContent('Eliminar')
    expect(screen.getByRole('button', { name: 'Establecer como principal: Visa •••• 0002' })).toHaveTextContent(
      'Establecer como principal',
    )
  })

  it('has no axe violations when populated and when empty', async () => {
    const first = renderBilling(<PaymentMethods />)
    await screen.findByRole('list', { name: 'Saved payment methods' })
    expect(await axeViolations(first.container)).toEqual([])
    first.unmount()
    const second = renderBilling(<PaymentMethods />, { memory: { empty: true } })
    await screen.findByRole('heading', { name: 'No cards yet' })
    expect(await axeViolations(second.container)).toEqual([])
  })
})

describe('PaymentMethods: set as default', () => {
  it('moves the badge at once, tells the person and the host, and keeps it after the refetch', async () => {
    const onDefaultChanged = vi.fn()
    const memory = memoryAt({ latency: 30 })
    const { user } = renderBilling(<PaymentMethods onDefaultChanged={onDefaultChanged} />, { adapter: memory })
    await screen.findByRole('list', { name: 'Saved payment methods' })
    await chooseAction(user, 'Set as default: Visa •••• 0002')
    // Optimistic: before the adapter answered.
    expect(within(row('Visa •••• 0002')).getByText('Default')).toBeInTheDocument()
    expect(within(row('Visa •••• 4242')).queryByText('Default')).not.toBeInTheDocument()
    await waitFor(() => expect(onDefaultChanged).toHaveBeenCalledWith(SEED_CARDS.visaDeclining))
    await waitFor(() => expect(politeAnnouncement()).toBe('Visa •••• 0002 is now your default card.'))
    expect(rowNames()[0]).toBe('Visa •••• 0002')
    const stored = await memory.listPaymentMethods()
    expect(stored.find((m) => m.isDefault)?.id).toBe(SEED_CARDS.visaDeclining)
    expect(memory.calls.setDefaultPaymentMethod).toBe(1)
  })

  it('keeps focus in the row when its "Set as default" goes away, and holds other actions until the change lands', async () => {
    const memory = memoryAt({ latency: 200 })
    const { user } = renderBilling(<PaymentMethods />, { adapter: memory })
    await screen.findByRole('list', { name: 'Saved payment methods' })
    await chooseAction(user, 'Set as default: Visa •••• 0002')
    expect(within(row('Visa •••• 0002')).queryByRole('button', { name: /^Set as default/ })).not.toBeInTheDocument()
    const remove = within(row('Visa •••• 0002')).getByRole('button', { name: 'Remove Visa •••• 0002' })
    expect(remove).toHaveFocus()
    // While the change is in flight the other actions wait: nothing opens, nothing is sent.
    expect(remove).toHaveAttribute('aria-disabled', 'true')
    await user.click(screen.getByRole('button', { name: 'Remove Visa •••• 4242' }))
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    await waitFor(() => expect(remove).not.toHaveAttribute('aria-disabled'))
    expect(memory.calls.setDefaultPaymentMethod).toBe(1)
    expect(memory.calls.removePaymentMethod).toBe(0)
  })

  it('rolls back with a message when the adapter fails, and the list stays consistent', async () => {
    const onDefaultChanged = vi.fn()
    const memory = memoryAt({ latency: 20, faults: { setDefaultPaymentMethod: 'network' } })
    const { user } = renderBilling(<PaymentMethods onDefaultChanged={onDefaultChanged} />, { adapter: memory })
    await screen.findByRole('list', { name: 'Saved payment methods' })
    await chooseAction(user, 'Set as default: American Express •••• 0005')
    const alert = await within(section()).findByRole('alert')
    expect(alert).toHaveTextContent("We couldn't make American Express •••• 0005 your default card.")
    expect(alert).toHaveTextContent('Visa •••• 4242 is still your default card.')
    expect(alert).toHaveTextContent("We couldn't reach the billing service")
    expect(within(row('Visa •••• 4242')).getByText('Default')).toBeInTheDocument()
    expect(within(row('American Express •••• 0005')).queryByText('Default')).not.toBeInTheDocument()
    expect(rowNames()[0]).toBe('Visa •••• 4242')
    expect(onDefaultChanged).not.toHaveBeenCalled()
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }))
    expect(within(section()).queryByRole('alert')).not.toBeInTheDocument()
  })

  it('offers no "Set as default" on the default card nor on an expired card', async () => {
    renderBilling(<PaymentMethods />)
    await screen.findByRole('list', { name: 'Saved payment methods' })
    const setDefault = /^Set as default/
    expect(within(row('Visa •••• 4242')).queryByRole('button', { name: setDefault })).not.toBeInTheDocument()
    expect(within(row('Visa •••• 4242')).getByRole('button', { name: 'Remove Visa •••• 4242' })).toBeVisible()
    expect(within(row('Mastercard •••• 4444')).queryByRole('button', { name: setDefault })).not.toBeInTheDocument()
    expect(
      within(row('Mastercard •••• 4444')).getByRole('button', { name: 'Remove Mastercard •••• 4444' }),
    ).toBeVisible()
    // A valid card that is not the default does offer it.
    expect(within(row('Visa •••• 0002')).getByRole('button', { name: 'Set as default: Visa •••• 0002' })).toBeVisible()
  })
})

describe('PaymentMethods: remove', () => {
  it('confirms with the consequence, removes, announces and tells the host', async () => {
    const onRemoved = vi.fn()
    const { user, memory } = renderBilling(<PaymentMethods onRemoved={onRemoved} />)
    await screen.findByRole('list', { name: 'Saved payment methods' })
    await chooseAction(user, 'Remove Mastercard •••• 4444')
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Mastercard •••• 4444?' })
    expect(dialog).toHaveTextContent("won't be charged again")
    expect(memory.calls.removePaymentMethod).toBe(0)
    await user.click(within(dialog).getByRole('button', { name: 'Remove card' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(screen.queryByRole('listitem', { name: 'Mastercard •••• 4444' })).not.toBeInTheDocument()
    expect(onRemoved).toHaveBeenCalledWith(SEED_CARDS.mastercardExpired)
    await waitFor(() => expect(politeAnnouncement()).toBe('Mastercard •••• 4444 removed.'))
    expect((await memory.listPaymentMethods()).map((m) => m.id)).not.toContain(SEED_CARDS.mastercardExpired)
  })

  it('cancel removes nothing', async () => {
    const { user, memory } = renderBilling(<PaymentMethods />)
    await screen.findByRole('list', { name: 'Saved payment methods' })
    await chooseAction(user, 'Remove Visa •••• 0002')
    const dialog = await screen.findByRole('alertdialog')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(memory.calls.removePaymentMethod).toBe(0)
    expect(rowNames()).toHaveLength(4)
  })

  it('explains why the default card cannot go, before trying, and lifts the block once another card is default', async () => {
    const onRemoved = vi.fn()
    const { user, memory } = renderBilling(<PaymentMethods onRemoved={onRemoved} />)
    await screen.findByRole('list', { name: 'Saved payment methods' })
    await chooseAction(user, 'Remove Visa •••• 4242')
    const dialog = await screen.findByRole('alertdialog', { name: "Visa •••• 4242 can't be removed yet" })
    expect(dialog).toHaveTextContent('It is your default card, and these are charged to it:')
    expect(dialog).toHaveTextContent('Agency Pro Plan (subscription)')
    expect(dialog).toHaveTextContent('Local SEO service (subscription)')
    expect(dialog).toHaveTextContent('Wallet auto-recharge')
    expect(within(dialog).queryByRole('button', { name: 'Remove card' })).not.toBeInTheDocument()
    // Expired cards are not offered as the new default; one expiring soon comes last.
    const choices = within(dialog).getAllByRole('radio')
    expect(choices.map((c) => c.closest('[data-slot="radio-card"]')?.textContent)).toEqual([
      expect.stringContaining('Visa •••• 0002'),
      expect.stringContaining('American Express •••• 0005'),
    ])
    expect(choices[0]).toBeChecked()
    expect(memory.calls.removePaymentMethod).toBe(0)

    await user.click(within(dialog).getByRole('radio', { name: /Visa •••• 0002/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Make default' }))
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove Visa •••• 4242?' })
    expect(confirm).toHaveTextContent('Visa •••• 0002 is now your default card. You can remove Visa •••• 4242 now.')
    await user.click(within(confirm).getByRole('button', { name: 'Remove card' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(onRemoved).toHaveBeenCalledWith(SEED_CARDS.visa)
    expect(rowNames()[0]).toBe('Visa •••• 0002')
    expect(memory.calls.removePaymentMethod).toBe(1)
  })

  it('a card a subscription names is explained, with no new-default shortcut that would not help', async () => {
    const { user, memory } = renderBilling(<PaymentMethods />)
    await screen.findByRole('list', { name: 'Saved payment methods' })
    await chooseAction(user, 'Remove American Express •••• 0005')
    const dialog = await screen.findByRole('alertdialog', { name: "American Express •••• 0005 can't be removed yet" })
    expect(dialog).toHaveTextContent('Appointments Pro (subscription)')
    expect(dialog).toHaveTextContent('Change the card these subscriptions are charged to')
    expect(within(dialog).queryByRole('button', { name: 'Make default' })).not.toBeInTheDocument()
    expect(memory.calls.removePaymentMethod).toBe(0)
  })

  it("handles the adapter's conflict when the guard could not know, and then explains", async () => {
    // Subscriptions and wallet fail to load, so the dialog cannot tell; the adapter refuses.
    const memory = memoryAt({
      faults: { listSubscriptions: { code: 'network', mode: 'once' }, getWallet: { code: 'network', mode: 'once' } },
    })
    const { user } = renderBilling(<PaymentMethods />, { adapter: memory })
    await screen.findByRole('list', { name: 'Saved payment methods' })
    await chooseAction(user, 'Remove Visa •••• 4242')
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Visa •••• 4242?' })
    await user.click(within(dialog).getByRole('button', { name: 'Remove card' }))
    const blocked = await screen.findByRole('alertdialog', { name: "Visa •••• 4242 can't be removed yet" })
    expect(within(blocked).getByRole('alert')).toHaveTextContent('still in use by a subscription or by auto-recharge')
    expect(blocked).toHaveTextContent('Agency Pro Plan (subscription)')
    expect(within(section()).getByRole('listitem', { name: 'Visa •••• 4242', hidden: true })).toBeInTheDocument()
  })

  it('a card already removed elsewhere says so and the list refreshes', async () => {
    const memory = memoryAt()
    const { user } = renderBilling(<PaymentMethods />, { adapter: memory })
    await screen.findByRole('list', { name: 'Saved payment methods' })
    // Removed in another tab after this list loaded.
    await memory.removePaymentMethod(SEED_CARDS.mastercardExpired)
    await chooseAction(user, 'Remove Mastercard •••• 4444')
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Mastercard •••• 4444?' })
    await user.click(within(dialog).getByRole('button', { name: 'Remove card' }))
    expect(await within(dialog).findByText(/This card had already been removed/)).toBeInTheDocument()
    expect(within(dialog).queryByRole('button', { name: 'Remove card' })).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Done' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(rowNames()).not.toContain('Mastercard •••• 4444')
    expect(rowNames()).toHaveLength(3)
  })

  it('warns that renewals and auto-recharge will fail when removing the last card', async () => {
    const memory = memoryAt({ empty: true })
    const { clientSecret } = await memory.createSetupIntent()
    await memory.attachPaymentMethod({
      setupIntentId: clientSecret.split('_secret_')[0],
      paymentMethodId: 'pm_card_mastercard',
      makeDefault: false,
    })
    const { user } = renderBilling(<PaymentMethods />, { adapter: memory })
    await screen.findByRole('list', { name: 'Saved payment methods' })
    await chooseAction(user, 'Remove Mastercard •••• 4444')
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Mastercard •••• 4444?' })
    expect(dialog).toHaveTextContent(
      'This is your only card. Subscription renewals and auto-recharge will fail until you add another card.',
    )
    await user.click(within(dialog).getByRole('button', { name: 'Remove card' }))
    expect(await screen.findByRole('heading', { name: 'No cards yet' })).toBeInTheDocument()
  })

  it('shows a localised message when removing fails, keeps the card, and lets the person retry', async () => {
    const memory = memoryAt({ faults: { removePaymentMethod: { code: 'timeout', mode: 'once' } } })
    const { user } = renderBilling(<PaymentMethods />, { adapter: memory, locale: 'es' })
    await screen.findByRole('list', { name: 'Métodos de pago guardados' })
    await chooseAction(user, 'Eliminar Visa •••• 0002')
    const dialog = await screen.findByRole('alertdialog', { name: '¿Eliminar Visa •••• 0002?' })
    await user.click(within(dialog).getByRole('button', { name: 'Eliminar tarjeta' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('tardó demasiado en responder')
    expect(within(section()).getByRole('listitem', { name: 'Visa •••• 0002', hidden: true })).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Eliminar tarjeta' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(memory.calls.removePaymentMethod).toBe(2)
  })
})
