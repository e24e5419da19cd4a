import { screen, waitFor, within } from '@testing-library/react'
import { createMemoryAdapter } from '../../src/adapter/memory'
import type { BillingAdapter, Subscription } from '../../src/adapter/types'
import { SubscriptionsPanel } from '../../src/components/SubscriptionsPanel'
import { en } from '../../src/i18n'
import { NOW, renderBilling } from '../support/render'

// Full flows through dialogs on a machine shared with other test runs: give them room.
vi.setConfig({ testTimeout: 20_000 })

const FAULTS = [
  ['network', "We couldn't reach the billing service. Check your connection and try again."],
  ['timeout', en.common.errors.timeout],
  ['unavailable', 'The billing service is unavailable right now. Try again in a few minutes.'],
  ['forbidden', "You don't have permission to do this. Ask the account owner."],
  ['conflict', 'This changed somewhere else. The latest information has been loaded.'],
] as const

type User = ReturnType<typeof renderBilling>['user']

async function card(name: string) {
  return screen.findByRole('article', { name })
}

async function dialogClosed() {
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
}

async function openCancel(user: User, name: string) {
  await user.click(within(await card(name)).getByRole('button', { name: 'Cancel subscription' }))
  return screen.findByRole('dialog', { name: `Cancel ${name}?` })
}

async function choosePlan(user: User, plan: string) {
  await user.click(within(await card('Agency Pro Plan')).getByRole('button', { name: 'Change plan' }))
  const dialog = await screen.findByRole('dialog', { name: 'Change plan' })
  await user.click(await within(dialog).findByRole('radio', { name: plan }))
  await within(dialog).findByText('Total due today')
  return dialog
}

describe('SubscriptionsPanel under faults: cancel', () => {
  it.each(FAULTS)(
    '%s: says what happened, keeps the reason and comment, leaves the list right, and a retry works',
    async (code, message) => {
      const { user, memory } = renderBilling(<SubscriptionsPanel />)
      const seo = await card('Local SEO service')
      memory.setFaults({ cancelSubscription: { code, mode: 'once' } })
      const listsBefore = memory.calls.listSubscriptions
      const dialog = await openCancel(user, 'Local SEO service')
      await user.click(within(dialog).getByRole('radio', { name: 'I switched to another service' }))
      const comment = within(dialog).getByRole('textbox', { name: 'Anything else you want to tell us?' })
      await user.type(comment, 'Moving in-house')
      await user.click(within(dialog).getByRole('button', { name: 'Cancel subscription' }))

      const alert = await within(dialog).findByRole('alert')
      expect(alert).toHaveTextContent("The subscription wasn't canceled")
      expect(alert).toHaveTextContent(message)
      expect(alert).not.toHaveTextContent('Simulated')
      expect(within(dialog).getByRole('radio', { name: 'I switched to another service' })).toBeChecked()
      expect(comment).toHaveValue('Moving in-house')
      expect(within(seo).getByText('Renews on Dec 1, 2026')).toBeInTheDocument()
      // A conflict means the list on screen may be stale: it is read again. Other faults leave it.
      if (code === 'conflict') await waitFor(() => expect(memory.calls.listSubscriptions).toBe(listsBefore + 1))
      else expect(memory.calls.listSubscriptions).toBe(listsBefore)

      await user.click(within(dialog).getByRole('button', { name: 'Cancel subscription' }))
      await dialogClosed()
      expect(within(seo).getByText('Cancels on Dec 1, 2026')).toBeInTheDocument()
      expect(memory.calls.cancelSubscription).toBe(2)
    },
  )

  it('keeps the answers when the dialog is closed after a failure and opened again', async () => {
    const { user, memory } = renderBilling(<SubscriptionsPanel />)
    memory.setFaults({ cancelSubscription: { code: 'network', mode: 'once' } })
    let dialog = await openCancel(user, 'Local SEO service')
    await user.click(within(dialog).getByRole('radio', { name: 'Too expensive' }))
    await user.click(within(dialog).getByRole('button', { name: 'Cancel subscription' }))
    await within(dialog).findByRole('alert')
    await user.click(within(dialog).getByRole('button', { name: 'Keep subscription' }))
    await dialogClosed()

    dialog = await openCancel(user, 'Local SEO service')
    expect(within(dialog).getByRole('radio', { name: 'Too expensive' })).toBeChecked()
    // A new attempt starts without the old error.
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Keep subscription' }))
    await dialogClosed()

    // Another subscription starts blank.
    dialog = await openCancel(user, 'Agency Pro Plan')
    expect(within(dialog).getByRole('radio', { name: 'Too expensive' })).not.toBeChecked()
  })

  it('when it was already canceled elsewhere: refreshes the list, says so, and offers only to close', async () => {
    const { user, memory } = renderBilling(<SubscriptionsPanel />)
    const seo = await card('Local SEO service')
    const dialog = await openCancel(user, 'Local SEO service')
    // Someone else cancels it while this dialog is open.
    await memory.cancelSubscription({ subscriptionId: 'sub_local_seo' })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel subscription' }))

    expect(
      await within(dialog).findByText(/This subscription is already set to cancel on December 1, 2026\./),
    ).toHaveTextContent('This changed somewhere else. The latest information has been loaded.')
    expect(within(dialog).queryByRole('button', { name: 'Cancel subscription' })).not.toBeInTheDocument()
    expect(within(seo).getByText('Cancels on Dec 1, 2026')).toBeInTheDocument()
    await user.click(within(dialog).getAllByRole('button', { name: 'Close' })[0])
    await dialogClosed()
    // Its Cancel button is gone, so focus goes to what replaced it.
    expect(within(seo).getByRole('button', { name: 'Resume subscription' })).toHaveFocus()
    expect(memory.calls.cancelSubscription).toBe(2)
  })
})

