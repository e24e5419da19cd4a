import '../../src/components/SubscriptionsPanel/SubscriptionsPanel.css'
import { screen, waitFor, within } from '@testing-library/react'
import { page } from 'vitest/browser'
import { createMemoryAdapter } from '../../src/adapter/memory'
import type { BillingAdapter, Subscription } from '../../src/adapter/types'
import { SubscriptionsPanel } from '../../src/components/SubscriptionsPanel'
import { axeViolations, NOW, renderBilling } from '../support/render'

type User = ReturnType<typeof renderBilling>['user']

vi.setConfig({ testTimeout: 30_000 })

async function card(name: string) {
  return screen.findByRole('article', { name })
}

async function dialogClosed() {
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
}

/** Presses Tab until `target` has focus, the way a keyboard user would move; fails if it never does. */
async function tabTo(user: User, target: () => HTMLElement, max = 40) {
  for (let i = 0; i < max; i++) {
    if (document.activeElement === target()) return
    await user.tab()
  }
  expect(document.activeElement).toBe(target())
}

/** A held arrow key, released once focus has moved (Radix radio groups move focus a tick after keydown). */
async function pressArrow(user: User, key: 'ArrowDown' | 'ArrowUp') {
  const before = document.activeElement
  await user.keyboard(`{${key}>}`)
  await waitFor(() => expect(document.activeElement).not.toBe(before))
  await user.keyboard(`{/${key}}`)
}

/** Lets opening animations (fades, pops) end, since axe measures contrast on what is painted; loops never end. */
async function axeClean() {
  const opening = document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
  await Promise.all(opening.map((animation) => animation.finished.catch(() => undefined)))
  return axeViolations(document.body)
}

beforeEach(async () => {
  await page.viewport(1280, 900)
})

describe('SubscriptionsPanel in Chromium: keyboard only', () => {
  it('cancels at period end with a reason, and lands on Resume afterwards', async () => {
    const onCanceled = vi.fn()
    const { user, memory } = renderBilling(<SubscriptionsPanel onCanceled={onCanceled} />)
    const seo = await card('Local SEO service')
    const cancelButton = () => within(seo).getByRole('button', { name: 'Cancel subscription' })
    await tabTo(user, cancelButton)
    await user.keyboard('{Enter}')
    const dialog = await screen.findByRole('dialog', { name: 'Cancel Local SEO service?' })
    // The dialog starts on itself, so what happens is read before any choice.
    await waitFor(() => expect(dialog).toHaveFocus())

    await user.tab()
    const first = within(dialog).getByRole('radio', { name: 'Too expensive' })
    expect(first).toHaveFocus()
    expect(first).not.toBeChecked()
    await pressArrow(user, 'ArrowDown')
    expect(within(dialog).getByRole('radio', { name: "It's missing features I need" })).toBeChecked()
    await user.tab()
    expect(within(dialog).getByRole('textbox', { name: 'Anything else you want to tell us?' })).toHaveFocus()
    await user.keyboard('Need reporting')
    await tabTo(user, () => within(dialog).getByRole('button', { name: 'Cancel subscription' }))
    await user.keyboard('{Enter}')
    await dialogClosed()

    expect(within(seo).getByText('Cancels on Dec 1, 2026')).toBeVisible()
    await waitFor(() => expect(within(seo).getByRole('button', { name: 'Resume subscription' })).toHaveFocus())
    expect(onCanceled).toHaveBeenCalledTimes(1)
    expect(memory.calls.cancelSubscription).toBe(1)
    const stored = (await memory.listSubscriptions()).find((s) => s.id === 'sub_local_seo')
    expect(stored?.cancelAtPeriodEnd).toBe(true)
  })

  it('Escape closes the cancel dialog without canceling and returns focus to its button', async () => {
    const { user, memory } = renderBilling(<SubscriptionsPanel />)
    const platform = await card('Agency Pro Plan')
    const cancelButton = () => within(platform).getByRole('button', { name: 'Cancel subscription' })
    await tabTo(user, cancelButton)
    await user.keyboard('{Enter}')
    await screen.findByRole('dialog')
    await user.keyboard('{Escape}')
    await dialogClosed()
    expect(cancelButton()).toHaveFocus()
    expect(memory.calls.cancelSubscription).toBe(0)
  })

  it('resumes, and focus moves to the Cancel button that replaces Resume', async () => {
    const onResumed = vi.fn()
    const { user } = renderBilling(<SubscriptionsPanel onResumed={onResumed} />)
    const reviews = await card('Automatic Reviews')
    await tabTo(user, () => within(reviews).getByRole('button', { name: 'Resume subscription' }))
    await user.keyboard('{Enter}')
    await waitFor(() => expect(within(reviews).getByRole('button', { name: 'Cancel subscription' })).toHaveFocus())
    expect(within(reviews).getByText('Renews on Dec 12, 2026')).toBeVisible()
    expect(onResumed).toHaveBeenCalledTimes(1)
  })

  it('changes plan: arrows pick a plan (skipping the current one), the quote shows, Enter pays', async () => {
    const { user, memory } = renderBilling(<SubscriptionsPanel />)
    const platform = await card('Agency Pro Plan')
    const changeButton = () => within(platform).getByRole('button', { name: 'Change plan' })
    await tabTo(user, changeButton)
    await user.keyboard('{Enter}')
    const dialog = await screen.findByRole('dialog', { name: 'Change plan' })
    const starter = await within(dialog).findByRole('radio', { name: 'Agency Starter Plan' })
    await tabTo(user, () => starter)
    await pressArrow(user, 'ArrowDown')
    const saasPro = within(dialog).getByRole('radio', { name: 'Agency SaaS Pro Plan' })
    expect(saasPro).toHaveFocus()
    expect(saasPro).toBeChecked()
    await waitFor(() => expect(within(dialog).getByText('Total due today')).toBeVisible())
    await tabTo(user, () => within(dialog).getByRole('button', { name: 'Pay $80.00 and change plan' }))
    await user.keyboard('{Enter}')
    await dialogClosed()
    const renamed = await card('Agency SaaS Pro Plan')
    expect(within(renamed).getByText('$497.00 / month')).toBeVisible()
    // Its opener is still there: focus goes back to it.
    await waitFor(() => expect(within(renamed).getByRole('button', { name: 'Change plan' })).toHaveFocus())
    expect(memory.calls.changePlan).toBe(1)
  })

  it('reaches the past-due action with the keyboard', async () => {
    const onUpdatePaymentMethod = vi.fn()
    const { user } = renderBilling(<SubscriptionsPanel onUpdatePaymentMethod={onUpdatePaymentMethod} />)
    await card('Google Ads campaigns')
    await tabTo(user, () => screen.getByRole('button', { name: 'Update payment method' }), 5)
    await user.keyboard('{Enter}')
    expect(onUpdatePaymentMethod).toHaveBeenCalledTimes(1)
  })
})

