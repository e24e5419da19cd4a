import { screen, waitFor, within } from '@testing-library/react'
import { createMemoryAdapter } from '../../src/adapter/memory'
import type { BillingAdapter } from '../../src/adapter/types'
import { WalletCard } from '../../src/components/WalletCard'
import { useLedger } from '../../src/data'
import { en } from '../../src/i18n'
import { NOW, renderBilling } from '../support/render'

async function topUps(memory: BillingAdapter) {
  const page = await memory.listLedger({ filter: { types: ['top_up'] }, limit: 100 })
  return page.entries.filter((e) => e.createdAt === NOW.toISOString())
}

/** The card itself; while a dialog is open it is hidden from AT, but still on screen. */
function card() {
  const found = document.querySelector<HTMLElement>('[data-slot="wallet-card"]')
  if (!found) throw new Error('The wallet card is not on the page')
  return found
}

/** The newest ledger line, as a host's transaction list beside the card would show it. */
function LatestEntry() {
  const { data } = useLedger()
  const entry = data?.pages[0]?.entries[0]
  return <p data-testid="latest">{entry ? `${entry.type} ${entry.amount?.amount}` : ''}</p>
}

/** What the panel's polite live region last read out. */
function politeAnnouncement() {
  return document.querySelector('[data-slot="announcer"] [aria-live="polite"]')?.textContent
}

function balanceFigure(name: RegExp) {
  const term = within(card()).getByText(name, { selector: 'dt' })
  return term.nextElementSibling?.textContent
}

describe('WalletCard: what it shows', () => {
  afterEach(() => vi.useRealTimers())

  it('shows the paid balance, the complimentary credits apart with their expiry, and the total available', async () => {
    // "Expires in N days" counts from today: pin today to the adapter's clock.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    renderBilling(<WalletCard />)
    expect(await screen.findByText('$42.50')).toBeInTheDocument()
    expect(balanceFigure(/^current balance$/i)).toBe('$42.50')
    expect(balanceFigure(/^complimentary credits$/i)).toBe('$12.30')
    expect(balanceFigure(/^available in total$/i)).toBe('$54.80')

    const credits = within(card()).getByRole('list')
    const items = within(credits).getAllByRole('listitem')
    // Soonest to expire first: the order they are spent in.
    expect(items[0]).toHaveTextContent('Anniversary promotion')
    expect(items[0]).toHaveTextContent('Expires Dec 16, 2026')
    expect(items[0]).toHaveTextContent('Expires in 20 days')
    expect(items[0]).toHaveTextContent('$7.30')
    expect(items[1]).toHaveTextContent('Welcome credits')
    expect(items[1]).toHaveTextContent('No expiry')
    expect(card()).toHaveAttribute('data-state', 'ok')
    expect(within(card()).queryByText('Low balance')).not.toBeInTheDocument()
  })

  it('says in one line what auto-recharge does, and shows it is on in words', async () => {
    renderBilling(<WalletCard />)
    expect(
      await screen.findByText(
        'When the balance falls below $10.00, add $25.00 to Visa •••• 4242 (up to $200.00 a month).',
      ),
    ).toBeInTheDocument()
    const section = card().querySelector('[data-slot="wallet-auto-recharge"]') as HTMLElement
    expect(section).toHaveAttribute('data-state', 'on')
    expect(within(section).getByText('On')).toBeInTheDocument()
  })

  it('speaks Spanish with the help article wording', async () => {
    renderBilling(<WalletCard />, { locale: 'es' })
    expect(await screen.findByRole('heading', { name: 'Cartera' })).toBeInTheDocument()
    expect(await screen.findByText('42,50 US$')).toBeInTheDocument()
    expect(screen.getByText('Saldo Actual')).toBeInTheDocument()
    expect(screen.getAllByText('Créditos de Cortesía').length).toBeGreaterThan(0)
    expect(screen.getByRole('button', { name: 'Agregar Fondos' })).toBeInTheDocument()
    expect(
      screen.getByText(
        'Cuando el saldo baje de 10,00 US$, se agregarán 25,00 US$ con Visa •••• 4242 (hasta 200,00 US$ al mes).',
      ),
    ).toBeInTheDocument()
    expect(screen.getByText('Activada')).toBeInTheDocument()
  })
})

const NETWORK = "We couldn't reach the billing service. Check your connection and try again."
const FAULTS = [
  ['network', NETWORK],
  ['timeout', en.common.errors.timeout],
  ['unavailable', 'The billing service is unavailable right now. Try again in a few minutes.'],
  ['forbidden', "You don't have permission to do this. Ask the account owner."],
  ['validation', en.common.errors.validation],
  ['card_declined', 'The card was declined. Try another card or contact your bank.'],
  ['conflict', en.common.errors.conflict],
] as const

