import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import fc from 'fast-check'
import { useState } from 'react'
import { BillingError } from '../../src/adapter/errors'
import { createMemoryAdapter } from '../../src/adapter/memory'
import { seedProfile } from '../../src/adapter/memory/seed'
import type { BillingAdapter, BillingProfile } from '../../src/adapter/types'
import {
  BillingAddressForm,
  BillingProfileCard,
  BillingProfileForm,
  validateBillingProfile,
  valuesFromProfile,
} from '../../src/components/BillingProfileCard'
import { en } from '../../src/i18n'
import { NOW, renderBilling } from '../support/render'
import { es } from '../../src/locales/es'

type User = ReturnType<typeof renderBilling>['user']

function card() {
  const found = document.querySelector<HTMLElement>('[data-slot="billing-address-form"]')
  if (!found) throw new Error('The billing information card is not on the page')
  return found
}

function textbox(name: string | RegExp) {
  return screen.getByRole('textbox', { name })
}

async function openForm(user: User) {
  await user.click(await screen.findByRole('button', { name: 'Edit billing information' }))
  // The form's code arrives on demand.
  return screen.findByRole('form', { name: 'Edit billing information' })
}

async function replace(user: User, field: HTMLElement, text: string) {
  await user.clear(field)
  if (text) await user.type(field, text)
}

async function chooseCountry(user: User, country: string, label: string | RegExp = 'Country') {
  await user.selectOptions(screen.getByRole('combobox', { name: label }), country)
}

function savedCalls(memory: { calls: Record<string, number> }) {
  return memory.calls.updateBillingProfile ?? 0
}

function announced() {
  return document.querySelector('[data-slot="announcer"] [role="status"]')?.textContent ?? ''
}

describe('BillingProfileCard: the saved information', () => {
  it('shows the name, company, email, address as written in its country, tax ID and receipts setting', async () => {
    renderBilling(<BillingProfileCard />)
    expect(await screen.findByRole('heading', { name: 'Billing information' })).toBeInTheDocument()
    await screen.findByText('María José Hernández Núñez')
    const view = within(card())
    const term = (name: string) => view.getByText(name, { selector: 'dt' }).nextElementSibling as HTMLElement
    expect(term('Name')).toHaveTextContent('María José Hernández Núñez')
    expect(term('Company')).toHaveTextContent('Agencia Creativa Peñasco S.A. de C.V.')
    expect(term('Email for invoices and receipts')).toHaveTextContent('facturacion@agenciapenasco.mx')
    const lines = [...term('Billing address').querySelectorAll('span')].map((line) => line.textContent)
    expect(lines).toEqual([
      'Av. Paseo de la Reforma 222, Piso 14',
      'Col. Juárez',
      '06600 Ciudad de México, CDMX',
      'Mexico',
    ])
    expect(term('Tax ID')).toHaveTextContent('RFC (Mexico)ACP850101AB1')
    expect(term('Wallet top-up receipts')).toHaveTextContent('Not sent (default)')
    expect(card()).toHaveAttribute('data-state', 'view')
    expect(screen.queryByRole('form')).not.toBeInTheDocument()
  })

  it('speaks Spanish with the help article wording', async () => {
    const { user } = renderBilling(<BillingProfileCard />, { locale: 'es' })
    expect(await screen.findByRole('heading', { name: 'Información de Facturación' })).toBeInTheDocument()
    expect(await screen.findByText('México')).toBeInTheDocument()
    expect(screen.getByText('Dirección de Facturación', { selector: 'dt' })).toBeInTheDocument()
    expect(screen.getByText('No se envían (predeterminado)')).toBeInTheDocument()
    const edit = screen.getByRole('button', { name: 'Editar información de facturación' })
    expect(edit).toHaveTextContent(/^Editar/)
    await user.click(edit)
    expect(
      screen.getByRole('switch', { name: 'Enviarme recibos por correo de las recargas de cartera' }),
    ).toHaveAccessibleDescription(/no se envían por defecto/)
    expect(screen.getByRole('textbox', { name: 'Código postal' })).toHaveValue('06600')
    expect(screen.getByRole('textbox', { name: 'Estado' })).toHaveValue('CDMX')
    expect(screen.getByRole('button', { name: 'Guardar' })).toBeInTheDocument()
  })

  it('invites to add the information when there is none, and starts the form empty in the locale country', async () => {
    const onSaved = vi.fn()
    const { user, memory } = renderBilling(<BillingProfileCard onSaved={onSaved} />, {
      memory: { empty: true },
      provider: { locale: { ...es, tag: 'es-MX' } },
    })
    expect(await screen.findByRole('heading', { name: 'Aún no hay información de facturación' })).toBeInTheDocument()
    expect(card()).toHaveAttribute('data-state', 'empty')
    expect(screen.queryByRole('button', { name: /^Editar/ })).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Agregar información de facturación' }))
    await screen.findByRole('form', { name: 'Editar información de facturación' })
    expect(textbox('Nombre completo')).toHaveValue('')
    expect(textbox('Nombre completo')).toHaveFocus()
    expect(screen.getByRole('combobox', { name: 'País' })).toHaveDisplayValue('México')
    expect(screen.getByRole('switch')).not.toBeChecked()

    await user.type(textbox('Nombre completo'), 'Íñigo Ñúñez')
    await user.type(textbox('Correo para facturas y recibos'), 'inigo@ejemplo.mx')
    await user.type(textbox('Dirección, línea 1'), 'Av. Insurgentes Sur 1602')
    await user.type(textbox('Ciudad'), 'Ciudad de México')
    await user.type(textbox('Estado'), 'CDMX')
    await user.type(textbox('Código postal'), '03940')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
    expect(await memory.getBillingProfile()).toMatchObject({
      name: 'Íñigo Ñúñez',
      address: { country: 'MX', postalCode: '03940', region: 'CDMX', line2: null },
      taxId: null,
      walletReceipts: false,
    })
    expect(savedCalls(memory)).toBe(1)
  })
})

