/**
 * In its own file on purpose: each browser test file gets a fresh page, so nothing has loaded the
 * Elements code before this test looks for it.
 */
import '../../src/components/PaymentMethods/PaymentMethods.css'
import { screen, waitFor, within } from '@testing-library/react'
// The module itself, not the folder's index: the index also exports the dialogs, which a host's
// bundler would tree-shake but this unbundled dev server would fetch.
import { PaymentMethods } from '../../src/components/PaymentMethods/PaymentMethods'
import { renderBilling } from '../support/render'

function resources(): string[] {
  return performance.getEntriesByType('resource').map((entry) => entry.name)
}

const fromStripe = (url: string) => /^https?:\/\/([\w-]+\.)*stripe\.(com|network)\//.test(url)

describe('PaymentMethods in Chromium: Stripe loads only when a card is being added', () => {
  it('injects no Stripe script, calls no Stripe host and loads no Elements code until the dialog opens', async () => {
    // A real publishable key, so @stripe/stripe-js would inject Stripe's script if asked.
    const { user } = renderBilling(<PaymentMethods />, {
      provider: { stripe: undefined, stripePublishableKey: 'pk_test_lazy_loading' },
    })
    await screen.findByRole('list', { name: 'Saved payment methods' })
    // Give any eager code a chance to run before looking.
    await new Promise((resolve) => setTimeout(resolve, 300))

    expect(document.querySelector('script[src*="stripe"]')).toBeNull()
    expect(resources().filter(fromStripe)).toEqual([])
    expect(resources().some((url) => url.includes('react-stripe-js'))).toBe(false)
    expect(resources().some((url) => url.includes('/src/stripe/StripeElements'))).toBe(false)
    // Nor the dialogs' own code: the list shows without it.
    expect(resources().some((url) => url.includes('/PaymentMethods/dialogs'))).toBe(false)
    expect(resources().some((url) => url.includes('/PaymentMethods/AddCardDialog'))).toBe(false)

    // A pointer on its way to "Add new card" fetches the dialogs' code (one chunk), not Stripe's.
    await user.hover(screen.getByRole('button', { name: 'Add new card' }))
    await waitFor(() => expect(resources().some((url) => url.includes('/PaymentMethods/AddCardDialog'))).toBe(true))
    expect(document.querySelector('script[src*="stripe"]')).toBeNull()
    expect(resources().some((url) => url.includes('/src/stripe/StripeElements'))).toBe(false)

    await user.click(screen.getByRole('button', { name: 'Add new card' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add new card' })

    // Now, and only now, Stripe.js and the Elements code are asked for.
    await waitFor(() => expect(document.querySelector('script[src^="https://js.stripe.com"]')).not.toBeNull())
    await waitFor(() => expect(resources().some((url) => url.includes('/src/stripe/StripeElements'))).toBe(true))
    await waitFor(() => expect(resources().some((url) => url.includes('react-stripe-js'))).toBe(true))

    // js.stripe.com is unreachable from this test browser: the dialog says so, with a retry.
    expect(await within(dialog).findByText("The secure card form couldn't load", {}, { timeout: 5000 })).toBeVisible()
    expect(within(dialog).getByRole('button', { name: 'Try again' })).toBeVisible()
    expect(within(dialog).queryByRole('button', { name: 'Save card' })).not.toBeInTheDocument()
  })
})
