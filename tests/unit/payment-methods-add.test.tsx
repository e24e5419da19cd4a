import { screen, waitFor, within } from '@testing-library/react'
import { StrictMode, useState } from 'react'
import type { Stripe } from '@stripe/stripe-js'
import { BillingError } from '../../src/adapter/errors'
import { createMemoryAdapter } from '../../src/adapter/memory'
import type { AttachPaymentMethodInput, BillingAdapter, PaymentMethod } from '../../src/adapter/types'
import { AddCardDialog, PaymentMethods } from '../../src/components/PaymentMethods'
import { stripeAppearance } from '../../src/provider'
import { createFailingStripeLoader, createFakeStripe, type FakeStripe } from '../../src/testing'
import { axeViolations, NOW, renderBilling } from '../support/render'

type User = ReturnType<typeof renderBilling>['user']

function memoryAt(options: Parameters<typeof createMemoryAdapter>[0] = {}) {
  return createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en', ...options })
}

/** Records what attachPaymentMethod was asked, and passes it on. */
function recordingAttach(adapter: BillingAdapter) {
  const inputs: AttachPaymentMethodInput[] = []
  const wrapped: BillingAdapter = {
    ...adapter,
    attachPaymentMethod: (input) => {
      inputs.push(input)
      return (adapter.attachPaymentMethod as NonNullable<BillingAdapter['attachPaymentMethod']>)(input)
    },
  }
  return { adapter: wrapped, inputs }
}

/** A Stripe source that fails the first `failures` times it is awaited, like a flaky network. */
function flakyStripe(fake: FakeStripe, failures: number) {
  let awaited = 0
  const source: PromiseLike<Stripe> = {
    // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose, like a host's promise
    then(onFulfilled, onRejected) {
      awaited += 1
      const next: Promise<Stripe> = awaited <= failures ? createFailingStripeLoader()() : Promise.resolve(fake)
      return next.then(onFulfilled, onRejected)
    },
  }
  return { source, awaited: () => awaited }
}

function politeAnnouncement() {
  return document.querySelector('[data-slot="announcer"] [aria-live="polite"]')?.textContent
}

function rowNames() {
  return [...document.querySelectorAll('[data-slot="payment-method-row"] .bp-pm-name')].map((n) => n.textContent)
}

async function openAddCard(user: User, label = 'Add new card') {
  await user.click(await screen.findByRole('button', { name: label }))
  return screen.findByRole('dialog', { name: label })
}

async function typeCard(
  user: User,
  number: string,
  labels = { number: 'Card number', expiry: 'Expiration date (MM / YY)' },
) {
  const dialog = screen.getByRole('dialog')
  const numberInput = await within(dialog).findByLabelText(labels.number)
  await user.clear(numberInput)
  await user.type(numberInput, number)
  const expiry = within(dialog).getByLabelText(labels.expiry)
  if (!(expiry as HTMLInputElement).value) await user.type(expiry, '12/34')
  const cvc = within(dialog).getByLabelText('CVC')
  if (!(cvc as HTMLInputElement).value) await user.type(cvc, /^3[47]/.test(number) ? '1234' : '123')
}

async function save(user: User, label = 'Save card') {
  const dialog = screen.getByRole('dialog')
  const button = within(dialog).getByRole('button', { name: label })
  await waitFor(() => expect(button).toBeEnabled())
  await user.click(button)
}

async function dialogClosed() {
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
}

describe('PaymentMethods: Stripe loads only when a card is being added', () => {
  it('asks nothing of Stripe, nor starts a SetupIntent, until the dialog opens', async () => {
    const fake = createFakeStripe()
    const stripe = flakyStripe(fake, 0)
    const { user, memory } = renderBilling(<PaymentMethods />, { provider: { stripe: stripe.source } })
    await screen.findByRole('list', { name: 'Saved payment methods' })
    expect(stripe.awaited()).toBe(0)
    expect(fake.calls.elements).toHaveLength(0)
    expect(memory.calls.createSetupIntent).toBe(0)

    const dialog = await openAddCard(user)
    expect(await within(dialog).findByLabelText('Card number')).toBeInTheDocument()
    expect(stripe.awaited()).toBe(1)
    expect(fake.calls.elements).toHaveLength(1)
    expect(memory.calls.createSetupIntent).toBe(1)
  })

  it('passes the SetupIntent client secret, the locale and our theme to Elements', async () => {
    const { user, fakeStripe } = renderBilling(<PaymentMethods />, { provider: { appearance: { theme: 'dark' } } })
    const dialog = await openAddCard(user)
    await within(dialog).findByLabelText('Card number')
    const options = fakeStripe.calls.elements[0][0] as { clientSecret: string; locale: string; appearance: unknown }
    expect(options.clientSecret).toMatch(/^seti_\w+_secret_\w+$/)
    expect(options.locale).toBe('en')
    expect(options.appearance).toEqual(stripeAppearance('dark', undefined))
  })
})