describe('BillingProfileCard: editing and saving', () => {
  it('saves the changes, tells the host, announces it and returns focus to Edit', async () => {
    const onSaved = vi.fn()
    const onEditingChange = vi.fn()
    const { user, memory } = renderBilling(<BillingProfileCard onSaved={onSaved} onEditingChange={onEditingChange} />)
    const form = await openForm(user)
    expect(onEditingChange).toHaveBeenLastCalledWith(true)
    expect(card()).toHaveAttribute('data-state', 'editing')
    expect(textbox('Full name')).toHaveFocus()
    expect(textbox('Full name')).toHaveValue('María José Hernández Núñez')
    expect(textbox(/^Email/)).toHaveAccessibleDescription('Invoices and receipts are sent to this address.')

    await replace(user, textbox(/^Email/), '  pagos@agenciapenasco.mx ')
    await replace(user, textbox('Address line 2'), '')
    const receipts = screen.getByRole('switch', { name: 'Email me receipts for wallet top-ups' })
    expect(receipts).toHaveAccessibleDescription(/aren't sent by default/)
    await user.click(receipts)
    expect(form).toHaveAttribute('data-dirty')
    await user.click(screen.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
    const stored = await memory.getBillingProfile()
    expect(stored).toMatchObject({ email: 'pagos@agenciapenasco.mx', walletReceipts: true, address: { line2: null } })
    expect(onSaved).toHaveBeenCalledWith(stored)
    expect(onEditingChange).toHaveBeenLastCalledWith(false)
    expect(screen.queryByRole('form')).not.toBeInTheDocument()
    expect(within(card()).getByText('Emailed to pagos@agenciapenasco.mx')).toBeInTheDocument()
    expect(within(card()).getByRole('note')).toHaveTextContent('Billing information saved.')
    await waitFor(() => expect(announced()).toBe('Billing information saved.'))
    expect(screen.getByRole('button', { name: 'Edit billing information' })).toHaveFocus()
  })

  it('checks the form before sending: messages next to the fields, focus on the first, nothing sent', async () => {
    const { user, memory } = renderBilling(<BillingProfileCard />)
    await openForm(user)
    await replace(user, textbox('Full name'), '   ')
    await replace(user, textbox('Postal code'), '6600')
    await replace(user, textbox(/^Email/), 'facturacion@agenciapenasco')
    await user.click(screen.getByRole('button', { name: 'Save' }))

    expect(textbox('Full name')).toHaveFocus()
    expect(textbox('Full name')).toBeInvalid()
    expect(textbox('Full name')).toHaveAccessibleDescription('Enter the name that goes on your invoices.')
    expect(textbox(/^Email/)).toHaveAccessibleDescription(/Enter an email address like name@example.com./)
    expect(textbox('Postal code')).toHaveAccessibleDescription('Enter a valid postal code, like 06600.')
    expect(textbox('City')).toBeValid()
    expect(savedCalls(memory)).toBe(0)

    // Fixing a field clears its message at once.
    await user.type(textbox('Full name'), 'Ana')
    expect(textbox('Full name')).toBeValid()
    expect(textbox('Postal code')).toBeInvalid()
  })

  it('shows a problem when a changed field is left, not when a field is merely visited', async () => {
    const { user } = renderBilling(<BillingProfileCard />)
    await openForm(user)
    await user.click(textbox('Company'))
    await user.tab()
    expect(textbox('Company')).toBeValid()
    await replace(user, textbox('City'), '')
    expect(textbox('City')).toBeValid()
    await user.tab()
    expect(textbox('City')).toHaveAccessibleDescription('Enter the city.')
  })

  it('adapts labels and rules to the country: State, Province, County; ZIP code, Postcode', async () => {
    const { user } = renderBilling(<BillingProfileCard />)
    await openForm(user)
    expect(textbox('State')).toBeRequired()

    await chooseCountry(user, 'United States')
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveDisplayValue('United States')
    expect(textbox('State')).toHaveAttribute('aria-required', 'true')
    expect(textbox('ZIP code')).toHaveAttribute('placeholder', '94103')

    await chooseCountry(user, 'Canada')
    expect(textbox('Province')).toHaveAttribute('aria-required', 'true')
    await replace(user, textbox('Postal code'), 'k1a0b1')

    await chooseCountry(user, 'United Kingdom')
    expect(textbox('County')).not.toHaveAttribute('aria-required')
    expect(textbox('Postcode')).toHaveValue('k1a0b1')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(textbox('Postcode')).toHaveAccessibleDescription('Enter a valid postcode, like SW1A 1AA.')
    expect(textbox('Postcode')).toHaveFocus()
  })

  it('names the countries in the user language, in its alphabetical order', async () => {
    const { user } = renderBilling(<BillingProfileCard />, { locale: 'es' })
    await user.click(await screen.findByRole('button', { name: /^Editar/ }))
    const country = await screen.findByRole('combobox', { name: 'País' })
    const names = within(country)
      .getAllByRole('option')
      .map((o) => o.textContent ?? '')
    expect(names).toContain('Perú')
    expect(names).toContain('España')
    expect(names).toEqual(names.toSorted(new Intl.Collator('es', { sensitivity: 'base' }).compare))
    await user.selectOptions(country, 'Perú')
    expect(textbox('Departamento')).toBeInTheDocument()
    await user.selectOptions(country, 'España')
    expect(country).toHaveDisplayValue('España')
    expect(country).toHaveValue('ES')
    expect(textbox('Provincia')).toBeInTheDocument()
  })

  it('hides the postal code where the country has none, and saves none', async () => {
    const { user, memory } = renderBilling(<BillingProfileCard />)
    await openForm(user)
    await chooseCountry(user, 'United Arab Emirates')
    expect(screen.queryByRole('textbox', { name: /postal code/i })).not.toBeInTheDocument()
    await replace(user, textbox(/^State/), 'Dubai')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('form')).not.toBeInTheDocument())
    expect((await memory.getBillingProfile())?.address).toMatchObject({
      country: 'AE',
      postalCode: null,
      region: 'Dubai',
    })
  })

  it('starts the tax ID type at the usual one for the chosen country', async () => {
    const { user } = renderBilling(<BillingProfileCard />, { memory: { empty: true } })
    await user.click(await screen.findByRole('button', { name: 'Add billing information' }))
    expect(await screen.findByRole('combobox', { name: 'Type' })).toHaveDisplayValue('Other')
    await chooseCountry(user, 'Spain')
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveDisplayValue('NIF / CIF (Spain)')
    expect(textbox('Number')).toHaveAttribute('placeholder', 'B12345678')
    await chooseCountry(user, 'Brazil')
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveDisplayValue('CNPJ (Brazil)')
  })
})

