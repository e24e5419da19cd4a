import { render, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import { createMemoryAdapter } from '../../src/adapter/memory'
import { BillingProvider } from '../../src/provider'
import { Field, NativeSelect, TextInput } from '../../src/ui'

function renderUi(ui: ReactNode) {
  return render(<BillingProvider adapter={createMemoryAdapter()}>{ui}</BillingProvider>)
}

describe('Field', () => {
  it('names the control by its label and describes it by its hint', () => {
    renderUi(
      <Field label="Email for receipts" description="We send receipts here.">
        <TextInput />
      </Field>,
    )
    const input = screen.getByRole('textbox', { name: 'Email for receipts' })
    expect(input).toHaveAccessibleDescription('We send receipts here.')
    expect(input).not.toHaveAttribute('aria-invalid')
    expect(input).not.toHaveAttribute('aria-errormessage')
  })

  it('marks the control invalid and points it at the error message', () => {
    renderUi(
      <Field label="Postal code" description="5 digits." error="Enter a valid postal code.">
        <TextInput />
      </Field>,
    )
    const input = screen.getByRole('textbox', { name: 'Postal code' })
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription('5 digits. Enter a valid postal code.')
    const errorId = input.getAttribute('aria-errormessage')
    expect(errorId).toBeTruthy()
    expect(document.getElementById(errorId as string)).toHaveTextContent('Enter a valid postal code.')
  })

  it('shows a visual required marker and exposes required to assistive tech', () => {
    renderUi(
      <Field label="Name" required>
        <TextInput />
      </Field>,
    )
    const input = screen.getByRole('textbox', { name: 'Name' })
    expect(input).toBeRequired()
    // aria-required, not the attribute: the browser's own bubble would ignore the panel's language.
    expect(input).not.toHaveAttribute('required')
    expect(screen.getByText('*')).toHaveAttribute('aria-hidden', 'true')
  })

  it('gives each field its own ids', () => {
    renderUi(
      <>
        <Field label="City" error="Required">
          <TextInput />
        </Field>
        <Field label="Region" error="Required">
          <TextInput />
        </Field>
      </>,
    )
    const city = screen.getByRole('textbox', { name: 'City' })
    const region = screen.getByRole('textbox', { name: 'Region' })
    expect(city.id).not.toBe(region.id)
    expect(city.getAttribute('aria-errormessage')).not.toBe(region.getAttribute('aria-errormessage'))
  })

  it('labels a native select and passes ids through a render prop', () => {
    renderUi(
      <>
        <Field label="Interval">
          <NativeSelect options={[{ value: 'month', label: 'Monthly' }]} />
        </Field>
        <Field label="Notes" description="Shown on invoices.">
          {(control) => <textarea {...control} />}
        </Field>
      </>,
    )
    expect(screen.getByRole('combobox', { name: 'Interval' })).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveAccessibleDescription('Shown on invoices.')
  })
})