describe('SubscriptionsPanel under faults: resume', () => {
  it.each(FAULTS)(
    '%s: says what happened in the card, keeps it set to cancel, and a retry works',
    async (code, message) => {
      const { user, memory } = renderBilling(<SubscriptionsPanel />)
      const reviews = await card('Automatic Reviews')
      memory.setFaults({ resumeSubscription: { code, mode: 'once' } })
      const listsBefore = memory.calls.listSubscriptions
      await user.click(within(reviews).getByRole('button', { name: 'Resume subscription' }))

      const alert = await within(reviews).findByRole('alert')
      expect(alert).toHaveTextContent("We couldn't resume Automatic Reviews.")
      expect(alert).toHaveTextContent(message)
      expect(within(reviews).getByText('Cancels on Dec 12, 2026')).toBeInTheDocument()
      if (code === 'conflict') await waitFor(() => expect(memory.calls.listSubscriptions).toBe(listsBefore + 1))
      else expect(memory.calls.listSubscriptions).toBe(listsBefore)

      await user.click(within(reviews).getByRole('button', { name: 'Resume subscription' }))
      await waitFor(() => expect(within(reviews).getByText('Renews on Dec 12, 2026')).toBeInTheDocument())
      expect(within(reviews).queryByRole('alert')).not.toBeInTheDocument()
    },
  )

  it('when it was resumed elsewhere: the refreshed card shows it renewing and offers Cancel again', async () => {
    const { user, memory } = renderBilling(<SubscriptionsPanel />)
    const reviews = await card('Automatic Reviews')
    await memory.resumeSubscription('sub_reviews_app')
    await user.click(within(reviews).getByRole('button', { name: 'Resume subscription' }))
    expect(await within(reviews).findByRole('alert')).toHaveTextContent('This changed somewhere else.')
    await waitFor(() => expect(within(reviews).getByText('Renews on Dec 12, 2026')).toBeInTheDocument())
    expect(within(reviews).getByRole('button', { name: 'Cancel subscription' })).toBeInTheDocument()
    expect(within(reviews).queryByRole('button', { name: 'Resume subscription' })).not.toBeInTheDocument()
  })
})