describe('BillingProfileCard: when saving fails', () => {
  it('puts server field errors on their fields and the rest in the form message', async () => {
    const { user, memory } = renderBilling(<BillingProfileCard />)
    memory.setFaults({
      updateBillingProfile: {
        code: 'validation',
        fieldErrors: {
          'address.postal_code': 'invalid',
          email: 'This mailbox does not accept invoices.',
          phone: 'Phone numbers need the country code.',
        },
      },
    })
    await openForm(user)
    await replace(user, textbox('City'), 'Guadalajara')
    await user.click(screen.getByRole('button', { name: 'Save' }))

    const notice = await within(card()).findByRole('alert')
    expect(notice).toHaveTextContent(en.common.errors.validation)
    expect(notice).toHaveTextContent('Phone numbers need the country code.')
    expect(textbox(/^Email/)).toHaveAccessibleDescription(/This mailbox does not accept invoices./)
    expect(textbox('Postal code')).toHaveAccessibleDescription('Enter a valid postal code, like 06600.')
    expect(textbox(/^Email/)).toHaveFocus()
    expect(textbox('City')).toHaveValue('Guadalajara')
    expect(screen.getByRole('form')).toBeInTheDocument()

    // Editing a field clears the server's complaint about it, and only about it.
    await user.type(textbox(/^Email/), 'x')
    expect(textbox(/^Email/)).toBeValid()
    expect(textbox('Postal code')).toBeInvalid()
  })

  it.each(['network', 'timeout', 'unavailable', 'forbidden', 'conflict', 'validation'] as const)(
    '%s: keeps every typed value, shows the message, and a retry can succeed',
    async (code) => {
      const onSaved = vi.fn()
      const { user, memory } = renderBilling(<BillingProfileCard onSaved={onSaved} />)
      memory.setFaults({ updateBillingProfile: code })
      await openForm(user)
      await replace(user, textbox('Company'), 'Peñasco & Hijos')
      await replace(user, textbox('Address line 1'), 'Calle 5 de Mayo 10')
      await user.click(screen.getByRole('switch'))
      await user.click(screen.getByRole('button', { name: 'Save' }))

      expect(await within(card()).findByRole('alert')).toHaveTextContent(en.common.errors[code])
      expect(textbox('Company')).toHaveValue('Peñasco & Hijos')
      expect(textbox('Address line 1')).toHaveValue('Calle 5 de Mayo 10')
      expect(screen.getByRole('switch')).toBeChecked()
      expect(onSaved).not.toHaveBeenCalled()
      expect((await memory.getBillingProfile())?.company).toBe('Agencia Creativa Peñasco S.A. de C.V.')

      memory.setFaults({})
      if (code === 'validation') await user.type(textbox(/^Email/), 'x')
      await user.click(screen.getByRole('button', { name: 'Save' }))
      await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
      expect((await memory.getBillingProfile())?.company).toBe('Peñasco & Hijos')
    },
  )

  it('keeps the input when a conflict reloads the saved profile underneath', async () => {
    const { user, memory, queryClient } = renderBilling(<BillingProfileCard />)
    memory.setFaults({ updateBillingProfile: 'conflict' })
    await openForm(user)
    await replace(user, textbox('City'), 'Monterrey')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await within(card()).findByRole('alert')
    await waitFor(() => expect(queryClient.isFetching()).toBe(0))
    expect(memory.calls.getBillingProfile).toBeGreaterThan(1)
    expect(textbox('City')).toHaveValue('Monterrey')
  })
})

