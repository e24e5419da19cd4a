import { screen, waitFor, within } from '@testing-library/react'
import { createMemoryAdapter } from '../../src/adapter/memory'
import type { BillingAdapter, CancelSubscriptionInput, ChangePlanInput, Subscription } from '../../src/adapter/types'
import { SubscriptionsPanel, subscriptionStatusTone } from '../../src/components/SubscriptionsPanel'
import { NOW, renderBilling } from '../support/render'

// Full flows through dialogs on a machine shared with other test runs: give them room.
vi.setConfig({ testTimeout: 20_000 })

function memoryAt(options: Parameters<typeof createMemoryAdapter>[0] = {}) {
  return createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en', ...options })
}

/** A subscription's card, found by its name as a screen reader would. */
async function card(name: string) {
  return screen.findByRole('article', { name })
}

function politeAnnouncement() {
  return document.querySelector('[data-slot="announcer"] [aria-live="polite"]')?.textContent
}

/** Alerts and statuses on the page, leaving out the panel's own live regions (always present, empty). */
function live(role: 'alert' | 'status') {
  return screen.queryAllByRole(role).filter((element) => !element.closest('[data-slot="announcer"]'))
}

async function findAlert() {
  await waitFor(() => expect(live('alert')).toHaveLength(1))
  return live('alert')[0]
}

async function dialogClosed() {
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
}

function group(title: string) {
  const heading = screen.getByRole('heading', { name: title })
  const found = heading.closest<HTMLElement>('[data-slot="subscription-group"]')
  if (!found) throw new Error(`No group titled ${title}`)
  return found
}