describe('SubscriptionsPanel in Chromium: axe', () => {
  it('is axe clean populated, and with the cancel and change-plan dialogs open', async () => {
    const { user } = renderBilling(<SubscriptionsPanel onUpdatePaymentMethod={() => {}} />)
    await card('Agency Pro Plan')
    await screen.findAllByText('Visa •••• 4242 (default)')
    expect(await axeClean()).toEqual([])

    await user.click(within(await card('Local SEO service')).getByRole('button', { name: 'Cancel subscription' }))
    const cancelDialog = await screen.findByRole('dialog')
    await user.click(within(cancelDialog).getByRole('radio', { name: 'Other reason' }))
    expect(await axeClean()).toEqual([])
    await user.keyboard('{Escape}')
    await dialogClosed()

    await user.click(within(await card('Agency Pro Plan')).getByRole('button', { name: 'Change plan' }))
    const planDialog = await screen.findByRole('dialog')
    await user.click(await within(planDialog).findByRole('radio', { name: 'Agency SaaS Pro Plan' }))
    await within(planDialog).findByText('Total due today')
    expect(await axeClean()).toEqual([])
  })

  it('is axe clean with errors in the dialog and the card, in dark', async () => {
    const { user, memory } = renderBilling(<SubscriptionsPanel />, { provider: { appearance: { theme: 'dark' } } })
    memory.setFaults({ cancelSubscription: 'network', resumeSubscription: 'forbidden' })
    const reviews = await card('Automatic Reviews')
    await user.click(within(reviews).getByRole('button', { name: 'Resume subscription' }))
    await within(reviews).findByRole('alert')
    expect(await axeClean()).toEqual([])

    await user.click(within(await card('Local SEO service')).getByRole('button', { name: 'Cancel subscription' }))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel subscription' }))
    await within(dialog).findByRole('alert')
    expect(await axeClean()).toEqual([])
  })

  it('is axe clean loading, failed, empty, read-only and in Spanish dark', async () => {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en' })
    const loading = renderBilling(<SubscriptionsPanel />, {
      adapter: { ...memory, listSubscriptions: () => new Promise<Subscription[]>(() => {}) },
    })
    expect(await axeClean()).toEqual([])
    loading.unmount()

    const failed = renderBilling(<SubscriptionsPanel />, { memory: { faults: { listSubscriptions: 'timeout' } } })
    await screen.findByRole('button', { name: 'Try again' })
    expect(await axeClean()).toEqual([])
    failed.unmount()

    const empty = renderBilling(<SubscriptionsPanel />, { memory: { empty: true } })
    await screen.findByText('No marketplace apps')
    expect(await axeClean()).toEqual([])
    empty.unmount()

    const readOnly = renderBilling(<SubscriptionsPanel />, { provider: { readOnly: true } })
    await card('Agency Pro Plan')
    expect(await axeClean()).toEqual([])
    readOnly.unmount()

    renderBilling(<SubscriptionsPanel />, { locale: 'es', provider: { appearance: { theme: 'dark' } } })
    await card('Plan Agencia Pro')
    await screen.findAllByText('Visa •••• 4242 (principal)')
    expect(await axeClean()).toEqual([])
  })
})