describe('SubscriptionsPanel under faults: change plan', () => {
  it.each(FAULTS)(
    '%s: says what happened, keeps the chosen plan, changes nothing, and a retry works',
    async (code, message) => {
      const { user, memory } = renderBilling(<SubscriptionsPanel />)
      memory.setFaults({ changePlan: { code, mode: 'once' } })
      const dialog = await choosePlan(user, 'Agency SaaS Pro Plan')
      await user.click(within(dialog).getByRole('button', { name: 'Pay $80.00 and change plan' }))

      const alert = await within(dialog).findByRole('alert')
      expect(alert).toHaveTextContent("The plan wasn't changed")
      expect(alert).toHaveTextContent(message)
      expect(within(dialog).getByRole('radio', { name: 'Agency SaaS Pro Plan' })).toBeChecked()
      expect((await memory.listSubscriptions()).find((s) => s.kind === 'platform')?.planId).toBe('plan_agency_pro')
      const charges = await memory.listLedger({ filter: { types: ['subscription_charge'] }, limit: 5 })
      expect(charges.entries.filter((e) => e.createdAt === NOW.toISOString())).toEqual([])

      await user.click(await within(dialog).findByRole('button', { name: 'Pay $80.00 and change plan' }))
      await dialogClosed()
      expect(await card('Agency SaaS Pro Plan')).toBeInTheDocument()
    },
  )

  it('shows a failed quote with a retry, and nothing can be confirmed without one', async () => {
    const { user, memory } = renderBilling(<SubscriptionsPanel />)
    memory.setFaults({ previewPlanChange: { code: 'unavailable', mode: 'once' } })
    await user.click(within(await card('Agency Pro Plan')).getByRole('button', { name: 'Change plan' }))
    const dialog = await screen.findByRole('dialog', { name: 'Change plan' })
    await user.click(await within(dialog).findByRole('radio', { name: 'Agency SaaS Pro Plan' }))
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent("We couldn't calculate the cost")
    expect(within(dialog).getByRole('button', { name: 'Change plan' })).toBeDisabled()
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await within(dialog).findByText('Total due today')).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Pay $80.00 and change plan' })).toBeEnabled()
  })

  it('shows plans that failed to load with a retry', async () => {
    const { user, memory } = renderBilling(<SubscriptionsPanel />)
    memory.setFaults({ listPlans: { code: 'network', mode: 'once' } })
    await user.click(within(await card('Agency Pro Plan')).getByRole('button', { name: 'Change plan' }))
    const dialog = await screen.findByRole('dialog', { name: 'Change plan' })
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent("We couldn't load the plans")
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await within(dialog).findByRole('radio', { name: 'Agency Starter Plan' })).toBeInTheDocument()
  })

  it('says the card was declined and lets the person try again with a new attempt', async () => {
    const { user, memory } = renderBilling(<SubscriptionsPanel />)
    memory.setFaults({ changePlan: { code: 'card_declined', declineCode: 'insufficient_funds', mode: 'once' } })
    const dialog = await choosePlan(user, 'Agency SaaS Pro Plan')
    await user.click(within(dialog).getByRole('button', { name: 'Pay $80.00 and change plan' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The card was declined for insufficient funds. Try another card.',
    )
    await user.click(within(dialog).getByRole('button', { name: 'Pay $80.00 and change plan' }))
    await dialogClosed()
    expect(memory.calls.changePlan).toBe(2)
  })
})

