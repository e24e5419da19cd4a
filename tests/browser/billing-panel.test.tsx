import { configure, screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { cdp, page } from 'vitest/browser'
import { createMemoryAdapter } from '../../src/adapter/memory'
import { BillingPanel, type BillingSection } from '../../src/components/BillingPanel'
import { axeViolations, NOW, renderBilling } from '../support/render'

type User = ReturnType<typeof renderBilling>['user']

function memoryAt(options: Parameters<typeof createMemoryAdapter>[0] = {}) {
  return createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en', ...options })
}

const tab = (name: string) => screen.getByRole('tab', { name })

/** The open section: the one tab panel on screen. */
function openPanel() {
  return screen.getByRole('tabpanel')
}

/** Presses Tab until `target` has focus, the way a keyboard user would move; fails if it never does. */
async function tabTo(user: User, target: () => HTMLElement, max = 30) {
  for (let i = 0; i < max; i++) {
    if (document.activeElement === target()) return
    await user.tab()
  }
  expect(document.activeElement).toBe(target())
}

/** Every heading in the panel, in reading order, as "h<level> <name>". */
function outline() {
  return [...document.querySelectorAll('[data-slot="billing-panel"] :is(h1, h2, h3, h4, h5, h6)')].map(
    (h) => `${h.tagName.toLowerCase()} ${h.textContent}`,
  )
}

/** Lets open animations end: axe measures contrast on what is painted, fades included. */
async function settled() {
  await Promise.all(
    document
      .getAnimations()
      .filter((animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
      .map((animation) => animation.finished.catch(() => undefined)),
  )
}

// A section's code may be fetched (and, on this dev server, compiled) for the first time in any
// test, whichever runs alone: give it time before calling it missing.
configure({ asyncUtilTimeout: 10_000 })

beforeEach(async () => {
  await page.viewport(1280, 900)
})

afterEach(async () => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  const session = cdp()
  await session.send('Network.setBlockedURLs', { urls: [] })
  await session.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  })
})

// This comes first: each browser test file gets a fresh page, and code fetched once stays. A section
// whose code fails to load has its own file (billing-panel-load-failure.test.tsx): a browser that
// never fetches a failed module again would leave that section broken for every later test here.
describe('BillingPanel in Chromium: sections load on demand', () => {
  it('shows Payments with the panel, no section fetch, and asks for the other sections once the browser is idle', async () => {
    const session = cdp()
    await session.send('Network.enable')
    // Subscriptions and Wallet come in one chunk (laterSections).
    const asked: string[] = []
    const onRequest = (event: { request: { url: string } }) => asked.push(event.request.url)
    session.on('Network.requestWillBeSent', onRequest)
    renderBilling(<BillingPanel />)
    await screen.findByRole('list', { name: 'Saved payment methods' })
    await waitFor(() => expect(asked.some((url) => url.includes('/BillingPanel/laterSections'))).toBe(true))
    session.off('Network.requestWillBeSent', onRequest)
    // Payments ships with the panel: its list showed without fetching any section's code.
    expect(asked.some((url) => url.includes('/BillingPanel/PaymentsSection'))).toBe(false)
    // Nobody touched a tab: Payments is still the section on screen.
    expect(tab('Payments')).toHaveAttribute('aria-selected', 'true')
  })
})