describe('BillingProfileCard: leaving with unsaved changes', () => {
  it('asks before discarding changes, and keeps them when the user goes back', async () => {
    const { user, memory } = renderBilling(<BillingProfileCard />)
    await openForm(user)
    await replace(user, textbox('City'), 'Puebla')
    await user.click(screen.getByRole('button', { name: 'Cancel' }))

    const dialog = screen.getByRole('alertdialog', { name: 'Discard changes?' })
    expect(dialog).toHaveAccessibleDescription(/haven't been saved/)
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(textbox('City')).toHaveValue('Puebla')

    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    await user.click(screen.getByRole('button', { name: 'Discard changes' }))
    await waitFor(() => expect(screen.queryByRole('form')).not.toBeInTheDocument())
    expect(within(card()).getByText('06600 Ciudad de México, CDMX')).toBeInTheDocument()
    expect(savedCalls(memory)).toBe(0)
    expect(screen.getByRole('button', { name: 'Edit billing information' })).toHaveFocus()
  })

  it('closes at once when nothing changed (or the change was undone)', async () => {
    const { user } = renderBilling(<BillingProfileCard />)
    await openForm(user)
    await user.type(textbox('City'), 'x')
    await user.keyboard('{Backspace}')
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(screen.queryByRole('form')).not.toBeInTheDocument()
  })
})

/** A host that owns `editing` and opens the form from its own button. */
function HostControlsEditing({ onEditingChange }: { onEditingChange: (editing: boolean) => void }) {
  const [editing, setEditing] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setEditing(true)}>
        Open from the host
      </button>
      <BillingProfileCard editing={editing} onEditingChange={onEditingChange} />
    </>
  )
}

