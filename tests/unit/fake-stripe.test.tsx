import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js'
import type { SetupIntentResult, StripeElements, StripeElementsOptions } from '@stripe/stripe-js'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode, useState } from 'react'
import { createFailingStripeLoader, createFakeStripe, type FakeStripe } from '../../src/testing'

const SETUP_SECRET = 'seti_123_secret_abc'

function SaveCard({ onResult }: { onResult: (result: SetupIntentResult) => void }) {
  const stripe = useStripe()
  const elements = useElements()
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault()
        if (!stripe || !elements) return
        onResult(await stripe.confirmSetup({ elements, redirect: 'if_required' }))
      }}
    >
      <PaymentElement />
      <button type="submit">Guardar</button>
    </form>
  )
}

function HideablePaymentElement({ seen }: { seen: { elements: StripeElements | null } }) {
  seen.elements = useElements()
  const [shown, setShown] = useState(true)
  return (
    <>
      {shown && <PaymentElement />}
      <button type="button" onClick={() => setShown(false)}>
        Ocultar
      </button>
    </>
  )
}

function renderCardForm(
  fake: FakeStripe,
  options: StripeElementsOptions = { clientSecret: SETUP_SECRET, locale: 'es' },
) {
  const results: SetupIntentResult[] = []
  const view = render(
    <Elements stripe={fake} options={options}>
      <SaveCard onResult={(result) => results.push(result)} />
    </Elements>,
  )
  return { results, view }
}

async function typeCard(number: string, expiry = '12/34', cvc = '123', locale: 'es' | 'en' = 'es') {
  const user = userEvent.setup()
  const labels =
    locale === 'es'
      ? { number: 'Número de tarjeta', expiry: 'Fecha de vencimiento (MM / AA)' }
      : { number: 'Card number', expiry: 'Expiration date (MM / YY)' }
  if (number) await user.type(await screen.findByLabelText(labels.number), number)
  if (expiry) await user.type(screen.getByLabelText(labels.expiry), expiry)
  if (cvc) await user.type(screen.getByLabelText('CVC'), cvc)
  return user
}

async function submitAndWait(user: ReturnType<typeof userEvent.setup>, results: SetupIntentResult[]) {
  const before = results.length
  await user.click(screen.getByRole('button', { name: 'Guardar' }))
  await waitFor(() => expect(results).toHaveLength(before + 1))
  return results[before]
}

