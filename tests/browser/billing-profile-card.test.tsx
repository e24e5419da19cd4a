import '../../src/components/BillingProfileCard/BillingProfileCard.css'
import { screen, waitFor, within } from '@testing-library/react'
import { page, userEvent as realKeys } from 'vitest/browser'
import { createMemoryAdapter, type MemoryBillingAdapter } from '../../src/adapter/memory'
import { BillingProfileCard } from '../../src/components/BillingProfileCard'
import { axeViolations, NOW, renderBilling } from '../support/render'

type User = ReturnType<typeof renderBilling>['user']

function memoryAt(options: Parameters<typeof createMemoryAdapter>[0] = {}): MemoryBillingAdapter {
  return createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en', ...options })
}

function card() {
  const found = document.querySelector<HTMLElement>('[data-slot="billing-address-form"]')
  if (!found) throw new Error('The billing information card is not on the page')
  return found
}

function textbox(name: string | RegExp) {
  return screen.getByRole('textbox', { name })
}

/** Presses Tab until `target` has focus, the way a keyboard user would move; fails if it never does. */
async function tabTo(user: User, target: () => HTMLElement, max = 30) {
  for (let i = 0; i < max; i++) {
    if (document.activeElement === target()) return
    await user.tab()
  }
  expect(document.activeElement).toBe(target())
}

async function openForm(user: User) {
  await user.click(await screen.findByRole('button', { name: 'Edit billing information' }))
  // The form's code arrives on demand.
  return screen.findByRole('form', { name: 'Edit billing information' })
}

beforeEach(async () => {
  await page.viewport(1280, 900)
})

describe('BillingProfileCard in Chromium: keyboard only', () => {
  it('edits and saves without a mouse: Edit, type, pick a country, switch receipts on, Save', async () => {
    const onSaved = vi.fn()
    const { user, memory } = renderBilling(<BillingProfileCard onSaved={onSaved} />)
    await screen.findByText('María José Hernández Núñez')

    await tabTo(user, () => screen.getByRole('button', { name: 'Edit billing information' }))
    await user.keyboard('{Enter}')
    // The form's code may still be on its way; focus lands in it once it is there.
    await waitFor(() => expect(textbox('Full name')).toHaveFocus())
    await user.keyboard('{Control>}a{/Control}Zoë Ñúñez-García')

    // The country is the platform's select: typing its first letters picks it, as on any form.
    await tabTo(user, () => screen.getByRole('combobox', { name: 'Country' }))
    await realKeys.keyboard('spa')
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Country' })).toHaveDisplayValue('Spain'))
    await tabTo(user, () => textbox('City'))
    await user.keyboard('{Control>}a{/Control}Madrid')
    await user.tab()
    expect(textbox('Province')).toHaveFocus()
    await user.keyboard('{Control>}a{/Control}Madrid')
    await user.tab()
    expect(textbox('Postal code')).toHaveFocus()
    await user.keyboard('{Control>}a{/Control}28013')

    // The tax type too: the arrow key moves up from "RFC (Mexico)".
    await tabTo(user, () => screen.getByRole('combobox', { name: 'Type' }))
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveDisplayValue('RFC (Mexico)')
    await realKeys.keyboard('{ArrowUp}')
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Type' })).toHaveDisplayValue('NIF / CIF (Spain)'))
    await user.tab()
    await user.keyboard('{Control>}a{/Control}B12345678')

    await tabTo(user, () => screen.getByRole('switch', { name: 'Email me receipts for wallet top-ups' }))
    await user.keyboard(' ')
    expect(screen.getByRole('switch')).toBeChecked()
    await tabTo(user, () => screen.getByRole('button', { name: 'Save' }))
    await user.keyboard('{Enter}')

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
    expect(await memory.getBillingProfile()).toMatchObject({
      name: 'Zoë Ñúñez-García',
      address: { country: 'ES', region: 'Madrid', postalCode: '28013' },
      taxId: { type: 'es_cif', value: 'B12345678' },
      walletReceipts: true,
    })
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit billing information' })).toHaveFocus())
    expect(within(card()).getByText('28013 Madrid, Madrid')).toBeInTheDocument()
  })

  it('moves focus to the first invalid field on submit, with its message read with it', async () => {
    const { user, memory } = renderBilling(<BillingProfileCard />)
    await openForm(user)
    await user.clear(textbox('Address line 1'))
    await user.clear(textbox('Postal code'))
    await user.type(textbox('Postal code'), 'ABC')
    await tabTo(user, () => screen.getByRole('button', { name: 'Save' }))
    await user.keyboard('{Enter}')
    expect(textbox('Address line 1')).toHaveFocus()
    expect(textbox('Address line 1')).toHaveAccessibleDescription('Enter the street and number.')
    expect(textbox('Postal code')).toHaveAccessibleDescription('Enter a valid postal code, like 06600.')
    expect(memory.calls.updateBillingProfile ?? 0).toBe(0)
    expect(await axeViolations(card())).toEqual([])
  })

  it('guards unsaved changes: Escape keeps editing and returns to Cancel; Discard goes back to Edit', async () => {
    const { user } = renderBilling(<BillingProfileCard />)
    await openForm(user)
    await user.type(textbox('Company'), ' (Norte)')
    await tabTo(user, () => screen.getByRole('button', { name: 'Cancel' }))
    await user.keyboard('{Enter}')
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard changes?' })
    expect(within(dialog).getByRole('button', { name: 'Keep editing' })).toHaveFocus()
    // Contrast is measured once the dialog has faded in.
    await Promise.all(document.getAnimations().map((animation) => animation.finished))
    expect(await axeViolations(document.body)).toEqual([])

    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    await waitFor(() => expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus())
    expect(textbox('Company')).toHaveValue('Agencia Creativa Peñasco S.A. de C.V. (Norte)')

    await user.keyboard('{Enter}')
    await screen.findByRole('alertdialog')
    await tabTo(user, () => screen.getByRole('button', { name: 'Discard changes' }))
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.queryByRole('form')).not.toBeInTheDocument())
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit billing information' })).toHaveFocus())
    expect(within(card()).getByText('Agencia Creativa Peñasco S.A. de C.V.')).toBeInTheDocument()
  })
})