describe('BillingProfileCard: who may edit, and states', () => {
  it('shows the view only, with no Edit, when the host makes the panel read-only', async () => {
    renderBilling(<BillingProfileCard defaultEditing />, { provider: { readOnly: true } })
    expect(await screen.findByText('María José Hernández Núñez')).toBeInTheDocument()
    expect(screen.getByText('View only')).toBeInTheDocument()
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
    expect(screen.queryByRole('form')).not.toBeInTheDocument()
  })

  it('hides editing when the adapter cannot save a profile', async () => {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, empty: true })
    const { updateBillingProfile: _, ...withoutUpdate } = memory
    renderBilling(<BillingProfileCard />, { adapter: withoutUpdate as BillingAdapter })
    expect(await screen.findByText('No billing information yet')).toBeInTheDocument()
    expect(screen.getByText('No billing information has been added to this account.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Add billing information' })).not.toBeInTheDocument()
  })

  it('follows a controlled `editing` prop and only asks to change it', async () => {
    const onEditingChange = vi.fn()
    const { user } = renderBilling(<HostControlsEditing onEditingChange={onEditingChange} />)
    await user.click(await screen.findByRole('button', { name: 'Edit billing information' }))
    expect(onEditingChange).toHaveBeenCalledWith(true)
    expect(screen.queryByRole('form')).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Open from the host' }))
    expect(await screen.findByRole('form', { name: 'Edit billing information' })).toBeInTheDocument()
  })

  it('shows a failed load with a retry, and the information once it loads', async () => {
    const { user, memory } = renderBilling(<BillingProfileCard />, {
      memory: { faults: { getBillingProfile: 'unavailable' } },
    })
    expect(await within(card()).findByRole('alert')).toHaveTextContent(en.common.errors.unavailable)
    expect(card()).toHaveAttribute('data-state', 'error')
    memory.setFaults({})
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('María José Hernández Núñez')).toBeInTheDocument()
  })

  it('passes host class, style and DOM props to its outer element', async () => {
    renderBilling(
      <BillingProfileCard className="host-billing" style={{ maxWidth: 600 }} data-testid="billing" id="billing-info" />,
    )
    const root = await screen.findByTestId('billing')
    expect(root).toHaveClass('bp-root', 'bp-billing-address-form', 'host-billing')
    expect(root).toHaveAttribute('id', 'billing-info')
    expect(root.style.maxWidth).toBe('600px')
  })
})