describe('createFakeStripe inside <Elements>', () => {
  it('renders a labelled card form in the requested locale and registers react-stripe-js', async () => {
    const fake = createFakeStripe()
    renderCardForm(fake)

    expect(await screen.findByLabelText('Número de tarjeta')).toHaveAttribute('autocomplete', 'cc-number')
    expect(screen.getByLabelText('Fecha de vencimiento (MM / AA)')).toBeInTheDocument()
    expect(screen.getByLabelText('CVC')).toBeInTheDocument()
    expect(screen.getByRole('group', { name: 'Datos de la tarjeta' })).toBeInTheDocument()
    expect(screen.queryByLabelText('Card number')).not.toBeInTheDocument()
    expect(fake.calls.elements).toEqual([[{ clientSecret: SETUP_SECRET, locale: 'es' }]])
    await waitFor(() => expect(fake.calls._registerWrapper).toHaveLength(1))
    expect(fake.calls.registerAppInfo[0][0]).toMatchObject({ name: 'react-stripe-js' })
  })

  it('uses English labels when no Spanish locale is asked for, and re-labels on a locale change', async () => {
    const fake = createFakeStripe()
    const { view } = renderCardForm(fake, { clientSecret: SETUP_SECRET })
    expect(await screen.findByLabelText('Card number')).toBeInTheDocument()
    expect(screen.getByLabelText('Expiration date (MM / YY)')).toBeInTheDocument()

    view.rerender(
      <Elements stripe={fake} options={{ clientSecret: SETUP_SECRET, locale: 'es' }}>
        <SaveCard onResult={() => {}} />
      </Elements>,
    )
    expect(await screen.findByLabelText('Número de tarjeta')).toBeInTheDocument()
    expect(screen.queryByLabelText('Card number')).not.toBeInTheDocument()
  })

  it.each([
    ['pt-BR', 'Número do cartão'],
    ['fr', 'Numéro de carte'],
    ['de', 'Kartennummer'],
    ['it', 'Numero della carta'],
  ] as const)('labels the card form in %s, as Stripe Elements does', async (locale, number) => {
    renderCardForm(createFakeStripe(), { clientSecret: SETUP_SECRET, locale })
    expect(await screen.findByLabelText(number)).toBeInTheDocument()
  })

  it.each([
    ['4242424242424242', 'pm_card_visa'],
    ['5555555555554444', 'pm_card_mastercard'],
    ['4000002500003155', 'pm_card_threeDSecure2Required'],
  ])('saves card %s as %s on the SetupIntent named by the client secret', async (number, paymentMethod) => {
    const fake = createFakeStripe()
    const { results } = renderCardForm(fake)
    const user = await typeCard(number)

    const result = await submitAndWait(user, results)

    expect(result.error).toBeUndefined()
    expect(result.setupIntent).toMatchObject({ id: 'seti_123', status: 'succeeded', payment_method: paymentMethod })
    const retrieved = await fake.retrieveSetupIntent(SETUP_SECRET)
    expect(retrieved.setupIntent?.status).toBe('succeeded')
  })

  it('declines 4000 0000 0000 0002 with Stripe-shaped, localised card error', async () => {
    const fake = createFakeStripe()
    const { results } = renderCardForm(fake)
    const user = await typeCard('4000000000000002')

    const result = await submitAndWait(user, results)

    expect(result.setupIntent).toBeUndefined()
    expect(result.error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Tu tarjeta fue rechazada.',
    })
    expect((await fake.retrieveSetupIntent(SETUP_SECRET)).setupIntent?.status).toBe('requires_payment_method')
  })

  it('declines in English when the Elements locale is English', async () => {
    const fake = createFakeStripe()
    const { results } = renderCardForm(fake, { clientSecret: SETUP_SECRET, locale: 'en' })
    const user = await typeCard('4000000000000002', '12/34', '123', 'en')

    const result = await submitAndWait(user, results)

    expect(result.error?.message).toBe('Your card was declined.')
  })

  it('fails the 3-D Secure card when told to', async () => {
    const fake = createFakeStripe({ threeDSecure: 'fail' })
    const { results } = renderCardForm(fake)
    const user = await typeCard('4000002500003155')

    const result = await submitAndWait(user, results)

    expect(result.setupIntent).toBeUndefined()
    expect(result.error).toMatchObject({ type: 'card_error', code: 'setup_intent_authentication_failure' })
    expect(result.error?.message).toMatch(/autenticar/)
  })

  it('answers incomplete fields with a validation error shown on the form, and saves nothing', async () => {
    const fake = createFakeStripe()
    const { results } = renderCardForm(fake)
    const user = await typeCard('4242 4242', '', '')

    const result = await submitAndWait(user, results)

    expect(result.error).toMatchObject({ type: 'validation_error', code: 'incomplete_number' })
    expect(result.error?.message).toBe('El número de tu tarjeta está incompleto.')
    expect(screen.getByRole('alert')).toHaveTextContent('El número de tu tarjeta está incompleto.')
    expect(screen.getByLabelText('Número de tarjeta')).toHaveAttribute('aria-invalid', 'true')
    expect((await fake.retrieveSetupIntent(SETUP_SECRET)).setupIntent?.status).toBe('requires_payment_method')
  })

  it('rejects a number that fails the checksum as invalid while typing', async () => {
    const fake = createFakeStripe()
    renderCardForm(fake)
    await typeCard('4242424242424241', '', '')

    expect(screen.getByRole('alert')).toHaveTextContent('El número de tu tarjeta no es válido.')
  })

  it('rejects an expiry date in the past', async () => {
    const fake = createFakeStripe()
    const { results } = renderCardForm(fake)
    const user = await typeCard('4242424242424242', '01/20')

    const result = await submitAndWait(user, results)

    expect(result.error).toMatchObject({ type: 'validation_error', code: 'invalid_expiry_year_past' })
  })

  it('emits ready, then change events with empty and complete', async () => {
    const fake = createFakeStripe()
    const changes: Array<{ empty: boolean; complete: boolean }> = []
    let ready = 0
    render(
      <Elements stripe={fake} options={{ clientSecret: SETUP_SECRET, locale: 'es' }}>
        <PaymentElement onReady={() => ready++} onChange={(event) => changes.push(event)} />
      </Elements>,
    )
    await waitFor(() => expect(ready).toBe(1))
    await typeCard('4242424242424242')

    expect(changes[0]).toMatchObject({ empty: false, complete: false })
    expect(changes.at(-1)).toMatchObject({ empty: false, complete: true, error: undefined })
    expect(changes.filter((c) => c.complete)).toHaveLength(1)
  })

  it('records each confirmation, and refuses to confirm a SetupIntent twice', async () => {
    const fake = createFakeStripe()
    const { results } = renderCardForm(fake)
    const user = await typeCard('4242424242424242')

    await submitAndWait(user, results)
    expect(fake.calls.confirmSetup).toHaveLength(1)

    const second = await submitAndWait(user, results)
    expect(fake.calls.confirmSetup).toHaveLength(2)
    expect(second.setupIntent).toBeUndefined()
    expect(second.error).toMatchObject({ code: 'setup_intent_unexpected_state' })
  })

  it('answers with a connection error when failConfirm is set', async () => {
    const fake = createFakeStripe({ failConfirm: true })
    const { results } = renderCardForm(fake)
    const user = await typeCard('4242424242424242')

    const result = await submitAndWait(user, results)

    expect(result.error).toMatchObject({ type: 'api_connection_error' })
    expect((await fake.retrieveSetupIntent(SETUP_SECRET)).setupIntent?.status).toBe('requires_payment_method')
  })

  it('finds the element by the React component and forgets it once unmounted', async () => {
    const fake = createFakeStripe()
    const seen: { elements: StripeElements | null } = { elements: null }
    render(
      <Elements stripe={fake} options={{ clientSecret: SETUP_SECRET }}>
        <HideablePaymentElement seen={seen} />
      </Elements>,
    )
    await screen.findByLabelText('Card number')
    const elements = seen.elements as StripeElements
    expect(elements.getElement(PaymentElement)).not.toBeNull()
    expect(elements.getElement('payment')).toBe(elements.getElement(PaymentElement))

    await userEvent.click(screen.getByRole('button', { name: 'Ocultar' }))

    expect(screen.queryByLabelText('Card number')).not.toBeInTheDocument()
    expect(elements.getElement(PaymentElement)).toBeNull()
  })

  it('mounts a single form under StrictMode', async () => {
    const fake = createFakeStripe()
    render(
      <StrictMode>
        <Elements stripe={Promise.resolve(fake)} options={{ clientSecret: SETUP_SECRET }}>
          <PaymentElement />
        </Elements>
      </StrictMode>,
    )
    await screen.findByLabelText('Card number')
    expect(screen.getAllByLabelText('Card number')).toHaveLength(1)
  })
})

