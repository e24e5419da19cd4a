import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test'
import { createMemoryAdapter } from '../src/adapter/memory'
import type { BillingProfile } from '../src/adapter/types'
import { BillingProfileCard } from '../src/components/BillingProfileCard'
import '../src/components/BillingProfileCard/BillingProfileCard.css'
import type { BillingStoryParameters } from './support/withBilling'

const NOW = new Date('2026-11-26T15:00:00Z')

const billing = (parameters: BillingStoryParameters) => ({ billing: parameters })

/** The card itself: the canvas also holds the panel's live regions, which are alerts too. */
function card(canvasElement: HTMLElement) {
  const found = canvasElement.querySelector<HTMLElement>('[data-slot="billing-address-form"]')
  if (!found) throw new Error('The billing information card is not on the page')
  return within(found)
}

const meta = {
  title: 'Components/BillingProfileCard',
  component: BillingProfileCard,
  args: {
    onSaved: fn(),
    onEditingChange: fn(),
  },
  parameters: { layout: 'padded' },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 760 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof BillingProfileCard>

export default meta
type Story = StoryObj<typeof meta>

/** The saved billing information, with "Editar". */
export const View: Story = {}

export const ViewEnglishDark: Story = {
  globals: { locale: 'en', theme: 'dark' },
}

/** No profile yet: an invitation to add one. */
export const Empty: Story = {
  parameters: billing({ memory: { empty: true } }),
}

export const Loading: Story = {
  parameters: billing({
    adapter: () => ({
      ...createMemoryAdapter({ seed: 7, now: () => NOW }),
      getBillingProfile: () => new Promise<BillingProfile | null>(() => {}),
    }),
  }),
}

export const LoadError: Story = {
  parameters: billing({ memory: { faults: { getBillingProfile: 'unavailable' } } }),
}

/** The form, filled with the saved profile. */
export const Editing: Story = {
  args: { defaultEditing: true },
}

export const EditingEnglish: Story = {
  args: { defaultEditing: true },
  globals: { locale: 'en' },
}

export const EditingDark: Story = {
  args: { defaultEditing: true },
  globals: { theme: 'dark' },
}

/** Checked before sending: messages beside each field, focus on the first. */
export const ClientErrors: Story = {
  args: { defaultEditing: true },
  globals: { locale: 'en' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const name = await canvas.findByRole('textbox', { name: 'Full name' })
    await userEvent.clear(name)
    const postal = canvas.getByRole('textbox', { name: 'Postal code' })
    await userEvent.clear(postal)
    await userEvent.type(postal, '6600')
    const email = canvas.getByRole('textbox', { name: 'Email for invoices and receipts' })
    await userEvent.clear(email)
    await userEvent.type(email, 'facturacion@agencia')
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }))
    await expect(name).toHaveFocus()
    await expect(name).toHaveAccessibleDescription('Enter the name that goes on your invoices.')
    await expect(postal).toHaveAccessibleDescription('Enter a valid postal code, like 06600.')
    await expect(args.onSaved).not.toHaveBeenCalled()
  },
}

/** The server's field errors land on their fields; the rest in the form message. Input kept. */
export const ServerErrors: Story = {
  args: { defaultEditing: true },
  parameters: billing({
    memory: {
      faults: {
        updateBillingProfile: {
          code: 'validation',
          fieldErrors: {
            'address.postalCode': 'invalid',
            'taxId.value': 'El RFC no está inscrito en el SAT.',
            phone: 'El teléfono debe incluir la clave del país.',
          },
        },
      },
    },
  }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Guardar' }))
    const notice = await card(canvasElement).findByRole('alert')
    await expect(notice).toHaveTextContent('Hay datos que corregir.')
    await expect(notice).toHaveTextContent('El teléfono debe incluir la clave del país.')
    await expect(canvas.getByRole('textbox', { name: 'Código postal' })).toHaveFocus()
    await expect(canvas.getByRole('textbox', { name: 'Número' })).toHaveAccessibleDescription(
      'El RFC no está inscrito en el SAT.',
    )
    await expect(args.onSaved).not.toHaveBeenCalled()
  },
}

/** A network failure says so; nothing typed is lost and Save tries again. */
export const SaveFailed: Story = {
  args: { defaultEditing: true },
  globals: { locale: 'en', theme: 'dark' },
  parameters: billing({ memory: { faults: { updateBillingProfile: 'network' } } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const city = await canvas.findByRole('textbox', { name: 'City' })
    await userEvent.clear(city)
    await userEvent.type(city, 'Guadalajara')
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }))
    await expect(await card(canvasElement).findByRole('alert')).toHaveTextContent(
      "We couldn't reach the billing service.",
    )
    await expect(city).toHaveValue('Guadalajara')
  },
}

/** While saving: the button shows progress, cannot submit twice, and the fields are read-only. */
export const Saving: Story = {
  args: { defaultEditing: true },
  parameters: billing({
    adapter: () => ({
      ...createMemoryAdapter({ seed: 7, now: () => NOW, locale: 'es' }),
      updateBillingProfile: () => new Promise<BillingProfile>(() => {}),
    }),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const save = await canvas.findByRole('button', { name: 'Guardar' })
    await userEvent.click(save)
    await expect(save).toHaveAttribute('aria-disabled', 'true')
    await expect(canvas.getByRole('textbox', { name: 'Ciudad' })).toHaveAttribute('readonly')
  },
}

/** Saving with a little latency: the view comes back with the new details and a confirmation. */
export const EditAndSave: Story = {
  globals: { locale: 'en' },
  parameters: billing({ memory: { latency: 400, locale: 'en' } }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Edit billing information' }))
    // The form's code arrives on demand.
    await userEvent.click(await canvas.findByRole('switch', { name: 'Email me receipts for wallet top-ups' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }))
    await expect(await canvas.findByText('Billing information saved.', {}, { timeout: 3000 })).toBeVisible()
    await expect(canvas.getByText('Emailed to facturacion@agenciapenasco.mx')).toBeVisible()
    await expect(args.onSaved).toHaveBeenCalledTimes(1)
  },
}

/** Cancelling with unsaved changes asks first. */
export const UnsavedChanges: Story = {
  args: { defaultEditing: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(await canvas.findByRole('textbox', { name: 'Empresa' }), ' (Norte)')
    await userEvent.click(canvas.getByRole('button', { name: 'Cancelar' }))
    const dialog = await screen.findByRole('alertdialog', { name: '¿Descartar los cambios?' })
    // The accessibility check that follows measures contrast, so let the dialog finish fading in.
    await Promise.all(document.getAnimations().map((animation) => animation.finished))
    await expect(within(dialog).getByRole('button', { name: 'Descartar cambios' })).toBeVisible()
  },
}

/** A country without postal codes hides the field; the region label follows the country. */
export const CountryWithoutPostalCode: Story = {
  args: { defaultEditing: true },
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const country = await canvas.findByRole('combobox', { name: 'Country' })
    await userEvent.selectOptions(country, 'HK')
    await waitFor(() => expect(canvas.queryByRole('textbox', { name: 'Postal code' })).not.toBeInTheDocument())
  },
}

/** No permission to edit: the view only, marked as such. */
export const ReadOnly: Story = {
  parameters: billing({ provider: { readOnly: true } }),
}

export const Narrow: Story = {
  globals: { viewport: { value: 'narrow' } },
}

export const NarrowEditingDark: Story = {
  args: { defaultEditing: true },
  globals: { viewport: { value: 'narrow' }, theme: 'dark', locale: 'en' },
}