describe('PaymentMethods: adding a card', () => {
  it('saves a card through a SetupIntent, refreshes the list, announces it and tells the host', async () => {
    const onCardAdded = vi.fn()
    const recorded = recordingAttach(memoryAt())
    const { user, fakeStripe } = renderBilling(<PaymentMethods onCardAdded={onCardAdded} />, {
      adapter: recorded.adapter,
    })
    const dialog = await openAddCard(user)
    expect(dialog).toHaveTextContent('Your card details go straight to Stripe')
    // There is a default card already, so the new one does not take over unless asked.
    expect(within(dialog).getByRole('switch', { name: 'Make this my default card' })).not.toBeChecked()
    await typeCard(user, '5555555555554444')
    await save(user)
    await dialogClosed()

    expect(fakeStripe.calls.confirmSetup).toHaveLength(1)
    expect(fakeStripe.calls.confirmSetup[0][0]).toMatchObject({ redirect: 'if_required' })
    expect(recorded.inputs).toEqual([
      { setupIntentId: expect.stringMatching(/^seti_/), paymentMethodId: 'pm_card_mastercard', makeDefault: false },
    ])
    // Only ids crossed our code: no card number in anything the adapter got.
    expect(JSON.stringify(recorded.inputs)).not.toContain('5555555555554444')
    await waitFor(() => expect(rowNames()).toHaveLength(5))
    expect(rowNames()[0]).toBe('Visa •••• 4242')
    expect(onCardAdded).toHaveBeenCalledWith(
      expect.objectContaining({ brand: 'mastercard', last4: '4444', isDefault: false }),
    )
    await waitFor(() => expect(politeAnnouncement()).toBe('Mastercard •••• 4444 added.'))
  })

  it('makes the new card the default when asked', async () => {
    const recorded = recordingAttach(memoryAt())
    const { user } = renderBilling(<PaymentMethods />, { adapter: recorded.adapter })
    const dialog = await openAddCard(user)
    await typeCard(user, '378282246310005')
    await user.click(within(dialog).getByRole('switch', { name: 'Make this my default card' }))
    await save(user)
    await dialogClosed()
    expect(recorded.inputs[0].makeDefault).toBe(true)
    await waitFor(() => expect(rowNames()[0]).toBe('American Express •••• 0005'))
    await waitFor(() =>
      expect(politeAnnouncement()).toBe('American Express •••• 0005 added and set as your default card.'),
    )
  })

  it('the first card is the default: the option starts checked when there is no default', async () => {
    const { user } = renderBilling(<PaymentMethods />, { memory: { empty: true } })
    const dialog = await openAddCard(user)
    expect(within(dialog).getByRole('switch', { name: 'Make this my default card' })).toBeChecked()
    await typeCard(user, '4242424242424242')
    await save(user)
    await dialogClosed()
    expect(await screen.findByText('Default')).toBeInTheDocument()
  })

  it('a decline shows Stripe’s message, attaches nothing, and the same SetupIntent takes another card', async () => {
    const memory = memoryAt()
    const recorded = recordingAttach(memory)
    const { user, fakeStripe } = renderBilling(<PaymentMethods />, { adapter: recorded.adapter })
    const dialog = await openAddCard(user)
    await typeCard(user, '4000000000000002')
    await save(user)
    const error = await within(dialog).findByText("Your card wasn't saved")
    expect(error.closest('[data-slot="add-card-error"]')).toHaveTextContent('Your card was declined.')
    expect(recorded.inputs).toHaveLength(0)
    expect(dialog).toHaveAttribute('data-step', 'ready')

    await typeCard(user, '4242424242424242')
    // A new attempt clears the old error.
    expect(within(dialog).queryByText("Your card wasn't saved")).not.toBeInTheDocument()
    await save(user)
    await dialogClosed()
    expect(recorded.inputs).toHaveLength(1)
    expect(memory.calls.createSetupIntent).toBe(1)
    expect(fakeStripe.calls.confirmSetup).toHaveLength(2)
  })

  it('an expired card is refused with Stripe’s reason', async () => {
    const { user } = renderBilling(<PaymentMethods />)
    const dialog = await openAddCard(user)
    await typeCard(user, '4000000000000069')
    await save(user)
    expect(await within(dialog).findByText('Your card has expired.')).toBeInTheDocument()
  })

  it('3-D Secure that the bank confirms saves the card', async () => {
    const recorded = recordingAttach(memoryAt())
    const { user } = renderBilling(<PaymentMethods />, {
      adapter: recorded.adapter,
      stripe: { threeDSecure: 'succeed' },
    })
    await openAddCard(user)
    await typeCard(user, '4000002500003155')
    await save(user)
    await dialogClosed()
    expect(recorded.inputs[0].paymentMethodId).toBe('pm_card_threeDSecure2Required')
    await waitFor(() => expect(rowNames()).toContain('Visa •••• 3155'))
  })

  it('3-D Secure failed or abandoned: says the bank did not confirm, nothing saved, no attach', async () => {
    const recorded = recordingAttach(memoryAt())
    const { user } = renderBilling(<PaymentMethods />, { adapter: recorded.adapter, stripe: { threeDSecure: 'fail' } })
    const dialog = await openAddCard(user)
    await typeCard(user, '4000002500003155')
    await save(user)
    const notice = (await within(dialog).findByText("Your bank didn't confirm the card")).closest('.bp-notice')
    expect(notice).toHaveTextContent('We are unable to authenticate your payment method')
    expect(notice).toHaveTextContent('Nothing was saved.')
    expect(notice).toHaveAttribute('data-code', 'setup_intent_authentication_failure')
    expect(recorded.inputs).toHaveLength(0)
    expect(rowNames()).toHaveLength(4)
  })

  it('incomplete fields stay with Stripe: no error banner of ours, no attach, focus goes to the card form', async () => {
    const recorded = recordingAttach(memoryAt())
    const { user } = renderBilling(<PaymentMethods />, { adapter: recorded.adapter })
    const dialog = await openAddCard(user)
    await within(dialog).findByLabelText('Card number')
    await save(user)
    await waitFor(() => expect(within(dialog).getByLabelText('Card number')).toHaveFocus())
    expect(within(dialog).getByText('Your card number is incomplete.')).toBeInTheDocument()
    expect(dialog.querySelector('[data-slot="add-card-error"]')).toBeNull()
    expect(recorded.inputs).toHaveLength(0)
  })

  it('a double click saves once', async () => {
    const recorded = recordingAttach(memoryAt({ latency: 30 }))
    const { user, fakeStripe } = renderBilling(<PaymentMethods />, {
      adapter: recorded.adapter,
      stripe: { latency: 30 },
    })
    const dialog = await openAddCard(user)
    await typeCard(user, '4242424242424242')
    const button = within(dialog).getByRole('button', { name: 'Save card' })
    await waitFor(() => expect(button).toBeEnabled())
    await user.dblClick(button)
    await dialogClosed()
    expect(fakeStripe.calls.confirmSetup).toHaveLength(1)
    expect(recorded.inputs).toHaveLength(1)
  })

  it('shows Stripe’s messages in Spanish when the panel is in Spanish', async () => {
    const { user } = renderBilling(<PaymentMethods />, { locale: 'es' })
    const dialog = await openAddCard(user, 'Agregar Nueva Tarjeta')
    expect(within(dialog).getByRole('switch', { name: 'Usar como mi tarjeta principal' })).toBeInTheDocument()
    await typeCard(user, '4000000000000002', { number: 'Número de tarjeta', expiry: 'Fecha de vencimiento (MM / AA)' })
    await save(user, 'Guardar tarjeta')
    expect(await within(dialog).findByText('No se guardó tu tarjeta')).toBeInTheDocument()
    expect(within(dialog).getByText('Tu tarjeta fue rechazada.')).toBeInTheDocument()
  })

  it('is controlled by addCardOpen / onAddCardOpenChange, so the wallet can open it', async () => {
    const onAddCardOpenChange = vi.fn()
    const { user } = renderBilling(<PaymentMethods addCardOpen onAddCardOpenChange={onAddCardOpenChange} />)
    const dialog = await screen.findByRole('dialog', { name: 'Add new card' })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(onAddCardOpenChange).toHaveBeenCalledWith(false)
    // Still controlled: the host has not closed it.
    expect(screen.getByRole('dialog', { name: 'Add new card' })).toBeInTheDocument()
  })

  it('starts one SetupIntent per attempt, even under StrictMode', async () => {
    const memory = memoryAt()
    renderBilling(
      <StrictMode>
        <PaymentMethods defaultAddCardOpen />
      </StrictMode>,
      { adapter: memory },
    )
    const dialog = await screen.findByRole('dialog', { name: 'Add new card' })
    await within(dialog).findByLabelText('Card number')
    expect(memory.calls.createSetupIntent).toBe(1)
  })

  it('has no axe violations with the card form open', async () => {
    const { user } = renderBilling(<PaymentMethods />)
    const dialog = await openAddCard(user)
    await within(dialog).findByLabelText('Card number')
    await waitFor(() => expect(dialog).toHaveAttribute('data-step', 'ready'))
    expect(await axeViolations(document.body)).toEqual([])
  })
})