describe('SubscriptionsPanel: what it shows', () => {
  it('groups every subscription by kind, with the brand in the platform title and a count per group', async () => {
    renderBilling(<SubscriptionsPanel />)
    await card('Agency Pro Plan')
    expect(screen.getByRole('heading', { name: 'Manage subscriptions', level: 2 })).toBeInTheDocument()
    const titles = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)
    expect(titles).toEqual(['Leadway subscription', 'Resale subscriptions', 'Marketplace app subscriptions'])
    expect(group('Leadway subscription')).toHaveTextContent('1 subscription')
    expect(
      within(group('Resale subscriptions'))
        .getAllByRole('article')
        .map((a) => a.getAttribute('data-subscription-id')),
    ).toEqual(['sub_local_seo', 'sub_social_media', 'sub_google_ads'])
    expect(group('Resale subscriptions')).toHaveTextContent('3 subscriptions')
    expect(group('Marketplace app subscriptions')).toHaveTextContent('2 subscriptions')
    // Each group names its list, so a screen reader says "Resale subscriptions, list, 3 items".
    expect(
      within(group('Resale subscriptions')).getByRole('list', { name: 'Resale subscriptions' }),
    ).toBeInTheDocument()
  })

  it('shows price per interval, what happens next, the card that pays and the start date', async () => {
    renderBilling(<SubscriptionsPanel />)
    const platform = await card('Agency Pro Plan')
    expect(within(platform).getByText('$297.00 / month')).toBeInTheDocument()
    expect(within(platform).getByText('Renews on Dec 8, 2026')).toBeInTheDocument()
    expect(await within(platform).findByText('Visa •••• 4242 (default)')).toBeInTheDocument()
    expect(within(platform).getByText('Jul 8, 2025')).toBeInTheDocument()
    expect(within(platform).getByText('Active')).toHaveAttribute('data-state', 'active')

    expect(within(await card('Local SEO service')).getByText('2 × $149.00 / month')).toBeInTheDocument()

    const trial = await card('Social media management')
    expect(within(trial).getByText('Trial')).toHaveAttribute('data-state', 'trialing')
    expect(within(trial).getByText('Trial ends on Dec 5, 2026')).toBeInTheDocument()
    expect(within(trial).queryByText(/Renews on/)).not.toBeInTheDocument()

    const app = await card('Appointments Pro')
    expect(within(app).getByText('3 × $29.00 / month')).toBeInTheDocument()
    // Paid by its own card, not the default one.
    expect(within(app).getByText('American Express •••• 0005')).toBeInTheDocument()
  })

  it('shows a subscription set to cancel with its end date instead of a renewal, and offers Resume instead of Cancel', async () => {
    renderBilling(<SubscriptionsPanel />)
    const reviews = await card('Automatic Reviews')
    const line = within(reviews).getByText('Cancels on Dec 12, 2026')
    expect(line.closest('[data-slot="subscription-renewal"]')).toHaveAttribute('data-state', 'cancels')
    expect(within(reviews).queryByText(/Renews on/)).not.toBeInTheDocument()
    expect(within(reviews).getByRole('button', { name: 'Resume subscription' })).toBeInTheDocument()
    expect(within(reviews).queryByRole('button', { name: 'Cancel subscription' })).not.toBeInTheDocument()
    expect(reviews).toHaveAttribute('data-cancel-at-period-end')
  })

  it('links marketplace apps to their own page in a new tab, and says so', async () => {
    renderBilling(<SubscriptionsPanel />)
    const app = await card('Appointments Pro')
    const link = within(app).getByRole('link', { name: 'Manage app (opens in a new tab)' })
    expect(link).toHaveAttribute('href', 'https://marketplace.example.com/apps/agenda-de-citas-pro')
    expect(link).toHaveAttribute('target', '_blank')
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    expect(within(await card('Agency Pro Plan')).queryByRole('link')).not.toBeInTheDocument()
  })

  it('raises one alert for past-due renewals, whose action the host wires to payment methods', async () => {
    const onUpdatePaymentMethod = vi.fn()
    const { user } = renderBilling(<SubscriptionsPanel onUpdatePaymentMethod={onUpdatePaymentMethod} />)
    const banner = await findAlert()
    expect(banner).toHaveTextContent('A payment is past due')
    expect(banner).toHaveTextContent("We couldn't charge the last renewal of Google Ads campaigns.")
    expect(within(await card('Google Ads campaigns')).getByText('Past due')).toHaveAttribute('data-state', 'past_due')
    await user.click(within(banner).getByRole('button', { name: 'Update payment method' }))
    expect(onUpdatePaymentMethod).toHaveBeenCalledTimes(1)
  })

  it('hides the past-due action when the host gives none, or when the user may not manage cards', async () => {
    const first = renderBilling(<SubscriptionsPanel />)
    let banner = await findAlert()
    expect(banner).toHaveTextContent('A payment is past due')
    expect(within(banner).queryByRole('button')).not.toBeInTheDocument()
    first.unmount()

    renderBilling(<SubscriptionsPanel onUpdatePaymentMethod={() => {}} />, {
      provider: { permissions: { managePaymentMethods: false } },
    })
    banner = await findAlert()
    expect(banner).toHaveTextContent('A payment is past due')
    expect(within(banner).queryByRole('button')).not.toBeInTheDocument()
  })

  it('speaks Spanish with the help article wording', async () => {
    renderBilling(<SubscriptionsPanel />, { locale: 'es' })
    await card('Plan Agencia Pro')
    expect(screen.getByRole('heading', { name: 'Gestionar Suscripciones' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Suscripción de Leadway' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Suscripciones de Reventa' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Suscripciones de Aplicaciones del Marketplace' })).toBeInTheDocument()
    expect(
      screen.getByText('Gestiona las suscripciones relacionadas con los servicios que contrataste adicionalmente.'),
    ).toBeInTheDocument()
    const platform = await card('Plan Agencia Pro')
    expect(within(platform).getByText('297,00 US$ / mes')).toBeInTheDocument()
    expect(within(platform).getByText('Se renueva el 8 dic 2026')).toBeInTheDocument()
    expect(await within(platform).findByText('Visa •••• 4242 (principal)')).toBeInTheDocument()
    expect(within(await card('Reseñas Automáticas')).getByText('Se cancela el 12 dic 2026')).toBeInTheDocument()
    expect(within(await card('Servicio de SEO local')).getByText('2 × 149,00 US$ / mes')).toBeInTheDocument()
    expect(await findAlert()).toHaveTextContent('Hay un pago vencido')
  })

  it('names the platform group after the brand prop, then the provider, then generically', async () => {
    const first = renderBilling(<SubscriptionsPanel brandName="Acme CRM" />)
    expect(await screen.findByRole('heading', { name: 'Acme CRM subscription' })).toBeInTheDocument()
    first.unmount()

    const second = renderBilling(<SubscriptionsPanel />, { provider: { brandName: '' } })
    expect(await screen.findByRole('heading', { name: 'Platform plan' })).toBeInTheDocument()
    second.unmount()

    renderBilling(<SubscriptionsPanel />, { provider: { brandName: '' }, locale: 'es' })
    expect(await screen.findByRole('heading', { name: 'Plataforma' })).toBeInTheDocument()
  })

  it('follows the host outline with headingLevel', async () => {
    renderBilling(<SubscriptionsPanel headingLevel={3} />)
    await card('Agency Pro Plan')
    expect(screen.getByRole('heading', { name: 'Manage subscriptions', level: 3 })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Resale subscriptions', level: 4 })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Agency Pro Plan', level: 5 })).toBeInTheDocument()
  })

  it('passes className, style and DOM props to its outer element, host class last', async () => {
    renderBilling(<SubscriptionsPanel className="host-subs" style={{ maxWidth: 700 }} data-testid="subs" id="subs" />)
    const panel = screen.getByTestId('subs')
    expect(panel.className.split(' ').at(-1)).toBe('host-subs')
    expect(panel).toHaveClass('bp-root', 'bp-subscriptions-panel')
    expect(panel).toHaveAttribute('data-slot', 'subscriptions-panel')
    expect(panel).toHaveAttribute('id', 'subs')
    expect(panel.style.maxWidth).toBe('700px')
  })
})