describe('SubscriptionsPanel in Chromium: layout', () => {
  const LONG_NAME = `Servicio ${'Extraordinario'.repeat(700)}`

  function withLongName(): BillingAdapter {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en' })
    return {
      ...memory,
      listSubscriptions: async () => {
        const list = await memory.listSubscriptions()
        return list.map((s) =>
          s.id === 'sub_local_seo'
            ? { ...s, name: LONG_NAME, description: 'y'.repeat(1500), price: null }
            : s.id === 'sub_appointments_app'
              ? ({ ...s, status: 'on_hold_pending_partner_review_by_the_marketplace_team' } as unknown as Subscription)
              : s,
        )
      },
    }
  }

  it('fits 320 px without sideways scrolling, and clamps a 10 000-character name', async () => {
    await page.viewport(320, 800)
    const { user } = renderBilling(<SubscriptionsPanel onUpdatePaymentMethod={() => {}} />, { adapter: withLongName() })
    const heading = await screen.findByRole('heading', { name: /^Servicio Extraordinario/ })
    const panel = document.querySelector<HTMLElement>('[data-slot="subscriptions-panel"]') as HTMLElement
    expect(panel.scrollWidth).toBeLessThanOrEqual(panel.clientWidth)
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320)
    for (const article of screen.getAllByRole('article')) {
      expect(article.scrollWidth).toBeLessThanOrEqual(article.clientWidth)
    }
    // Three lines at most, whatever the length.
    const lineHeight = Number.parseFloat(getComputedStyle(heading).lineHeight)
    expect(heading.getBoundingClientRect().height).toBeLessThanOrEqual(lineHeight * 3 + 1)
    const badge = within(await card('Appointments Pro')).getByText(/^on_hold/)
    expect(badge.getBoundingClientRect().right).toBeLessThanOrEqual(panel.getBoundingClientRect().right)

    await user.click(
      within(heading.closest('article') as HTMLElement).getByRole('button', { name: 'Cancel subscription' }),
    )
    const dialog = await screen.findByRole('dialog')
    expect(dialog.scrollWidth).toBeLessThanOrEqual(dialog.clientWidth)
    expect(dialog.getBoundingClientRect().right).toBeLessThanOrEqual(320)
  })

  it('shows the cancellation line in the danger colour, not only in words', async () => {
    renderBilling(<SubscriptionsPanel />)
    const line = (await card('Automatic Reviews')).querySelector('[data-slot="subscription-renewal"]') as HTMLElement
    const renews = (await card('Agency Pro Plan')).querySelector('[data-slot="subscription-renewal"]') as HTMLElement
    expect(line).toHaveAttribute('data-state', 'cancels')
    expect(getComputedStyle(line).color).not.toBe(getComputedStyle(renews).color)
  })

  it('puts price and renewal beside the name on a wide screen and under it on a narrow one', async () => {
    renderBilling(<SubscriptionsPanel />)
    const platform = await card('Agency Pro Plan')
    const name = within(platform).getByRole('heading', { name: 'Agency Pro Plan' })
    const price = within(platform).getByText('$297.00 / month')
    expect(price.getBoundingClientRect().top).toBeLessThan(name.getBoundingClientRect().bottom)
    await page.viewport(320, 800)
    await waitFor(() =>
      expect(price.getBoundingClientRect().top).toBeGreaterThanOrEqual(name.getBoundingClientRect().bottom),
    )
  })
})