describe('BillingProfileCard in Chromium: saving', () => {
  it('puts server field errors on their fields, keeps the input, and stays axe clean', async () => {
    const memory = memoryAt({
      faults: {
        updateBillingProfile: {
          code: 'validation',
          fieldErrors: { 'address.region': 'required', 'taxId.value': 'RFC not registered with the SAT.' },
        },
      },
    })
    const { user } = renderBilling(<BillingProfileCard />, { adapter: memory })
    await openForm(user)
    await user.type(textbox('Address line 2'), ', Interior 3')
    await user.click(screen.getByRole('button', { name: 'Save' }))

    expect(await within(card()).findByRole('alert')).toHaveTextContent('Some details need fixing.')
    expect(textbox('State')).toHaveFocus()
    expect(textbox('State')).toHaveAccessibleDescription('Enter the state.')
    expect(textbox('Number')).toHaveAccessibleDescription('RFC not registered with the SAT.')
    expect(textbox('Address line 2')).toHaveValue('Col. Juárez, Interior 3')
    expect(await axeViolations(card())).toEqual([])
  })

  it('sends one save for a double click, keeps the fields read-only while it runs, and says it is saving', async () => {
    const memory = memoryAt({ latency: 200 })
    const { user } = renderBilling(<BillingProfileCard />, { adapter: memory })
    await openForm(user)
    await user.clear(textbox('City'))
    await user.type(textbox('City'), 'Querétaro')
    const save = screen.getByRole('button', { name: 'Save' })
    await user.dblClick(save)
    expect(save).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('form')).toHaveAttribute('data-pending')
    expect(textbox('City')).toHaveAttribute('readonly')
    await user.type(textbox('City'), 'zzz')
    expect(textbox('City')).toHaveValue('Querétaro')
    await waitFor(() => expect(screen.queryByRole('form')).not.toBeInTheDocument())
    expect(memory.calls.updateBillingProfile).toBe(1)
    expect((await memory.getBillingProfile())?.address.city).toBe('Querétaro')
  })
})

describe('BillingProfileCard in Chromium: every state is accessible and fits 320 px', () => {
  it.each([
    ['view', {}, false],
    ['empty', { empty: true }, false],
    ['form', {}, true],
  ] as const)('%s: axe clean, light and dark', async (_, memoryOptions, editing) => {
    for (const theme of ['light', 'dark'] as const) {
      const { unmount } = renderBilling(<BillingProfileCard defaultEditing={editing} />, {
        adapter: memoryAt(memoryOptions),
        provider: { appearance: { theme } },
      })
      await waitFor(() => expect(card().getAttribute('data-state')).not.toBe('loading'))
      expect(await axeViolations(card()), theme).toEqual([])
      unmount()
    }
  })

  it('read-only: the view only, axe clean', async () => {
    renderBilling(<BillingProfileCard />, { provider: { readOnly: true } })
    await screen.findByText('María José Hernández Núñez')
    expect(within(card()).queryByRole('button')).not.toBeInTheDocument()
    expect(await axeViolations(card())).toEqual([])
  })

  it('never scrolls sideways at 320 px, in the view or the form with errors, in Spanish', async () => {
    await page.viewport(320, 800)
    const { user } = renderBilling(<BillingProfileCard />, { locale: 'es' })
    await screen.findByText('María José Hernández Núñez')
    expect(card().scrollWidth).toBeLessThanOrEqual(card().clientWidth)
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320)

    await user.click(screen.getByRole('button', { name: 'Editar información de facturación' }))
    await user.clear(await screen.findByRole('textbox', { name: 'Correo para facturas y recibos' }))
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    expect(textbox('Correo para facturas y recibos')).toHaveFocus()
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320)
    // One column: each field as wide as the form.
    const form = screen.getByRole('form')
    const width = (name: string) => textbox(name).getBoundingClientRect().width
    expect(Math.abs(width('Ciudad') - width('Dirección, línea 1'))).toBeLessThan(1)
    expect(form.getBoundingClientRect().right).toBeLessThanOrEqual(320)
    const save = screen.getByRole('button', { name: 'Guardar' })
    expect(save.getBoundingClientRect().width).toBeGreaterThan(200)
  })

  it('puts city, region and postal code on one row when there is room', async () => {
    const { user } = renderBilling(
      <div style={{ maxWidth: 760 }}>
        <BillingProfileCard />
      </div>,
    )
    await openForm(user)
    const top = (name: string) => Math.round(textbox(name).getBoundingClientRect().top)
    expect(top('State')).toBe(top('City'))
    expect(top('Postal code')).toBe(top('City'))
  })
})