describe('PaymentMethods: when Stripe cannot load', () => {
  it('says so clearly and retries on request', async () => {
    const fake = createFakeStripe()
    const stripe = flakyStripe(fake, 1)
    const { user } = renderBilling(<PaymentMethods />, { provider: { stripe: stripe.source } })
    const dialog = await openAddCard(user)
    const notice = await within(dialog).findByText("The secure card form couldn't load")
    expect(notice.closest('.bp-notice')).toHaveTextContent('blocks js.stripe.com')
    expect(dialog).toHaveAttribute('data-step', 'stripe-unavailable')
    expect(within(dialog).queryByRole('button', { name: 'Save card' })).not.toBeInTheDocument()
    expect(within(dialog).queryByRole('status')).not.toBeInTheDocument()

    await user.click(within(dialog).getByRole('button', { name: 'Try again' }))
    expect(await within(dialog).findByLabelText('Card number')).toBeInTheDocument()
    expect(stripe.awaited()).toBe(2)
  })

  it('stops waiting after the timeout instead of spinning forever', async () => {
    renderBilling(<AddCardDialog defaultOpen stripeTimeoutMs={500} />, {
      provider: { stripe: new Promise<Stripe>(() => {}) },
    })
    const dialog = await screen.findByRole('dialog', { name: 'Add new card' })
    expect(within(dialog).getByRole('status')).toHaveTextContent('Loading the secure card form…')
    expect(await within(dialog).findByText(/taking too long to answer/)).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
    expect(within(dialog).queryByRole('status')).not.toBeInTheDocument()
  })

  it('used alone without any Stripe configured, the dialog explains instead of loading forever', async () => {
    renderBilling(<AddCardDialog defaultOpen />, { provider: { stripe: undefined } })
    const dialog = await screen.findByRole('dialog', { name: 'Add new card' })
    expect(await within(dialog).findByText("The secure card form couldn't load")).toBeInTheDocument()
    expect(within(dialog).queryByRole('status')).not.toBeInTheDocument()
  })

  it('a SetupIntent the adapter could not start is explained, with a retry', async () => {
    const memory = memoryAt({ faults: { createSetupIntent: { code: 'unavailable', mode: 'once' } } })
    const { user } = renderBilling(<PaymentMethods />, { adapter: memory })
    const dialog = await openAddCard(user)
    const notice = (await within(dialog).findByText("We couldn't start adding a card.")).closest('.bp-notice')
    expect(notice).toHaveTextContent('The billing service is unavailable right now')
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }))
    expect(await within(dialog).findByLabelText('Card number')).toBeInTheDocument()
    expect(memory.calls.createSetupIntent).toBe(2)
  })
})

