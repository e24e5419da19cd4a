// A component's view and its dialog or form carry their English separately (messages.ts and
// dialogMessages.ts / formMessages.ts) but are one slice for catalogs and host overrides.
import { screen, within } from '@testing-library/react'
import { BillingProfileCard } from '../../src/components/BillingProfileCard'
import { PaymentMethods } from '../../src/components/PaymentMethods'
import { renderBilling } from '../support/render'

describe('one message slice across a view and the code it loads later', () => {
  it('PaymentMethods: a host override reaches the list and the add-card dialog, the catalog the rest', async () => {
    const { user } = renderBilling(<PaymentMethods />, {
      locale: 'es',
      provider: {
        messages: { paymentMethods: { addCard: 'Sumar tarjeta', add: { submit: 'Guardar ahora' } } },
      },
    })
    // The list read the slice first; the dialog, loaded afterwards, still gets its overrides.
    await user.click(await screen.findByRole('button', { name: 'Sumar tarjeta' }))
    const dialog = await screen.findByRole('dialog', { name: 'Agregar Nueva Tarjeta' })
    expect(within(dialog).getByRole('button', { name: 'Guardar ahora' })).toBeInTheDocument()
    expect(within(dialog).queryByRole('button', { name: 'Guardar tarjeta' })).not.toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Cancelar' })).toBeInTheDocument()
  })

  it('in English, with no catalog, the dialog brings its own strings after the list used the slice', async () => {
    const { user } = renderBilling(<PaymentMethods />)
    await user.click(await screen.findByRole('button', { name: 'Add new card' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add new card' })
    expect(within(dialog).getByRole('button', { name: 'Save card' })).toBeInTheDocument()
    expect(within(dialog).getByText('Make this my default card')).toBeInTheDocument()
  })

  it('BillingProfileCard: the view and the form share tax type names and overrides, in Spanish', async () => {
    const { user } = renderBilling(<BillingProfileCard />, {
      locale: 'es',
      provider: {
        messages: { billingProfile: { form: { save: 'Guardar datos', taxTypes: { mx_rfc: 'RFC mexicano' } } } },
      },
    })
    // The view names the tax ID's type from the form's table, override included.
    expect(await screen.findByText('RFC mexicano')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Editar información de facturación' }))
    const form = await screen.findByRole('form', { name: 'Editar información de facturación' })
    expect(within(form).getByRole('button', { name: 'Guardar datos' })).toBeInTheDocument()
    expect(within(form).getByRole('combobox', { name: /País/ })).toBeInTheDocument()
    expect(within(form).getByRole('option', { name: 'RFC mexicano' })).toBeInTheDocument()
  })
})