describe('BillingPanel in Chromium: tabs', () => {
  it('moves between tabs with the arrow keys, Home and End, and opens one only on Enter or Space', async () => {
    const { user } = renderBilling(<BillingPanel />)
    await screen.findByRole('list', { name: 'Saved payment methods' })
    // Tab into the list lands on the open tab.
    await tabTo(user, () => tab('Payments'))
    expect(tab('Payments')).toHaveAttribute('aria-selected', 'true')

    await user.keyboard('{ArrowRight}')
    expect(tab('Subscriptions')).toHaveFocus()
    // Manual activation: focus alone opens nothing.
    expect(tab('Subscriptions')).toHaveAttribute('aria-selected', 'false')
    expect(within(openPanel()).getByRole('list', { name: 'Saved payment methods' })).toBeVisible()

    await user.keyboard('{Enter}')
    expect(tab('Subscriptions')).toHaveAttribute('aria-selected', 'true')
    expect(await within(openPanel()).findByRole('heading', { name: 'Manage subscriptions' })).toBeVisible()
    expect(screen.queryByRole('list', { name: 'Saved payment methods' })).not.toBeInTheDocument()

    await user.keyboard('{End}')
    expect(tab('Wallet & Transactions')).toHaveFocus()
    await user.keyboard('{Home}')
    expect(tab('Payments')).toHaveFocus()
    // Wraps around both ways.
    await user.keyboard('{ArrowLeft}')
    expect(tab('Wallet & Transactions')).toHaveFocus()
    await user.keyboard('{ArrowRight}')
    expect(tab('Payments')).toHaveFocus()
    await user.keyboard('{ArrowRight}{ArrowRight}')
    expect(tab('Wallet & Transactions')).toHaveFocus()
    await user.keyboard(' ')
    expect(tab('Wallet & Transactions')).toHaveAttribute('aria-selected', 'true')
    expect(await within(openPanel()).findByRole('heading', { name: 'Wallet' })).toBeVisible()

    // One tab stop for the list: the next Tab goes to the open section, Shift+Tab comes back to its tab.
    await user.tab()
    expect(openPanel()).toHaveFocus()
    expect(openPanel()).toHaveAccessibleName('Wallet & Transactions')
    await user.tab({ shift: true })
    expect(tab('Wallet & Transactions')).toHaveFocus()
    expect(screen.getAllByRole('tab').filter((t) => t.tabIndex === 0)).toEqual([tab('Wallet & Transactions')])
  })

  it('follows a controlled section and only asks the host to change it', async () => {
    const onSectionChange = vi.fn()
    const { user } = renderBilling(<BillingPanel section="wallet" onSectionChange={onSectionChange} />)
    expect(await within(openPanel()).findByRole('heading', { name: 'Wallet' })).toBeVisible()
    await user.click(tab('Payments'))
    expect(onSectionChange).toHaveBeenCalledWith('payments')
    // The host did not move: the wallet stays open.
    expect(tab('Wallet & Transactions')).toHaveAttribute('aria-selected', 'true')
    expect(within(openPanel()).getByRole('heading', { name: 'Wallet' })).toBeVisible()
  })

  it('lets a host router drive the section and hears every change the user makes', async () => {
    const changes: BillingSection[] = []
    function HostRouter() {
      const [section, setSection] = useState<BillingSection>('subscriptions')
      return (
        <>
          <button type="button" onClick={() => setSection('payments')}>
            Go to payments
          </button>
          <BillingPanel
            section={section}
            onSectionChange={(next) => {
              changes.push(next)
              setSection(next)
            }}
          />
        </>
      )
    }
    const { user } = renderBilling(<HostRouter />)
    expect(await within(openPanel()).findByRole('heading', { name: 'Manage subscriptions' })).toBeVisible()
    await user.click(tab('Wallet & Transactions'))
    expect(await within(openPanel()).findByRole('heading', { name: 'Wallet' })).toBeVisible()
    await user.click(screen.getByRole('button', { name: 'Go to payments' }))
    expect(tab('Payments')).toHaveAttribute('aria-selected', 'true')
    expect(await within(openPanel()).findByRole('list', { name: 'Saved payment methods' })).toBeVisible()
    // Only the user's own change is reported, not the host's.
    expect(changes).toEqual(['wallet'])
  })

  it('starts on the section a host names, uncontrolled', async () => {
    renderBilling(<BillingPanel defaultSection="subscriptions" />)
    expect(tab('Subscriptions')).toHaveAttribute('aria-selected', 'true')
    expect(await within(openPanel()).findByRole('heading', { name: 'Manage subscriptions' })).toBeVisible()
  })
})

describe('BillingPanel in Chromium: outline', () => {
  it('fits the host outline: title at headingLevel, sections below it, their cards below those', async () => {
    const first = renderBilling(<BillingPanel headingLevel={1} />)
    await screen.findByRole('heading', { name: 'Billing information', level: 3 })
    expect(outline()).toEqual(['h1 Billing', 'h2 Payments', 'h3 Payment methods', 'h3 Billing information'])
    first.unmount()

    renderBilling(<BillingPanel headingLevel={3} hideTitle />)
    await screen.findByRole('heading', { name: 'Billing information', level: 4 })
    expect(outline()).toEqual(['h3 Billing', 'h4 Payments', 'h4 Payment methods', 'h4 Billing information'])
    // Hidden from sight, still there for screen readers.
    expect(screen.getByRole('heading', { name: 'Billing', level: 3 })).toHaveClass('bp-visually-hidden')
  })
})