describe('SubscriptionsPanel: loading, empty, error, read-only', () => {
  it('shows a skeleton that says it is loading', () => {
    const memory = memoryAt()
    const adapter: BillingAdapter = { ...memory, listSubscriptions: () => new Promise<Subscription[]>(() => {}) }
    renderBilling(<SubscriptionsPanel />, { adapter })
    expect(live('status').map((s) => s.textContent)).toEqual(['Loading subscriptions…'])
    expect(screen.getByRole('region', { name: 'Manage subscriptions' })).toHaveAttribute('aria-busy', 'true')
    expect(screen.queryByRole('article')).not.toBeInTheDocument()
  })

  it('shows an empty state in each group when there is nothing, and no alert', async () => {
    renderBilling(<SubscriptionsPanel onUpdatePaymentMethod={() => {}} />, { memory: { empty: true } })
    expect(await screen.findByText('No platform plan')).toBeInTheDocument()
    expect(screen.getByText('No resale subscriptions')).toBeInTheDocument()
    expect(screen.getByText('No marketplace apps')).toBeInTheDocument()
    expect(group('Resale subscriptions')).toHaveTextContent('0 subscriptions')
    expect(screen.queryByRole('article')).not.toBeInTheDocument()
    expect(live('alert')).toEqual([])
  })

  it('says the list could not load, in words, and loads it on retry', async () => {
    const { user, memory } = renderBilling(<SubscriptionsPanel />, {
      memory: { faults: { listSubscriptions: { code: 'unavailable', mode: 'once' } } },
    })
    const alert = await findAlert()
    expect(alert).toHaveTextContent("We couldn't load your subscriptions")
    expect(alert).toHaveTextContent('The billing service is unavailable right now. Try again in a few minutes.')
    expect(alert).not.toHaveTextContent('Simulated')
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await card('Agency Pro Plan')).toBeInTheDocument()
    expect(memory.calls.listSubscriptions).toBe(2)
  })

  it('shows everything but no action when read-only, and says it is view only', async () => {
    renderBilling(<SubscriptionsPanel onUpdatePaymentMethod={() => {}} />, { provider: { readOnly: true } })
    await card('Agency Pro Plan')
    expect(screen.getByText('View only')).toBeInTheDocument()
    expect(screen.queryAllByRole('button')).toEqual([])
    expect(within(await card('Automatic Reviews')).getByText('Cancels on Dec 12, 2026')).toBeInTheDocument()
    // Opening the app's own page changes nothing here.
    expect(within(await card('Appointments Pro')).getByRole('link', { name: /Manage app/ })).toBeInTheDocument()
  })

  it('offers only the actions the adapter has', async () => {
    const memory = memoryAt()
    const { cancelSubscription, changePlan, ...withoutCancelOrPlan } = memory
    void cancelSubscription
    void changePlan
    renderBilling(<SubscriptionsPanel />, { adapter: withoutCancelOrPlan })
    await card('Agency Pro Plan')
    expect(screen.queryByRole('button', { name: 'Cancel subscription' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Change plan' })).not.toBeInTheDocument()
    expect(
      within(await card('Automatic Reviews')).getByRole('button', { name: 'Resume subscription' }),
    ).toBeInTheDocument()
    expect(screen.queryByText('View only')).not.toBeInTheDocument()
  })

  it('offers nothing for a canceled subscription', async () => {
    const memory = memoryAt()
    const adapter: BillingAdapter = {
      ...memory,
      listSubscriptions: async () =>
        (await memory.listSubscriptions()).map((s) =>
          s.id === 'sub_reviews_app' ? { ...s, status: 'canceled' as const, canceledAt: '2026-11-20T10:00:00Z' } : s,
        ),
    }
    renderBilling(<SubscriptionsPanel />, { adapter })
    const reviews = await card('Automatic Reviews')
    expect(within(reviews).getByText('Canceled')).toHaveAttribute('data-state', 'canceled')
    expect(within(reviews).getByText('Ended on Nov 20, 2026')).toBeInTheDocument()
    expect(within(reviews).queryByRole('button')).not.toBeInTheDocument()
  })
})

async function openCancel(user: ReturnType<typeof renderBilling>['user'], name: string) {
  await user.click(within(await card(name)).getByRole('button', { name: 'Cancel subscription' }))
  return screen.findByRole('dialog', { name: `Cancel ${name}?` })
}

describe('SubscriptionsPanel: cancel at period end', () => {
  it('says when access ends and what happens to usage and the wallet, then cancels with the reason', async () => {
    const memory = memoryAt()
    const inputs: CancelSubscriptionInput[] = []
    const adapter: BillingAdapter = {
      ...memory,
      cancelSubscription: (input) => {
        inputs.push(input)
        return memory.cancelSubscription(input)
      },
    }
    const onCanceled = vi.fn()
    const { user } = renderBilling(<SubscriptionsPanel onCanceled={onCanceled} />, { adapter })
    const seo = await card('Local SEO service')
    const dialog = await openCancel(user, 'Local SEO service')
    expect(dialog).toHaveAccessibleDescription(
      "You'll keep access until December 1, 2026. After that it won't renew and you won't be charged again.",
    )
    expect(
      within(dialog).getByText('Your wallet balance and complimentary credits stay in your account.'),
    ).toBeInTheDocument()
    expect(within(dialog).getByText('Usage billed to this service stops on December 1, 2026.')).toBeInTheDocument()
    expect(within(dialog).getByText('You can resume it any time before December 1, 2026.')).toBeInTheDocument()
    // Nothing is chosen for the person.
    expect(
      within(dialog)
        .getAllByRole('radio')
        .filter((r) => r.getAttribute('aria-checked') === 'true'),
    ).toEqual([])

    await user.click(within(dialog).getByRole('radio', { name: 'Too expensive' }))
    await user.type(within(dialog).getByRole('textbox', { name: 'Anything else you want to tell us?' }), 'Budget cuts')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel subscription' }))
    await dialogClosed()

    expect(inputs).toEqual([{ subscriptionId: 'sub_local_seo', reason: 'too_expensive', comment: 'Budget cuts' }])
    expect(within(seo).getByText('Cancels on Dec 1, 2026')).toBeInTheDocument()
    expect(within(seo).queryByText(/Renews on/)).not.toBeInTheDocument()
    expect(within(seo).getByRole('button', { name: 'Resume subscription' })).toBeInTheDocument()
    expect(within(seo).queryByRole('button', { name: 'Cancel subscription' })).not.toBeInTheDocument()
    expect(onCanceled).toHaveBeenCalledWith(expect.objectContaining({ id: 'sub_local_seo', cancelAtPeriodEnd: true }))
    await waitFor(() => expect(politeAnnouncement()).toBe('Local SEO service is set to cancel on December 1, 2026.'))
    // The change is the adapter's, not only the screen's.
    expect((await memory.listSubscriptions()).find((s) => s.id === 'sub_local_seo')?.cancelAtPeriodEnd).toBe(true)
  })

  it('sends no reason when none was given, and keeping the subscription changes nothing', async () => {
    const memory = memoryAt()
    const inputs: CancelSubscriptionInput[] = []
    const adapter: BillingAdapter = {
      ...memory,
      cancelSubscription: (input) => {
        inputs.push(input)
        return memory.cancelSubscription(input)
      },
    }
    const { user } = renderBilling(<SubscriptionsPanel />, { adapter })
    let dialog = await openCancel(user, 'Agency Pro Plan')
    await user.click(within(dialog).getByRole('button', { name: 'Keep subscription' }))
    await dialogClosed()
    expect(inputs).toEqual([])
    expect(within(await card('Agency Pro Plan')).getByText('Renews on Dec 8, 2026')).toBeInTheDocument()

    dialog = await openCancel(user, 'Agency Pro Plan')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel subscription' }))
    await dialogClosed()
    expect(inputs).toEqual([{ subscriptionId: 'sub_platform' }])
  })

  it('asks the adapter once however often the button is pressed', async () => {
    const memory = memoryAt({ latency: 60 })
    const { user } = renderBilling(<SubscriptionsPanel />, { adapter: memory })
    const dialog = await openCancel(user, 'Local SEO service')
    await user.dblClick(within(dialog).getByRole('button', { name: 'Cancel subscription' }))
    await dialogClosed()
    expect(memory.calls.cancelSubscription).toBe(1)
  })
})

describe('SubscriptionsPanel: resume', () => {
  it('resumes a subscription set to cancel, shows its renewal again and announces it', async () => {
    const onResumed = vi.fn()
    const { user, memory } = renderBilling(<SubscriptionsPanel onResumed={onResumed} />)
    const reviews = await card('Automatic Reviews')
    await user.click(within(reviews).getByRole('button', { name: 'Resume subscription' }))
    await waitFor(() => expect(within(reviews).getByText('Renews on Dec 12, 2026')).toBeInTheDocument())
    expect(within(reviews).queryByText(/Cancels on/)).not.toBeInTheDocument()
    // Focus follows the button that took Resume's place.
    await waitFor(() => expect(within(reviews).getByRole('button', { name: 'Cancel subscription' })).toHaveFocus())
    expect(onResumed).toHaveBeenCalledWith(expect.objectContaining({ id: 'sub_reviews_app', cancelAtPeriodEnd: false }))
    await waitFor(() =>
      expect(politeAnnouncement()).toBe('Automatic Reviews will keep renewing. Next renewal: Dec 12, 2026.'),
    )
    expect(memory.calls.resumeSubscription).toBe(1)
  })
})

async function choosePlan(user: ReturnType<typeof renderBilling>['user'], plan: string, from = 'Agency Pro Plan') {
  await user.click(within(await card(from)).getByRole('button', { name: 'Change plan' }))
  const dialog = await screen.findByRole('dialog', { name: 'Change plan' })
  await user.click(await within(dialog).findByRole('radio', { name: plan }))
  await within(dialog).findByText('Total due today')
  return dialog
}

function figure(dialog: HTMLElement, term: string | RegExp) {
  return within(dialog).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent
}

describe('SubscriptionsPanel: change plan', () => {
  it('lists the plans, marks the current one, and offers it only on the plan subscription', async () => {
    const { user } = renderBilling(<SubscriptionsPanel />)
    expect(
      within(await card('Local SEO service')).queryByRole('button', { name: 'Change plan' }),
    ).not.toBeInTheDocument()
    await user.click(within(await card('Agency Pro Plan')).getByRole('button', { name: 'Change plan' }))
    const dialog = await screen.findByRole('dialog', { name: 'Change plan' })
    const radios = await within(dialog).findAllByRole('radio')
    expect(radios.map((r) => r.closest('[data-slot="radio-card"]')?.textContent)).toEqual([
      expect.stringContaining('Agency Starter Plan'),
      expect.stringContaining('Agency Pro Plan Current plan'),
      expect.stringContaining('Agency SaaS Pro Plan'),
    ])
    expect(within(dialog).getByRole('radio', { name: 'Agency Pro Plan Current plan' })).toBeDisabled()
    expect(within(dialog).getByText('Choose a plan to see what it costs.')).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Change plan' })).toBeDisabled()
  })

  it('previews an upgrade with its proration lines, charges it now and updates the card', async () => {
    const onPlanChanged = vi.fn()
    const { user, memory } = renderBilling(<SubscriptionsPanel onPlanChanged={onPlanChanged} />)
    const dialog = await choosePlan(user, 'Agency SaaS Pro Plan')
    expect(
      within(dialog).getByText('The new plan starts today. The rest of this period is prorated.'),
    ).toBeInTheDocument()
    expect(figure(dialog, 'Unused time on Agency Pro Plan')).toBe('-$118.80')
    expect(figure(dialog, 'Remaining time on Agency SaaS Pro Plan')).toBe('$198.80')
    expect(figure(dialog, 'Total due today')).toBe('$80.00')
    expect(figure(dialog, 'Due next cycle (December 8, 2026)')).toBe('$497.00')
    expect(within(dialog).getByText('Charged to Visa •••• 4242.')).toBeInTheDocument()
    expect(memory.calls.changePlan).toBe(0)

    await user.click(within(dialog).getByRole('button', { name: 'Pay $80.00 and change plan' }))
    await dialogClosed()
    const platform = await card('Agency SaaS Pro Plan')
    expect(within(platform).getByText('$497.00 / month')).toBeInTheDocument()
    expect(onPlanChanged).toHaveBeenCalledWith(expect.objectContaining({ planId: 'plan_agency_saas_pro' }))
    await waitFor(() => expect(politeAnnouncement()).toBe('Your plan is now Agency SaaS Pro Plan.'))
    expect(memory.calls.changePlan).toBe(1)
    const charges = await memory.listLedger({ filter: { types: ['subscription_charge'] }, limit: 5 })
    expect(charges.entries[0]).toMatchObject({
      amount: { amount: -8000, currency: 'USD' },
      createdAt: NOW.toISOString(),
    })
  })

  it('schedules a downgrade for the renewal and charges nothing today', async () => {
    const { user, memory } = renderBilling(<SubscriptionsPanel />)
    const dialog = await choosePlan(user, 'Agency Starter Plan')
    expect(
      within(dialog).getByText(
        'The new plan starts on December 8, 2026, at your next renewal. Nothing is charged today.',
      ),
    ).toBeInTheDocument()
    expect(figure(dialog, 'Total due today')).toBe('$0.00')
    expect(figure(dialog, 'Due next cycle (December 8, 2026)')).toBe('$97.00')
    expect(within(dialog).queryByText(/Charged to/)).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Change plan at renewal' }))
    await dialogClosed()
    await waitFor(() => expect(politeAnnouncement()).toBe('Agency Starter Plan starts on December 8, 2026.'))
    const charges = await memory.listLedger({ filter: { types: ['subscription_charge'] }, limit: 5 })
    expect(charges.entries.filter((e) => e.createdAt === NOW.toISOString())).toEqual([])
  })

  it('retries with the same idempotency key and starts a new one for the next change', async () => {
    const memory = memoryAt({ faults: { changePlan: { code: 'timeout', mode: 'once' } } })
    const inputs: ChangePlanInput[] = []
    const adapter: BillingAdapter = {
      ...memory,
      changePlan: (input) => {
        inputs.push(input)
        return memory.changePlan(input)
      },
    }
    const { user } = renderBilling(<SubscriptionsPanel />, { adapter })
    let dialog = await choosePlan(user, 'Agency SaaS Pro Plan')
    await user.click(within(dialog).getByRole('button', { name: 'Pay $80.00 and change plan' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('took too long to answer')
    // Closing and coming back is still the same intent: the plan stays chosen, the key too.
    await user.click(within(dialog).getByRole('button', { name: 'Keep current plan' }))
    await dialogClosed()
    await user.click(within(await card('Agency Pro Plan')).getByRole('button', { name: 'Change plan' }))
    dialog = await screen.findByRole('dialog', { name: 'Change plan' })
    expect(await within(dialog).findByRole('radio', { name: 'Agency SaaS Pro Plan' })).toBeChecked()
    await user.click(await within(dialog).findByRole('button', { name: 'Pay $80.00 and change plan' }))
    await dialogClosed()
    expect(inputs.map((i) => i.planId)).toEqual(['plan_agency_saas_pro', 'plan_agency_saas_pro'])
    expect(inputs[1].idempotencyKey).toBe(inputs[0].idempotencyKey)

    // The card is named after its new plan now.
    dialog = await choosePlan(user, 'Agency Starter Plan', 'Agency SaaS Pro Plan')
    await user.click(within(dialog).getByRole('button', { name: 'Change plan at renewal' }))
    await dialogClosed()
    expect(inputs).toHaveLength(3)
    expect(inputs[2].idempotencyKey).not.toBe(inputs[0].idempotencyKey)
  })

  it('asks the adapter once however often Pay is pressed', async () => {
    const memory = memoryAt({ latency: 60 })
    const { user } = renderBilling(<SubscriptionsPanel />, { adapter: memory })
    const dialog = await choosePlan(user, 'Agency SaaS Pro Plan')
    await user.dblClick(within(dialog).getByRole('button', { name: 'Pay $80.00 and change plan' }))
    await dialogClosed()
    expect(memory.calls.changePlan).toBe(1)
  })

  it('completes 3-D Secure through Stripe and finishes with the same key', async () => {
    const memory = memoryAt({ faults: { changePlan: { code: 'requires_action', mode: 'once' } } })
    const keys: string[] = []
    const adapter: BillingAdapter = {
      ...memory,
      changePlan: (input) => {
        keys.push(input.idempotencyKey)
        return memory.changePlan(input)
      },
    }
    const { user, fakeStripe } = renderBilling(<SubscriptionsPanel />, { adapter })
    const dialog = await choosePlan(user, 'Agency SaaS Pro Plan')
    await user.click(within(dialog).getByRole('button', { name: 'Pay $80.00 and change plan' }))
    await dialogClosed()
    expect(fakeStripe.calls.handleNextAction).toHaveLength(1)
    expect(keys).toEqual([keys[0], keys[0]])
    expect(await card('Agency SaaS Pro Plan')).toBeInTheDocument()
  })
})

describe('subscriptionStatusTone', () => {
  it('colours each known status and keeps anything else neutral', () => {
    expect(subscriptionStatusTone('active')).toBe('success')
    expect(subscriptionStatusTone('trialing')).toBe('info')
    expect(subscriptionStatusTone('past_due')).toBe('danger')
    expect(subscriptionStatusTone('paused')).toBe('warning')
    expect(subscriptionStatusTone('incomplete')).toBe('warning')
    expect(subscriptionStatusTone('canceled')).toBe('neutral')
    expect(subscriptionStatusTone('unknown')).toBe('neutral')
    expect(subscriptionStatusTone('toString')).toBe('neutral')
    expect(subscriptionStatusTone('suspended_by_partner')).toBe('neutral')
  })
})