describe('BillingProfileForm with any input', () => {
  /** Each field with a value that would pass; the property mixes them with arbitrary text. */
  const FIELDS: [label: string, good: string][] = [
    ['Full name', 'Ñandú Pérez'],
    ['Company', ''],
    ['Email for invoices and receipts', 'ana@example.com'],
    ['Address line 1', 'Calle 5 de Mayo 10'],
    ['Address line 2', ''],
    ['City', 'Puebla'],
    ['State', 'Puebla'],
    ['Postal code', '72000'],
    ['Number', 'ACP850101AB1'],
  ]
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 5 }),
    fc.constantFrom('', 'Ñandú', '06600', '山田', '\u202Eevil', 'x'.repeat(10_000)),
  )
  const texts = fc.tuple(
    ...FIELDS.map(([, good]) =>
      fc.oneof({ weight: 4, arbitrary: fc.constant(good) }, { weight: 1, arbitrary: anyText }),
    ),
  )

  it('ends every submit in a save or in marked fields, never in an exception', async () => {
    const outcomes = { saved: 0, rejected: 0 }
    await fc.assert(
      fc.asyncProperty(texts, async (values) => {
        const adapter = createMemoryAdapter({ seed: 1, now: () => NOW })
        const onSaved = vi.fn<(profile: BillingProfile) => void>()
        const view = renderBilling(<BillingProfileForm profile={seedProfile()} onSaved={onSaved} />, { adapter })
        try {
          const input = (label: string) => screen.getByRole('textbox', { name: label }) as HTMLInputElement
          for (const [index, [label]] of FIELDS.entries()) {
            fireEvent.change(input(label), { target: { value: values[index] } })
          }
          // What the inputs hold (the browser drops line breaks from single-line inputs).
          const typed = (label: string) => input(label).value
          const expected = validateBillingProfile({
            ...valuesFromProfile(seedProfile()),
            name: typed('Full name'),
            company: typed('Company'),
            email: typed('Email for invoices and receipts'),
            address: {
              line1: typed('Address line 1'),
              line2: typed('Address line 2'),
              city: typed('City'),
              region: typed('State'),
              postalCode: typed('Postal code'),
              country: 'MX',
            },
            taxId: { type: 'mx_rfc', value: typed('Number') },
          })
          fireEvent.click(screen.getByRole('button', { name: 'Save' }))
          if (expected.ok) {
            outcomes.saved++
            await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
            expect(await adapter.getBillingProfile()).toEqual(expected.profile)
          } else {
            outcomes.rejected++
            expect(document.activeElement).toHaveAttribute('aria-invalid', 'true')
            expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(
              Object.keys(expected.fieldErrors).length,
            )
            expect(adapter.calls.updateBillingProfile ?? 0).toBe(0)
          }
        } finally {
          view.unmount()
        }
      }),
      { seed: 7, numRuns: 24 },
    )
    expect(outcomes.saved).toBeGreaterThan(0)
    expect(outcomes.rejected).toBeGreaterThan(0)
  }, 120_000)

  it('reports an adapter that throws something odd as a message, not a crash', async () => {
    const adapter = createMemoryAdapter({ seed: 1, now: () => NOW })
    adapter.updateBillingProfile = () =>
      Promise.reject(new BillingError('validation', { fieldErrors: { '': '', 'address[zip]': 'required' } }))
    const { user } = renderBilling(<BillingProfileForm profile={seedProfile()} />, { adapter })
    await user.click(screen.getByRole('button', { name: 'Save' }))
    const notice = await screen.findByText(en.common.errors.validation)
    expect(notice.closest('[role="alert"]')).not.toBeNull()
    expect(textbox('Postal code')).toHaveAccessibleDescription('Enter the postal code.')
  })
})

describe('BillingProfileCard: the 0.1.0 names still work until 0.2', () => {
  it('renders under its old name BillingAddressForm', async () => {
    renderBilling(<BillingAddressForm />)
    expect(await screen.findByRole('heading', { name: 'Billing information' })).toBeInTheDocument()
    expect(BillingAddressForm).toBe(BillingProfileCard)
  })

  it('applies message overrides written under the old billingAddress key, beneath the new one', async () => {
    renderBilling(<BillingProfileCard />, {
      provider: {
        messages: {
          billingAddress: { title: 'Invoice details', editLabel: 'Change invoice details' },
          billingProfile: { editLabel: 'Modify invoice details' },
        },
      },
    })
    expect(await screen.findByRole('heading', { name: 'Invoice details' })).toBeInTheDocument()
    expect(await screen.findByRole('button', { name: 'Modify invoice details' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Change invoice details' })).not.toBeInTheDocument()
  })
})