describe('BillingPanel in Chromium: across sections', () => {
  it('a past-due subscription leads to Payments, where the card can be changed', async () => {
    const { user } = renderBilling(<BillingPanel defaultSection="subscriptions" />)
    const update = await within(openPanel()).findByRole('button', { name: 'Update payment method' })
    await user.click(update)
    expect(tab('Payments')).toHaveAttribute('aria-selected', 'true')
    expect(await within(openPanel()).findByRole('list', { name: 'Saved payment methods' })).toBeVisible()
    expect(screen.queryByRole('heading', { name: 'Manage subscriptions' })).not.toBeInTheDocument()
  })

  it('the wallet\'s "Add a card" opens the add-card dialog in Payments, and the new card is then a choice for top-ups', async () => {
    const memory = memoryAt({ empty: true })
    const { user } = renderBilling(<BillingPanel defaultSection="wallet" />, { adapter: memory })
    await user.click(await within(openPanel()).findByRole('button', { name: 'Add funds' }))
    const addFunds = await screen.findByRole('dialog', { name: 'Add funds' })
    await user.click(await within(addFunds).findByRole('button', { name: 'Add a card' }))

    const dialog = await screen.findByRole('dialog', { name: 'Add new card' })
    expect(screen.queryByRole('dialog', { name: 'Add funds' })).not.toBeInTheDocument()
    // Behind the modal dialog, Payments is the open section.
    expect(screen.getByRole('tab', { name: 'Payments', hidden: true })).toHaveAttribute('aria-selected', 'true')
    await user.type(await within(dialog).findByLabelText('Card number'), '4242424242424242')
    await user.type(within(dialog).getByLabelText('Expiration date (MM / YY)'), '1234')
    await user.type(within(dialog).getByLabelText('CVC'), '123')
    await waitFor(() => expect(dialog).toHaveAttribute('data-step', 'ready'))
    await user.click(within(dialog).getByRole('button', { name: 'Save card' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(await within(openPanel()).findByRole('listitem', { name: 'Visa •••• 4242' })).toBeVisible()
    expect(memory.calls.attachPaymentMethod).toBe(1)

    await user.click(tab('Wallet & Transactions'))
    await user.click(await within(openPanel()).findByRole('button', { name: 'Add funds' }))
    const again = await screen.findByRole('dialog', { name: 'Add funds' })
    expect(await within(again).findByRole('radio', { name: /Visa •••• 4242/ })).toBeChecked()
    expect(within(again).queryByRole('button', { name: 'Add a card' })).not.toBeInTheDocument()
  })
})

describe('BillingPanel in Chromium: accessibility and layout', () => {
  it('is axe-clean in every section, light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const view = renderBilling(<BillingPanel />, { provider: { appearance: { theme } } })
      await screen.findByRole('list', { name: 'Saved payment methods' })
      await screen.findByRole('heading', { name: 'Billing information' })
      await settled()
      expect(await axeViolations(document.body)).toEqual([])

      await view.user.click(tab('Subscriptions'))
      await within(openPanel()).findAllByRole('heading', { name: /Google Ads/ })
      await settled()
      expect(await axeViolations(document.body)).toEqual([])

      await view.user.click(tab('Wallet & Transactions'))
      await within(openPanel()).findByRole('heading', { name: 'Charges and transaction history' })
      await waitFor(() => expect(openPanel().querySelector('[aria-busy="true"]')).toBeNull())
      await settled()
      expect(await axeViolations(document.body)).toEqual([])
      view.unmount()
    }
  })

  it('fits 320 px: the tabs scroll within the panel, the page never scrolls sideways', async () => {
    await page.viewport(320, 800)
    const { user } = renderBilling(<BillingPanel />, { locale: 'es' })
    await screen.findByRole('list', { name: 'Métodos de pago guardados' })
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320)
    const list = screen.getByRole('tablist', { name: 'Secciones de facturación' })
    expect(list.getBoundingClientRect().right).toBeLessThanOrEqual(320)
    await user.click(tab('Cartera y Transacciones'))
    await within(openPanel()).findByRole('heading', { name: 'Cartera' })
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320)
  })
})