describe('SubscriptionsPanel with malformed data', () => {
  const LONG_NAME = `Servicio${'x'.repeat(10_000)}`

  function malformed(): BillingAdapter {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en' })
    return {
      ...memory,
      listSubscriptions: async () =>
        [
          {
            id: 'sub_no_price',
            kind: 'resale',
            name: 'No price service',
            status: 'active',
            price: null,
            quantity: 1,
            interval: 'month',
            currentPeriodEnd: '2020-01-01T00:00:00Z',
            startDate: 'not a date',
            paymentMethodId: 'pm_removed_long_ago',
          },
          {
            id: 'sub_weird_status',
            kind: 'marketplace',
            name: 'Weird app',
            status: 'on_hold_by_partner',
            price: { amount: 1500, currency: 'usd' },
            quantity: 0,
            interval: 'fortnight',
            manageUrl: 'javascript:alert(1)',
          },
          {
            id: 'sub_long',
            kind: 'platform',
            name: LONG_NAME,
            status: 'active',
            price: { amount: 12.5, currency: 'USD' },
            interval: 'month',
          },
          {
            id: 'sub_mystery',
            kind: 'partner',
            name: 'Mystery',
            status: null,
            price: { amount: 500, currency: 'EUR' },
            interval: 'year',
            intervalCount: 2,
          },
          { id: 'sub_long', kind: 'platform', name: 'Duplicate id', status: 'active' },
          { name: 'No id at all', status: 'active' },
          'garbage',
          null,
        ] as unknown as Subscription[],
    }
  }

  it('renders every usable subscription without crashing and drops the unusable ones', async () => {
    renderBilling(<SubscriptionsPanel />, { adapter: malformed() })
    const noPrice = await card('No price service')
    expect(within(noPrice).getByText('Price not available')).toBeInTheDocument()
    // A renewal date in the past is still shown as the adapter sent it.
    expect(within(noPrice).getByText('Renews on Jan 1, 2020')).toBeInTheDocument()
    expect(within(noPrice).getByText('Not available')).toBeInTheDocument()
    expect(await within(noPrice).findByText('A card no longer on file')).toBeInTheDocument()

    const weird = await card('Weird app')
    const badge = within(weird).getByText('on_hold_by_partner')
    expect(badge).toHaveAttribute('data-state', 'unknown')
    expect(badge).toHaveAttribute('data-tone', 'neutral')
    // An unknown interval shows the plain price; a zero quantity counts as one.
    expect(within(weird).getByText('$15.00')).toBeInTheDocument()
    // javascript: links never survive the boundary.
    expect(within(weird).queryByRole('link')).not.toBeInTheDocument()

    const mystery = await card('Mystery')
    expect(within(mystery).getByText('Unknown status')).toHaveAttribute('data-state', 'unknown')
    expect(within(mystery).getByText('€5.00 / 2 years')).toBeInTheDocument()
    expect(mystery.closest('[data-slot="subscription-group"]')).toHaveAttribute('data-kind', 'resale')

    const names = screen.getAllByRole('article').map((a) => a.getAttribute('data-subscription-id'))
    expect(names.toSorted()).toEqual(['sub_long', 'sub_mystery', 'sub_no_price', 'sub_weird_status'])
    expect(screen.queryByText('No id at all')).not.toBeInTheDocument()
    expect(screen.queryByText('Duplicate id')).not.toBeInTheDocument()
  })

  it('keeps a very long name in its heading, clamped by style rather than cut in the DOM beyond the boundary limit', async () => {
    renderBilling(<SubscriptionsPanel />, { adapter: malformed() })
    const heading = await screen.findByRole('heading', { name: /^Servicioxxx/ })
    expect(heading).toHaveClass('bp-subscription-name')
    // The boundary caps names at 500 characters; the rest is the stylesheet's job.
    expect(heading.textContent).toHaveLength(500)
    const longCard = heading.closest('article') as HTMLElement
    expect(within(longCard).getByText('Price not available')).toBeInTheDocument()
  })

  it('can still cancel a subscription with no price and a past date', async () => {
    const adapter = malformed()
    const cancelSubscription = vi.fn(async (input: { subscriptionId: string }) => ({
      id: input.subscriptionId,
      kind: 'resale',
      name: 'No price service',
      status: 'active',
      cancelAtPeriodEnd: true,
      currentPeriodEnd: '2020-01-01T00:00:00Z',
    }))
    const { user } = renderBilling(<SubscriptionsPanel />, {
      adapter: { ...adapter, cancelSubscription } as unknown as BillingAdapter,
    })
    const dialog = await openCancel(user, 'No price service')
    expect(dialog).toHaveAccessibleDescription(
      "You'll keep access until January 1, 2020. After that it won't renew and you won't be charged again.",
    )
    await user.click(within(dialog).getByRole('button', { name: 'Cancel subscription' }))
    await dialogClosed()
    expect(cancelSubscription).toHaveBeenCalledWith({ subscriptionId: 'sub_no_price' })
  })
})