describe('PaymentMethods: Stripe saved the card but the adapter failed to record it', () => {
  it('tells the truth, never asks for the card again, and finishes with the same SetupIntent', async () => {
    const memory = memoryAt({ faults: { attachPaymentMethod: { code: 'network', mode: 'once' } } })
    const recorded = recordingAttach(memory)
    const onCardAdded = vi.fn()
    const { user, fakeStripe } = renderBilling(<PaymentMethods onCardAdded={onCardAdded} />, {
      adapter: recorded.adapter,
    })
    let dialog = await openAddCard(user)
    await typeCard(user, '4242424242424242')
    await save(user)

    const notice = (await within(dialog).findByText(/saved with Stripe but we couldn't finish adding it/)).closest(
      '.bp-notice',
    )
    expect(notice).toHaveTextContent("We couldn't reach the billing service")
    await waitFor(() =>
      expect(notice).toHaveTextContent("It isn't on your account yet. You don't need to enter the card again"),
    )
    expect(dialog).toHaveAttribute('data-step', 'attach-failed')
    expect(within(dialog).queryByLabelText('Card number')).not.toBeInTheDocument()
    expect(within(dialog).queryByRole('button', { name: 'Save card' })).not.toBeInTheDocument()
    // The list was looked at again.
    expect(memory.calls.listPaymentMethods).toBeGreaterThanOrEqual(2)

    // Closing and coming back still only offers to finish.
    await user.click(within(dialog).getByRole('button', { name: 'Finish later' }))
    await dialogClosed()
    dialog = await openAddCard(user)
    expect(within(dialog).getByRole('button', { name: 'Finish adding card' })).toBeInTheDocument()
    expect(within(dialog).queryByLabelText('Card number')).not.toBeInTheDocument()

    await user.click(within(dialog).getByRole('button', { name: 'Finish adding card' }))
    await dialogClosed()
    expect(recorded.inputs).toHaveLength(2)
    expect(recorded.inputs[1]).toEqual(recorded.inputs[0])
    expect(memory.calls.createSetupIntent).toBe(1)
    expect(fakeStripe.calls.confirmSetup).toHaveLength(1)
    expect(onCardAdded).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(rowNames()).toHaveLength(5))
    expect((await memory.listPaymentMethods()).filter((m) => m.last4 === '4242')).toHaveLength(2)
  })

  it('remembers the confirmed card when the list unmounts (a host tab switch) and comes back', async () => {
    const memory = memoryAt({ faults: { attachPaymentMethod: { code: 'unavailable', mode: 'once' } } })
    const recorded = recordingAttach(memory)
    function Tabs() {
      const [shown, setShown] = useState(true)
      return (
        <>
          <button type="button" onClick={() => setShown((s) => !s)}>
            Toggle tab
          </button>
          {shown && <PaymentMethods />}
        </>
      )
    }
    const { user } = renderBilling(<Tabs />, { adapter: recorded.adapter })
    let dialog = await openAddCard(user)
    await typeCard(user, '5555555555554444')
    await save(user)
    await within(dialog).findByText(/saved with Stripe but we couldn't finish adding it/)
    await user.click(within(dialog).getByRole('button', { name: 'Finish later' }))
    await dialogClosed()

    await user.click(screen.getByRole('button', { name: 'Toggle tab' }))
    expect(screen.queryByRole('button', { name: 'Add new card' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Toggle tab' }))

    dialog = await openAddCard(user)
    expect(dialog).toHaveAttribute('data-step', 'attach-failed')
    expect(within(dialog).queryByLabelText('Card number')).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Finish adding card' }))
    await dialogClosed()
    expect(recorded.inputs).toHaveLength(2)
    expect(recorded.inputs[1].setupIntentId).toBe(recorded.inputs[0].setupIntentId)
    expect(memory.calls.createSetupIntent).toBe(1)
    await waitFor(() => expect(rowNames()).toContain('Mastercard •••• 4444'))
  })

  it('when the refreshed list shows the card after all, it says it was added', async () => {
    const memory = memoryAt()
    const recorded: PaymentMethod[] = []
    let attachCalls = 0
    // The adapter records the card under Stripe's id, but the answer is lost on the way back.
    const adapter: BillingAdapter = {
      ...memory,
      listPaymentMethods: async () => [...(await memory.listPaymentMethods()), ...recorded],
      attachPaymentMethod: async (input) => {
        attachCalls += 1
        recorded.push({
          id: input.paymentMethodId as string,
          type: 'card',
          brand: 'discover',
          last4: '1117',
          expMonth: 1,
          expYear: 2031,
          isDefault: false,
        })
        throw new BillingError('timeout')
      },
    }
    const onCardAdded = vi.fn()
    const { user } = renderBilling(<PaymentMethods onCardAdded={onCardAdded} />, { adapter })
    await openAddCard(user)
    await typeCard(user, '6011111111111117')
    await save(user)
    await dialogClosed()
    expect(onCardAdded).toHaveBeenCalledWith(expect.objectContaining({ id: 'pm_card_discover' }))
    expect(attachCalls).toBe(1)
    expect(rowNames()).toContain('Discover •••• 1117')
    await waitFor(() => expect(politeAnnouncement()).toBe('Discover •••• 1117 added.'))
  })
})