async function openAddFunds(user: ReturnType<typeof renderBilling>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Add funds' }))
  return screen.findByRole('dialog', { name: 'Add funds' })
}

async function typeAmount(user: ReturnType<typeof renderBilling>['user'], dialog: HTMLElement, text: string) {
  const amount = within(dialog).getByRole('textbox', { name: 'Amount' })
  await user.clear(amount)
  if (text !== '') await user.type(amount, text)
  return amount
}

describe('WalletCard: add funds', () => {
  it('a payment the bank is still confirming says it is processing and leaves the balance as it was', async () => {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en' })
    // A processor that answers "processing" (some banks and methods confirm later, by webhook).
    const adapter: BillingAdapter = {
      ...memory,
      addFunds: async (input) => {
        const wallet = await memory.getWallet()
        const entry = { ...(await memory.listLedger({ limit: 1 })).entries[0] }
        return {
          wallet,
          entry: { ...entry, id: 'txn_processing', type: 'top_up', status: 'pending', amount: input.amount },
        }
      },
    }
    const { user } = renderBilling(<WalletCard />, { adapter })
    const dialog = await openAddFunds(user)
    await typeAmount(user, dialog, '40')
    await user.click(within(dialog).getByRole('button', { name: 'Pay $40.00' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const processing =
      'Your payment of $40.00 is processing. It will be added to your wallet as soon as your bank confirms it.'
    await waitFor(() => expect(politeAnnouncement()).toBe(processing))
    expect(within(card()).getByRole('note')).toHaveTextContent(processing)
    expect(within(card()).queryByText(/Added \$40\.00 to your wallet/)).not.toBeInTheDocument()
    expect(balanceFigure(/^current balance$/i)).toBe('$42.50')
  })

  it('charges the chosen preset to the default card, says so before paying, and refreshes balance and ledger', async () => {
    const onTopUpSuccess = vi.fn()
    const { user, memory } = renderBilling(<WalletCard onTopUpSuccess={onTopUpSuccess} />)
    const dialog = await openAddFunds(user)
    await user.click(within(dialog).getByRole('radio', { name: '$100.00' }))
    expect(within(dialog).getByRole('textbox', { name: 'Amount' })).toHaveValue('100.00')
    // The default card is preselected; the expired one cannot be chosen.
    expect(within(dialog).getByRole('radio', { name: 'Visa •••• 4242' })).toBeChecked()
    expect(within(dialog).getByRole('radio', { name: 'Mastercard •••• 4444' })).toBeDisabled()
    expect(within(dialog).getByText("You'll be charged $100.00 to Visa •••• 4242.")).toBeInTheDocument()
    expect(within(dialog).getByText('Your balance will be $142.50.')).toBeInTheDocument()

    await user.click(within(dialog).getByRole('button', { name: 'Pay $100.00' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await waitFor(() => expect(balanceFigure(/^current balance$/i)).toBe('$142.50'))
    expect(balanceFigure(/^available in total$/i)).toBe('$154.80')
    expect(within(card()).getByRole('note')).toHaveTextContent('Added $100.00 to your wallet. Balance: $142.50.')
    await waitFor(() => expect(politeAnnouncement()).toBe('Added $100.00 to your wallet. Balance: $142.50.'))
    const entries = await topUps(memory)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ amount: { amount: 10000, currency: 'USD' }, paymentMethodId: 'pm_visa_4242' })
    expect(onTopUpSuccess).toHaveBeenCalledTimes(1)
    expect(onTopUpSuccess.mock.calls[0][0].wallet.balance).toEqual({ amount: 14250, currency: 'USD' })
  })

  it('refreshes a ledger shown beside it after a top-up', async () => {
    const { user } = renderBilling(
      <>
        <WalletCard />
        <LatestEntry />
      </>,
    )
    await waitFor(() => expect(screen.getByTestId('latest')).not.toBeEmptyDOMElement())
    expect(screen.getByTestId('latest')).not.toHaveTextContent('top_up 4500')
    const dialog = await openAddFunds(user)
    await typeAmount(user, dialog, '45')
    await user.click(within(dialog).getByRole('button', { name: 'Pay $45.00' }))
    await waitFor(() => expect(screen.getByTestId('latest')).toHaveTextContent('top_up 4500'))
  })

  it('pays with another card when the user picks it', async () => {
    const { user, memory } = renderBilling(<WalletCard />)
    const dialog = await openAddFunds(user)
    await typeAmount(user, dialog, '30')
    await user.click(within(dialog).getByRole('radio', { name: 'American Express •••• 0005' }))
    expect(within(dialog).getByText("You'll be charged $30.00 to American Express •••• 0005.")).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Pay $30.00' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect((await topUps(memory))[0].paymentMethodId).toBe('pm_amex_0005')
  })

  it.each(FAULTS)(
    'under a %s fault: says what happened, keeps the amount and the balance, and a retry charges once',
    async (code, message) => {
      const { user, memory } = renderBilling(<WalletCard />)
      memory.setFaults({ addFunds: { code, mode: 'once' } })
      const dialog = await openAddFunds(user)
      const amount = await typeAmount(user, dialog, '75')
      await user.click(within(dialog).getByRole('button', { name: 'Pay $75.00' }))

      const alert = await within(dialog).findByRole('alert')
      expect(alert).toHaveTextContent(message)
      expect(amount).toHaveValue('75')
      expect(balanceFigure(/^current balance$/i)).toBe('$42.50')
      expect(await topUps(memory)).toHaveLength(0)
      if (code === 'validation') {
        expect(amount).toHaveAccessibleErrorMessage("This amount wasn't accepted. Check the limits and try again.")
      }

      await user.click(within(dialog).getByRole('button', { name: 'Pay $75.00' }))
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
      await waitFor(() => expect(balanceFigure(/^current balance$/i)).toBe('$117.50'))
      expect(await topUps(memory)).toHaveLength(1)
    },
  )

  it('retries a timed-out top-up with the same idempotency key, and starts a new key for a new amount', async () => {
    const memory = createMemoryAdapter({
      seed: 1,
      now: () => NOW,
      locale: 'en',
      faults: { addFunds: { code: 'timeout', mode: 'once' } },
    })
    const keys: string[] = []
    const adapter: BillingAdapter = {
      ...memory,
      addFunds: (input) => {
        keys.push(input.idempotencyKey)
        return memory.addFunds(input)
      },
    }
    const { user } = renderBilling(<WalletCard />, { adapter })
    let dialog = await openAddFunds(user)
    await typeAmount(user, dialog, '40')
    await user.click(within(dialog).getByRole('button', { name: 'Pay $40.00' }))
    await within(dialog).findByRole('alert')
    // Closing and reopening is the same intent as long as amount and card stay.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    dialog = await openAddFunds(user)
    expect(within(dialog).getByRole('textbox', { name: 'Amount' })).toHaveValue('40')
    await user.click(within(dialog).getByRole('button', { name: 'Pay $40.00' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])

    dialog = await openAddFunds(user)
    await typeAmount(user, dialog, '40')
    await user.click(within(dialog).getByRole('button', { name: 'Pay $40.00' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    // A finished top-up ends the intent: the same amount again is a new top-up.
    expect(keys).toHaveLength(3)
    expect(keys[2]).not.toBe(keys[0])
    expect(await topUps(memory)).toHaveLength(2)
  })

  it('explains a real decline by its code, keeps the amount, and lets the user switch cards', async () => {
    const { user, memory } = renderBilling(<WalletCard />)
    const dialog = await openAddFunds(user)
    const amount = await typeAmount(user, dialog, '20')
    await user.click(within(dialog).getByRole('radio', { name: 'Visa •••• 0002' }))
    await user.click(within(dialog).getByRole('button', { name: 'Pay $20.00' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The card was declined. Try another card or contact your bank.',
    )
    expect(amount).toHaveValue('20')
    await user.click(within(dialog).getByRole('radio', { name: 'Visa •••• 4242' }))
    await user.click(within(dialog).getByRole('button', { name: 'Pay $20.00' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const entries = await topUps(memory)
    expect(entries).toHaveLength(1)
    expect(entries[0].paymentMethodId).toBe('pm_visa_4242')
  })

  it('says why an insufficient-funds decline failed', async () => {
    const { user, memory } = renderBilling(<WalletCard />)
    memory.setFaults({ addFunds: { code: 'card_declined', declineCode: 'insufficient_funds' } })
    const dialog = await openAddFunds(user)
    await user.click(within(dialog).getByRole('button', { name: /^Pay/ }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The card was declined for insufficient funds. Try another card.',
    )
  })

  it('completes 3-D Secure through Stripe and finishes the same top-up with the same key', async () => {
    const memory = createMemoryAdapter({
      seed: 1,
      now: () => NOW,
      locale: 'en',
      faults: { addFunds: { code: 'requires_action', mode: 'once' } },
    })
    const keys: string[] = []
    const adapter: BillingAdapter = {
      ...memory,
      addFunds: (input) => {
        keys.push(input.idempotencyKey)
        return memory.addFunds(input)
      },
    }
    const { user, fakeStripe } = renderBilling(<WalletCard />, { adapter })
    const dialog = await openAddFunds(user)
    await typeAmount(user, dialog, '60')
    await user.click(within(dialog).getByRole('button', { name: 'Pay $60.00' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(fakeStripe.calls.handleNextAction).toHaveLength(1)
    expect(fakeStripe.calls.handleNextAction[0][0]).toMatchObject({ clientSecret: expect.stringMatching(/^pi_/) })
    expect(keys).toEqual([keys[0], keys[0]])
    expect(await topUps(memory)).toHaveLength(1)
    await waitFor(() => expect(balanceFigure(/^current balance$/i)).toBe('$102.50'))
  })

  it('charges nothing when the bank authentication fails, and says so', async () => {
    const { user, memory, fakeStripe } = renderBilling(<WalletCard />, { stripe: { threeDSecure: 'fail' } })
    memory.setFaults({ addFunds: { code: 'requires_action', mode: 'once' } })
    const dialog = await openAddFunds(user)
    const amount = await typeAmount(user, dialog, '60')
    await user.click(within(dialog).getByRole('button', { name: 'Pay $60.00' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Your bank could not confirm the payment, so nothing was charged.',
    )
    expect(fakeStripe.calls.handleNextAction).toHaveLength(1)
    expect(memory.calls.addFunds).toBe(1)
    expect(amount).toHaveValue('60')
    expect(await topUps(memory)).toHaveLength(0)
    expect(balanceFigure(/^current balance$/i)).toBe('$42.50')
  })

  it('says there is no card and offers to add one', async () => {
    const onAddPaymentMethod = vi.fn()
    const { user } = renderBilling(<WalletCard onAddPaymentMethod={onAddPaymentMethod} />, { memory: { empty: true } })
    const dialog = await openAddFunds(user)
    expect(within(dialog).getByText('There is no card on file. Add a card to add funds.')).toBeInTheDocument()
    expect(within(dialog).queryByRole('button', { name: /^Pay/ })).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Add a card' }))
    expect(onAddPaymentMethod).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })
})

describe('WalletCard: typed amounts', () => {
  const REFUSED = [
    ['', 'Enter an amount.'],
    ['abc', 'Use numbers only, e.g. 25.50.'],
    ['-5', "The amount can't be negative."],
    ['0', 'The minimum is $10.00.'],
    ['9.99', 'The minimum is $10.00.'],
    ['1000.01', 'The maximum is $1,000.00.'],
    ['12.345', 'Use at most 2 decimals.'],
    ['1e9', 'Use numbers only, e.g. 25.50.'],
    ['99999999999999999999', 'That amount is too large.'],
  ] as const

  it.each(REFUSED)('refuses %j with "%s" and charges nothing', async (text, message) => {
    const { user, memory } = renderBilling(<WalletCard />)
    const dialog = await openAddFunds(user)
    const amount = await typeAmount(user, dialog, text)
    await user.click(within(dialog).getByRole('button', { name: 'Pay' }))
    expect(amount).toHaveAccessibleErrorMessage(message)
    expect(amount).toHaveFocus()
    expect(amount).toHaveValue(text)
    expect(within(dialog).queryByText(/You'll be charged/)).not.toBeInTheDocument()
    expect(memory.calls.addFunds).toBe(0)
  })

  const ACCEPTED = [
    ['en', '$25', "You'll be charged $25.00 to Visa •••• 4242."],
    ['en', ' USD 1,234.5 ', null],
    ['en', '80.5', "You'll be charged $80.50 to Visa •••• 4242."],
    ['en', 'US$ 999.99', "You'll be charged $999.99 to Visa •••• 4242."],
    ['es', '25,50', 'Se cobrará 25,50 US$ a Visa •••• 4242.'],
    ['es', '1.000', 'Se cobrará 1000,00 US$ a Visa •••• 4242.'],
    ['es', '30 US$', 'Se cobrará 30,00 US$ a Visa •••• 4242.'],
  ] as const

  it.each(ACCEPTED)('[%s] reads %j by the locale', async (locale, text, summary) => {
    const { user } = renderBilling(<WalletCard />, { locale })
    await user.click(await screen.findByRole('button', { name: locale === 'es' ? 'Agregar Fondos' : 'Add funds' }))
    const dialog = await screen.findByRole('dialog')
    const amount = within(dialog).getByRole('textbox', { name: locale === 'es' ? 'Monto' : 'Amount' })
    await user.clear(amount)
    await user.type(amount, text)
    if (summary) expect(within(dialog).getByText(summary)).toBeInTheDocument()
    else {
      // Read correctly as 1,234.50, which is over the maximum.
      await user.click(within(dialog).getByRole('button', { name: 'Pay' }))
      expect(amount).toHaveAccessibleErrorMessage('The maximum is $1,000.00.')
    }
  })

  it('takes a pasted amount with a currency symbol', async () => {
    const { user } = renderBilling(<WalletCard />)
    const dialog = await openAddFunds(user)
    const amount = await typeAmount(user, dialog, '')
    await user.click(amount)
    await user.paste('$ 45.00')
    expect(within(dialog).getByText("You'll be charged $45.00 to Visa •••• 4242.")).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Pay $45.00' })).toBeInTheDocument()
  })
})

async function openAutoRecharge(user: ReturnType<typeof renderBilling>['user'], name = 'Edit auto-recharge') {
  await user.click(await screen.findByRole('button', { name }))
  return screen.findByRole('dialog', { name: 'Auto-recharge' })
}

async function retype(user: ReturnType<typeof renderBilling>['user'], input: HTMLElement, text: string) {
  await user.clear(input)
  if (text !== '') await user.type(input, text)
}

function summaryLine() {
  return card().querySelector('[data-slot="auto-recharge-summary"]')?.textContent
}

describe('WalletCard: auto-recharge', () => {
  it('saves a new threshold, mode and cap, and the card says the new rule', async () => {
    const onAutoRechargeSaved = vi.fn()
    const { user, memory } = renderBilling(<WalletCard onAutoRechargeSaved={onAutoRechargeSaved} />)
    const dialog = await openAutoRecharge(user)
    expect(within(dialog).getByRole('switch', { name: 'Recharge automatically' })).toBeChecked()
    await retype(user, within(dialog).getByRole('textbox', { name: 'When the balance falls below' }), '20')
    await user.click(within(dialog).getByRole('radio', { name: 'Restore the balance to' }))
    await retype(user, within(dialog).getByRole('textbox', { name: 'Balance to restore' }), '100')
    await retype(user, within(dialog).getByRole('textbox', { name: 'Monthly limit' }), '300')
    expect(
      within(dialog).getByText(
        'When the balance falls below $20.00, restore it to $100.00 with Visa •••• 4242 (up to $300.00 a month)',
      ),
    ).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(summaryLine()).toBe(
      'When the balance falls below $20.00, restore it to $100.00 with Visa •••• 4242 (up to $300.00 a month).',
    )
    await waitFor(() =>
      expect(politeAnnouncement()).toBe(
        'Auto-recharge saved: When the balance falls below $20.00, restore it to $100.00 with Visa •••• 4242 (up to $300.00 a month).',
      ),
    )
    expect((await memory.getWallet()).autoRecharge).toMatchObject({
      enabled: true,
      mode: 'target',
      threshold: { amount: 2000 },
      amount: { amount: 10000 },
      monthlyCap: { amount: 30000 },
    })
    expect(onAutoRechargeSaved).toHaveBeenCalledWith(
      expect.objectContaining({ autoRecharge: expect.objectContaining({ mode: 'target' }) }),
    )
  })

  it('turns auto-recharge off and removes the cap', async () => {
    const { user, memory } = renderBilling(<WalletCard />)
    let dialog = await openAutoRecharge(user)
    await user.click(within(dialog).getByRole('switch', { name: 'Limit auto-recharge per month' }))
    expect(within(dialog).queryByRole('textbox', { name: 'Monthly limit' })).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect((await memory.getWallet()).autoRecharge.monthlyCap).toBeNull()

    dialog = await openAutoRecharge(user)
    await user.click(within(dialog).getByRole('switch', { name: 'Recharge automatically' }))
    expect(within(dialog).queryByRole('textbox', { name: 'When the balance falls below' })).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(summaryLine()).toBe('Turn it on to add funds automatically when the balance runs low.')
    expect(within(card()).getByText('Off')).toBeInTheDocument()
    expect(within(card()).getByRole('button', { name: 'Set up auto-recharge' })).toBeInTheDocument()
    expect((await memory.getWallet()).autoRecharge.enabled).toBe(false)
  })

  const INVALID = [
    ['a negative threshold', { threshold: '-5' }, 'When the balance falls below', "The limit can't be negative."],
    ['an empty threshold', { threshold: '' }, 'When the balance falls below', 'Enter an amount.'],
    ['an amount under the minimum top-up', { amount: '5' }, 'Amount to add', 'Recharge at least $10.00.'],
    ['an amount over the maximum top-up', { amount: '2000' }, 'Amount to add', 'Recharge at most $1,000.00.'],
    [
      'a target not above the threshold',
      { target: '10' },
      'Balance to restore',
      'The balance to restore must be more than $10.00.',
    ],
    [
      'a cap under one recharge',
      { cap: '20' },
      'Monthly limit',
      'The monthly limit must cover at least one recharge ($25.00).',
    ],
    ['garbage in the cap', { cap: 'lots' }, 'Monthly limit', 'Use numbers only, e.g. 25.50.'],
  ] as const

  it.each(INVALID)('refuses %s before saving', async (_name, change, field, message) => {
    const { user, memory } = renderBilling(<WalletCard />)
    const dialog = await openAutoRecharge(user)
    const box = (name: string) => within(dialog).getByRole('textbox', { name })
    if ('threshold' in change) await retype(user, box('When the balance falls below'), change.threshold)
    if ('amount' in change) await retype(user, box('Amount to add'), change.amount)
    if ('target' in change) {
      await user.click(within(dialog).getByRole('radio', { name: 'Restore the balance to' }))
      await retype(user, box('Balance to restore'), change.target)
    }
    if ('cap' in change) await retype(user, box('Monthly limit'), change.cap)
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(box(field)).toHaveAccessibleErrorMessage(message)
    await waitFor(() => expect(box(field)).toHaveFocus())
    expect(memory.calls.updateAutoRecharge).toBe(0)
  })

  it.each(FAULTS)(
    'under a %s fault: says what happened, keeps the settings typed, and a retry saves',
    async (code, message) => {
      const { user, memory } = renderBilling(<WalletCard />)
      memory.setFaults({ updateAutoRecharge: { code, mode: 'once' } })
      const dialog = await openAutoRecharge(user)
      const threshold = within(dialog).getByRole('textbox', { name: 'When the balance falls below' })
      await retype(user, threshold, '15')
      await user.click(within(dialog).getByRole('button', { name: 'Save' }))

      expect(await within(dialog).findByRole('alert')).toHaveTextContent(message)
      expect(threshold).toHaveValue('15')
      if (code === 'validation') {
        expect(threshold).toHaveAccessibleErrorMessage("This value wasn't accepted. Check it and try again.")
      }
      expect(summaryLine()).toContain('below $10.00')
      expect(balanceFigure(/^current balance$/i)).toBe('$42.50')
      expect((await memory.getWallet()).autoRecharge.threshold.amount).toBe(1000)

      await user.click(within(dialog).getByRole('button', { name: 'Save' }))
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
      expect(summaryLine()).toContain('below $15.00')
    },
  )

  it('puts server field errors on their fields', async () => {
    const { user, memory } = renderBilling(<WalletCard />)
    memory.setFaults({
      updateAutoRecharge: {
        code: 'validation',
        mode: 'once',
        fieldErrors: { amount: 'below_min', monthlyCap: 'below_amount' },
      },
    })
    const dialog = await openAutoRecharge(user)
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await within(dialog).findByRole('alert')
    expect(within(dialog).getByRole('textbox', { name: 'Amount to add' })).toHaveAccessibleErrorMessage(
      'Recharge at least $10.00.',
    )
    expect(within(dialog).getByRole('textbox', { name: 'Monthly limit' })).toHaveAccessibleErrorMessage(
      "This value wasn't accepted. Check it and try again.",
    )
    expect(
      within(dialog).getByRole('textbox', { name: 'When the balance falls below' }),
    ).not.toHaveAccessibleErrorMessage()
  })

  it('says before saving that a charge happens now when the balance is already under the new threshold', async () => {
    const { user, memory } = renderBilling(<WalletCard />)
    const dialog = await openAutoRecharge(user)
    await retype(user, within(dialog).getByRole('textbox', { name: 'When the balance falls below' }), '50')
    expect(
      within(dialog).getByText(
        'The balance ($42.50) is already at or below $50.00. When you save, $25.00 is charged to Visa •••• 4242 right away.',
      ),
    ).toBeInTheDocument()
    expect(memory.calls.updateAutoRecharge).toBe(0)
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await waitFor(() => expect(balanceFigure(/^current balance$/i)).toBe('$67.50'))
  })

  it('does not warn of a charge when the balance is above the threshold', async () => {
    const { user } = renderBilling(<WalletCard />)
    const dialog = await openAutoRecharge(user)
    await retype(user, within(dialog).getByRole('textbox', { name: 'When the balance falls below' }), '42')
    expect(within(dialog).queryByText(/right away/)).not.toBeInTheDocument()
  })

  it('needs a card on file: explains, offers to add one, and does not save', async () => {
    const onAddPaymentMethod = vi.fn()
    const { user, memory } = renderBilling(<WalletCard onAddPaymentMethod={onAddPaymentMethod} />, {
      memory: { empty: true },
    })
    const dialog = await openAutoRecharge(user, 'Set up auto-recharge')
    await user.click(within(dialog).getByRole('switch', { name: 'Recharge automatically' }))
    expect(
      within(dialog).getByText('Auto-recharge needs a card on file to charge. Add a card first.'),
    ).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(memory.calls.updateAutoRecharge).toBe(0)
    await user.click(within(dialog).getByRole('button', { name: 'Add a card' }))
    expect(onAddPaymentMethod).toHaveBeenCalledTimes(1)
  })

  it('shows why auto-recharge paused after repeated declines and how to fix it', async () => {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en' })
    await memory.setDefaultPaymentMethod('pm_visa_0002')
    for (let i = 0; i < 3; i++) await memory.simulateUsage({ cost: { amount: 5000, currency: 'USD' } })
    const onAddPaymentMethod = vi.fn()
    const { user } = renderBilling(<WalletCard onAddPaymentMethod={onAddPaymentMethod} />, { adapter: memory })
    const paused = await screen.findByText('Auto-recharge is paused')
    const notice = paused.closest('[data-slot="auto-recharge-paused"]') as HTMLElement
    expect(notice).toHaveAttribute('role', 'status')
    expect(notice).toHaveTextContent('The last 3 recharges were declined by Visa •••• 0002.')
    expect(notice).toHaveTextContent('Update the card, then turn auto-recharge back on.')
    expect(card().querySelector('[data-slot="wallet-auto-recharge"]')).toHaveAttribute('data-state', 'paused')
    expect(within(card()).getByText('Paused')).toBeInTheDocument()
    expect(card()).toHaveAttribute('data-state', 'low')

    await user.click(within(notice).getByRole('button', { name: 'Update card' }))
    expect(onAddPaymentMethod).toHaveBeenCalledTimes(1)
    await user.click(within(notice).getByRole('button', { name: 'Review and turn on' }))
    expect(await screen.findByRole('dialog', { name: 'Auto-recharge' })).toBeInTheDocument()
  })
})

describe('WalletCard: states', () => {
  it('shows the low-balance state in words, not only colour', async () => {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en' })
    const settings = (await memory.getWallet()).autoRecharge
    await memory.updateAutoRecharge({ ...settings, enabled: false })
    await memory.simulateUsage({ cost: { amount: 5000, currency: 'USD' } })
    renderBilling(<WalletCard />, { adapter: memory })
    expect(await screen.findByText('Low balance')).toBeInTheDocument()
    expect(card()).toHaveAttribute('data-state', 'low')
    expect(within(card()).getByText('At or below $10.00. Add funds to keep paid services running.')).toBeInTheDocument()
    expect(balanceFigure(/^current balance$/i)).toBe('$4.80')
  })

  it('shows the wallet but no actions when read-only', async () => {
    renderBilling(<WalletCard />, { provider: { readOnly: true } })
    expect(await screen.findByText('$42.50')).toBeInTheDocument()
    expect(within(card()).getByText('View only')).toBeInTheDocument()
    expect(within(card()).queryByRole('button')).not.toBeInTheDocument()
    expect(summaryLine()).toContain('When the balance falls below $10.00')
  })

  it('hides wallet actions from users without the wallet permission', async () => {
    renderBilling(<WalletCard />, { provider: { permissions: { manageWallet: false } } })
    expect(await screen.findByText('$42.50')).toBeInTheDocument()
    expect(within(card()).queryByRole('button', { name: 'Add funds' })).not.toBeInTheDocument()
    expect(within(card()).queryByRole('button', { name: 'Edit auto-recharge' })).not.toBeInTheDocument()
  })

  it('hides what the adapter cannot do', async () => {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en' })
    const { addFunds: _addFunds, ...withoutAddFunds } = memory
    renderBilling(<WalletCard />, { adapter: withoutAddFunds })
    expect(await screen.findByText('$42.50')).toBeInTheDocument()
    expect(within(card()).queryByRole('button', { name: 'Add funds' })).not.toBeInTheDocument()
    expect(within(card()).getByRole('button', { name: 'Edit auto-recharge' })).toBeInTheDocument()
  })

  it('shows a loading state while the wallet is on its way', async () => {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en' })
    renderBilling(<WalletCard />, { adapter: { ...memory, getWallet: () => new Promise(() => {}) } })
    expect(await screen.findByText('Loading wallet…')).toBeInTheDocument()
    expect(screen.getByText('Loading wallet…').closest('[role="status"]')).toBeInTheDocument()
    expect(card()).toHaveAttribute('aria-busy', 'true')
    expect(within(card()).queryByRole('button', { name: 'Add funds' })).not.toBeInTheDocument()
  })

  it('shows an error with a retry when the wallet cannot load, and recovers', async () => {
    const { user, memory } = renderBilling(<WalletCard />, {
      memory: { faults: { getWallet: { code: 'unavailable', mode: 'once' } } },
    })
    const alert = (await screen.findByText("We couldn't load your wallet.")).closest('[role="alert"]') as HTMLElement
    expect(alert).toHaveTextContent('The billing service is unavailable right now.')
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('$42.50')).toBeInTheDocument()
    expect(memory.calls.getWallet).toBe(2)
  })

  it('opens Add funds at once when asked, and passes host props to the root', async () => {
    renderBilling(
      <WalletCard defaultAddFundsOpen className="host-wallet" data-testid="wallet" style={{ maxWidth: 600 }} />,
    )
    expect(await screen.findByRole('dialog', { name: 'Add funds' })).toBeInTheDocument()
    const root = card()
    expect(root).toHaveClass('bp-root', 'bp-wallet-card', 'host-wallet')
    expect(root).toHaveAttribute('data-testid', 'wallet')
    expect(root.style.maxWidth).toBe('600px')
  })
})

describe('WalletCard: Spanish copy and other currencies', () => {
  it('says a decline, a limit and a save failure in Spanish, keeping what was typed', async () => {
    const { user, memory } = renderBilling(<WalletCard />, { locale: 'es' })
    memory.setFaults({
      addFunds: { code: 'card_declined', declineCode: 'insufficient_funds', mode: 'once' },
      updateAutoRecharge: { code: 'network', mode: 'once' },
    })
    await user.click(await screen.findByRole('button', { name: 'Agregar Fondos' }))
    let dialog = await screen.findByRole('dialog', { name: 'Agregar Fondos' })
    const amount = within(dialog).getByRole('textbox', { name: 'Monto' })
    await retype(user, amount, '5')
    await user.click(within(dialog).getByRole('button', { name: 'Pagar' }))
    expect(amount).toHaveAccessibleErrorMessage(/^El mínimo es 10,00\sUS\$\.$/)
    await retype(user, amount, '30,5')
    expect(within(dialog).getByText('Se cobrará 30,50 US$ a Visa •••• 4242.')).toBeInTheDocument()
    expect(within(dialog).getByText('Tu saldo quedará en 73,00 US$.')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: /^Pagar 30,50/ }))
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent('El pago no se completó')
    expect(alert).toHaveTextContent('La tarjeta fue rechazada por fondos insuficientes. Prueba con otra tarjeta.')
    expect(amount).toHaveValue('30,5')
    await user.click(within(dialog).getByRole('button', { name: 'Cancelar' }))

    await user.click(screen.getByRole('button', { name: 'Editar recarga automática' }))
    dialog = await screen.findByRole('dialog', { name: 'Recarga automática' })
    const threshold = within(dialog).getByRole('textbox', { name: 'Cuando el saldo baje de' })
    await retype(user, threshold, '12,5')
    await user.click(within(dialog).getByRole('button', { name: 'Guardar' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'No pudimos conectar con el servicio de facturación. Revisa tu conexión e inténtalo de nuevo.',
    )
    expect(threshold).toHaveValue('12,5')
    await user.click(within(dialog).getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(summaryLine()).toBe(
      'Cuando el saldo baje de 12,50 US$, se agregarán 25,00 US$ con Visa •••• 4242 (hasta 200,00 US$ al mes).'.replace(
        / US\$/g,
        '\u00a0US$',
      ),
    )
  })

  it('reads euros the Spanish way', async () => {
    const { user } = renderBilling(<WalletCard />, { locale: 'es', memory: { currency: 'EUR' } })
    await user.click(await screen.findByRole('button', { name: 'Agregar Fondos' }))
    const dialog = await screen.findByRole('dialog')
    await retype(user, within(dialog).getByRole('textbox', { name: 'Monto' }), '25,50 €')
    expect(within(dialog).getByText('Se cobrará 25,50 € a Visa •••• 4242.')).toBeInTheDocument()
  })

  it('refuses decimals in a currency without them', async () => {
    const { user, memory } = renderBilling(<WalletCard />, { memory: { currency: 'JPY' } })
    await user.click(await screen.findByRole('button', { name: 'Add funds' }))
    const dialog = await screen.findByRole('dialog')
    const amount = within(dialog).getByRole('textbox', { name: 'Amount' })
    await retype(user, amount, '1500.5')
    await user.click(within(dialog).getByRole('button', { name: 'Pay' }))
    expect(amount).toHaveAccessibleErrorMessage("This currency doesn't use decimals.")
    expect(memory.calls.addFunds).toBe(0)
  })
})
