import '../../src/components/PaymentMethods/PaymentMethods.css'
import { screen, waitFor, within } from '@testing-library/react'
import { page } from 'vitest/browser'
import { createMemoryAdapter, SEED_CARDS } from '../../src/adapter/memory'
import { PaymentMethods } from '../../src/components/PaymentMethods'
import { createFailingStripeLoader } from '../../src/testing'
import { axeViolations, NOW, renderBilling } from '../support/render'

type User = ReturnType<typeof renderBilling>['user']

function memoryAt(options: Parameters<typeof createMemoryAdapter>[0] = {}) {
  return createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en', ...options })
}

function section() {
  const found = document.querySelector<HTMLElement>('[data-slot="payment-methods"]')
  if (!found) throw new Error('The payment methods section is not on the page')
  return found
}

function rowNames() {
  return [...section().querySelectorAll('[data-slot="payment-method-row"] .bp-pm-name')].map((n) => n.textContent)
}

/** Presses Tab until `target` has focus, the way a keyboard user would move; fails if it never does. */
async function tabTo(user: User, target: () => HTMLElement, max = 30) {
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
async function pressArrow(user: User, key: 'ArrowRight' | 'ArrowDown') {
  const before = document.activeElement
  await user.keyboard(`{${key}>}`)
  await waitFor(() => expect(document.activeElement).not.toBe(before))
  await user.keyboard(`{/${key}}`)
}

/** Lets open animations end: axe measures contrast on what is painted, fades included. */
async function settled() {
  await Promise.all(
    document
      .getAnimations()
      // Shimmers and spinners never finish.
      .filter((animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
      .map((animation) => animation.finished.catch(() => undefined)),
  )
}

async function dialogClosed(role: 'dialog' | 'alertdialog' = 'dialog') {
  await waitFor(() => expect(screen.queryByRole(role)).not.toBeInTheDocument())
}

/** A rejecting Stripe source that only fails when awaited (no unhandled rejection before). */
function unreachableStripe() {
  let attempts = 0
  const source: PromiseLike<never> = {
    // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose, like a host's promise
    then: (onFulfilled, onRejected) => {
      attempts += 1
      return createFailingStripeLoader()().then(onFulfilled, onRejected)
    },
  }
  return { source, attempts: () => attempts }
}

beforeEach(async () => {
  await page.viewport(1280, 900)
})

describe('PaymentMethods in Chromium: keyboard only', () => {
  it('adds a card with the keyboard alone, and focus comes back to "Add new card"', async () => {
    const memory = memoryAt()
    const { user } = renderBilling(<PaymentMethods />, { adapter: memory })
    const add = await screen.findByRole('button', { name: 'Add new card' })
    await tabTo(user, () => add)
    await user.keyboard('{Enter}')
    const dialog = await screen.findByRole('dialog', { name: 'Add new card' })
    const number = await within(dialog).findByLabelText('Card number')
    await waitFor(() => expect(dialog).toHaveAttribute('data-step', 'ready'))
    await tabTo(user, () => number)
    await user.keyboard('4242424242424242')
    await user.tab()
    await user.keyboard('1234')
    await user.tab()
    await user.keyboard('123')
    const makeDefault = within(dialog).getByRole('switch', { name: 'Make this my default card' })
    await tabTo(user, () => makeDefault)
    await user.keyboard(' ')
    expect(makeDefault).toBeChecked()
    await tabTo(user, () => within(dialog).getByRole('button', { name: 'Save card' }))
    await user.keyboard('{Enter}')
    await dialogClosed()
    await waitFor(() => expect(rowNames()).toHaveLength(5))
    expect(rowNames()[0]).toBe('Visa •••• 4242')
    expect((await memory.listPaymentMethods()).find((m) => m.isDefault)?.id).not.toBe(SEED_CARDS.visa)
    await waitFor(() => expect(add).toHaveFocus())
  })

  it('sets a card as default with the keyboard, and focus stays on that card', async () => {
    const { user, memory } = renderBilling(<PaymentMethods />)
    const setDefault = await screen.findByRole('button', { name: 'Set as default: Visa •••• 0002' })
    await tabTo(user, () => setDefault)
    await user.keyboard('{Enter}')
    await waitFor(() => expect(rowNames()[0]).toBe('Visa •••• 0002'))
    // Its "Set as default" is gone with the change; focus went to the same card's other action.
    expect(screen.queryByRole('button', { name: 'Set as default: Visa •••• 0002' })).not.toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('button', { name: 'Remove Visa •••• 0002' })).toHaveFocus())
    expect((await memory.listPaymentMethods()).find((m) => m.isDefault)?.id).toBe(SEED_CARDS.visaDeclining)
  })

  it('removes the guarded default card with the keyboard: new default first, then remove', async () => {
    const { user, memory } = renderBilling(<PaymentMethods />)
    const remove = await screen.findByRole('button', { name: 'Remove Visa •••• 4242' })
    await tabTo(user, () => remove)
    await user.keyboard('{Enter}')
    const blocked = await screen.findByRole('alertdialog', { name: "Visa •••• 4242 can't be removed yet" })
    await waitFor(() => expect(blocked.contains(document.activeElement)).toBe(true))
    const visa = within(blocked).getByRole('radio', { name: /Visa •••• 0002/ })
    const amex = within(blocked).getByRole('radio', { name: /American Express •••• 0005/ })
    expect(visa).toBeChecked()
    await tabTo(user, () => visa)
    await pressArrow(user, 'ArrowDown')
    await waitFor(() => expect(amex).toBeChecked())
    await tabTo(user, () => within(blocked).getByRole('button', { name: 'Make default' }))
    await user.keyboard('{Enter}')
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove Visa •••• 4242?' })
    await tabTo(user, () => within(confirm).getByRole('button', { name: 'Remove card' }))
    await user.keyboard('{Enter}')
    await dialogClosed('alertdialog')
    expect(rowNames()).not.toContain('Visa •••• 4242')
    expect(rowNames()[0]).toBe('American Express •••• 0005')
    expect(memory.calls.removePaymentMethod).toBe(1)
    // The row is gone; focus lands on the first card's actions, not on the page body.
    await waitFor(() => expect(document.activeElement?.closest('[data-slot="payment-method-actions"]')).not.toBeNull())
    expect(document.activeElement?.closest('li')).toHaveAccessibleName('American Express •••• 0005')
  })

  it('Escape closes the remove dialog without removing anything and returns focus to the card', async () => {
    const { user, memory } = renderBilling(<PaymentMethods />)
    const remove = await screen.findByRole('button', { name: 'Remove Mastercard •••• 4444' })
    await tabTo(user, () => remove)
    await user.keyboard('{Enter}')
    await screen.findByRole('alertdialog', { name: 'Remove Mastercard •••• 4444?' })
    await user.keyboard('{Escape}')
    await dialogClosed('alertdialog')
    expect(memory.calls.removePaymentMethod).toBe(0)
    await waitFor(() => expect(remove).toHaveFocus())
  })
})

describe('PaymentMethods in Chromium: Stripe failures', () => {
  it('a provider Stripe promise that rejects gives a clear message and a working retry, never a spinner', async () => {
    const stripe = unreachableStripe()
    const { user } = renderBilling(<PaymentMethods />, { provider: { stripe: stripe.source } })
    await user.click(await screen.findByRole('button', { name: 'Add new card' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add new card' })
    expect(await within(dialog).findByText("The secure card form couldn't load")).toBeInTheDocument()
    expect(dialog.querySelector('.bp-spinner, [data-slot="add-card-loading"]')).toBeNull()
    expect(stripe.attempts()).toBe(1)
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(stripe.attempts()).toBe(2))
    expect(await within(dialog).findByText("The secure card form couldn't load")).toBeInTheDocument()
    expect(dialog.querySelector('[data-slot="add-card-loading"]')).toBeNull()
    await settled()
    expect(await axeViolations(document.body)).toEqual([])
  })

  it('3-D Secure failure keeps the dialog usable and the list unchanged', async () => {
    const { user } = renderBilling(<PaymentMethods />, { stripe: { threeDSecure: 'fail' } })
    await user.click(await screen.findByRole('button', { name: 'Add new card' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add new card' })
    await user.type(await within(dialog).findByLabelText('Card number'), '4000002500003155')
    await user.type(within(dialog).getByLabelText('Expiration date (MM / YY)'), '1234')
    await user.type(within(dialog).getByLabelText('CVC'), '123')
    await user.click(within(dialog).getByRole('button', { name: 'Save card' }))
    expect(await within(dialog).findByText("Your bank didn't confirm the card")).toBeVisible()
    expect(within(dialog).getByRole('button', { name: 'Save card' })).toBeEnabled()
    expect(rowNames()).toHaveLength(4)
  })
})

describe('PaymentMethods in Chromium: layout and accessibility', () => {
  it('is axe-clean in light and dark: list, add dialog, blocked remove dialog', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const view = renderBilling(<PaymentMethods />, { provider: { appearance: { theme } } })
      await screen.findByRole('list', { name: 'Saved payment methods' })
      await settled()
      expect(await axeViolations(document.body)).toEqual([])

      await view.user.click(screen.getByRole('button', { name: 'Add new card' }))
      const add = await screen.findByRole('dialog', { name: 'Add new card' })
      await waitFor(() => expect(add).toHaveAttribute('data-step', 'ready'))
      await settled()
      expect(await axeViolations(document.body)).toEqual([])
      await view.user.keyboard('{Escape}')
      await dialogClosed()

      await view.user.click(screen.getByRole('button', { name: 'Remove Visa •••• 4242' }))
      await screen.findByRole('alertdialog', { name: "Visa •••• 4242 can't be removed yet" })
      await settled()
      expect(await axeViolations(document.body)).toEqual([])
      view.unmount()
    }
  })

  it('fits 320 px: no horizontal scroll, every card and its actions in view', async () => {
    await page.viewport(320, 800)
    const { user } = renderBilling(<PaymentMethods />, { locale: 'es' })
    await screen.findByRole('list', { name: 'Métodos de pago guardados' })
    const root = section()
    expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth)
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320)
    const actions = within(root).getAllByRole('button', { name: /^(Eliminar|Establecer como principal)/ })
    expect(actions).toHaveLength(6)
    for (const button of actions) {
      const box = button.getBoundingClientRect()
      expect(box.left).toBeGreaterThanOrEqual(0)
      expect(box.right).toBeLessThanOrEqual(320)
      expect(box.width).toBeGreaterThanOrEqual(24)
      expect(box.height).toBeGreaterThanOrEqual(24)
      // On a narrow list the actions sit under the card's name and details, never over them.
      const text = button.closest('li')?.querySelector<HTMLElement>('.bp-pm-text')
      const lowest = Math.max(
        ...[...(text?.querySelectorAll('span, p') ?? [])].map((n) => n.getBoundingClientRect().bottom),
      )
      expect(lowest).toBeLessThanOrEqual(box.top)
    }
    await user.click(screen.getByRole('button', { name: 'Agregar Nueva Tarjeta' }))
    const dialog = await screen.findByRole('dialog', { name: 'Agregar Nueva Tarjeta' })
    await waitFor(() => expect(dialog).toHaveAttribute('data-step', 'ready'))
    await settled()
    const box = dialog.getBoundingClientRect()
    expect(box.left).toBeGreaterThanOrEqual(0)
    expect(box.right).toBeLessThanOrEqual(320)
    expect(await axeViolations(document.body)).toEqual([])
  })
})