describe('createFakeStripe without React', () => {
  it('waits the configured latency before answering', async () => {
    const fake = createFakeStripe({ latency: 60 })
    const started = performance.now()
    await fake.retrieveSetupIntent(SETUP_SECRET)
    expect(performance.now() - started).toBeGreaterThanOrEqual(55)
  })

  it('resolves handleNextAction for a top-up PaymentIntent', async () => {
    const fake = createFakeStripe()
    const result = await fake.handleNextAction({ clientSecret: 'pi_42_secret_xyz' })
    expect(result.paymentIntent).toMatchObject({ id: 'pi_42', status: 'succeeded' })
    expect(result.error).toBeUndefined()
    expect(fake.calls.handleNextAction).toEqual([[{ clientSecret: 'pi_42_secret_xyz' }]])
  })

  it('fails handleNextAction when 3-D Secure is set to fail', async () => {
    const fake = createFakeStripe()
    fake.setOptions({ threeDSecure: 'fail' })
    const result = await fake.handleNextAction({ clientSecret: 'pi_42_secret_xyz' })
    expect(result.paymentIntent).toBeUndefined()
    expect(result.error?.message).toEqual(expect.any(String))
    expect(result.error?.code).toBe('payment_intent_authentication_failure')
  })

  it('forgets calls and intents on reset', async () => {
    const fake = createFakeStripe()
    await fake.handleNextAction({ clientSecret: 'pi_42_secret_xyz' })
    fake.reset()
    expect(fake.calls.handleNextAction).toEqual([])
    expect((await fake.retrievePaymentIntent('pi_42_secret_xyz')).paymentIntent?.status).toBe('requires_payment_method')
  })

  it('names the fix when confirmSetup has no client secret', async () => {
    const fake = createFakeStripe()
    const elements = fake.elements({ mode: 'setup', currency: 'usd' })
    await expect(fake.confirmSetup({ elements, redirect: 'if_required' })).rejects.toThrow(
      /pass it to <Elements options=\{\{ clientSecret \}\}>/,
    )
  })

  it('refuses a second element of the same type in one Elements group', () => {
    const fake = createFakeStripe()
    const elements = fake.elements({ clientSecret: SETUP_SECRET })
    elements.create('payment')
    expect(() => elements.create('payment')).toThrow(/only create one Element of type payment/)
  })
})

describe('createFailingStripeLoader', () => {
  it('rejects every load with the Stripe.js load error', async () => {
    const load = createFailingStripeLoader()
    await expect(load()).rejects.toThrow('Failed to load Stripe.js')
    await expect(load()).rejects.toThrow('Failed to load Stripe.js')
  })
})
