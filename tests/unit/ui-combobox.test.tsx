import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState, type ReactNode } from 'react'
import { createMemoryAdapter } from '../../src/adapter/memory'
import { BillingProvider } from '../../src/provider'
import { Combobox, Field, filterOptions } from '../../src/ui'
import { es } from '../../src/locales/es'

const COUNTRIES = [
  { value: 'AR', label: 'Argentina' },
  { value: 'CO', label: 'Colombia' },
  { value: 'ES', label: 'España' },
  { value: 'US', label: 'Estados Unidos' },
  { value: 'MX', label: 'México' },
  { value: 'PE', label: 'Perú' },
]

function renderUi(ui: ReactNode) {
  return render(
    <BillingProvider adapter={createMemoryAdapter()} locale={es}>
      {ui}
    </BillingProvider>,
  )
}

function CountryField({ onValueChange, initial = '' }: { onValueChange: (value: string) => void; initial?: string }) {
  const [country, setCountry] = useState(initial)
  return (
    <Field label="País">
      <Combobox
        options={COUNTRIES}
        value={country}
        onValueChange={(next) => {
          setCountry(next)
          onValueChange(next)
        }}
      />
    </Field>
  )
}

describe('Combobox', () => {
  it('finds "México" from "mexi" and picks it with Enter', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    renderUi(<CountryField onValueChange={onValueChange} />)
    const input = screen.getByRole('combobox', { name: 'País' })

    await user.type(input, 'mexi')
    const listbox = screen.getByRole('listbox', { name: 'País' })
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['México'])
    expect(input).toHaveAttribute('aria-expanded', 'true')
    expect(input).toHaveAttribute('aria-activedescendant', within(listbox).getByRole('option').id)

    await user.keyboard('{Enter}')
    expect(onValueChange).toHaveBeenCalledWith('MX')
    expect(input).toHaveValue('México')
    expect(input).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument()
  })

  it('moves through options with the arrow keys', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    renderUi(<CountryField onValueChange={onValueChange} />)
    const input = screen.getByRole('combobox', { name: 'País' })

    await user.type(input, 'es')
    // Starts-with matches first ("España", "Estados Unidos"), then contains.
    const options = within(screen.getByRole('listbox')).getAllByRole('option')
    expect(options[0]).toHaveTextContent('España')
    expect(options[1]).toHaveTextContent('Estados Unidos')

    await user.keyboard('{ArrowDown}')
    expect(input).toHaveAttribute('aria-activedescendant', options[1].id)
    expect(options[1]).toHaveAttribute('aria-selected', 'true')
    await user.keyboard('{Enter}')
    expect(onValueChange).toHaveBeenCalledWith('US')
  })

  it('closes on Escape and keeps the previous choice', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    renderUi(<CountryField onValueChange={onValueChange} initial="CO" />)
    const input = screen.getByRole('combobox', { name: 'País' })
    expect(input).toHaveValue('Colombia')

    await user.clear(input)
    await user.type(input, 'peru')
    expect(within(screen.getByRole('listbox')).getByRole('option')).toHaveTextContent('Perú')
    await user.keyboard('{Escape}')

    expect(screen.queryByRole('listbox')).not.toBeInTheDocument()
    expect(input).toHaveValue('Colombia')
    expect(onValueChange).not.toHaveBeenCalled()
  })

  it('says when nothing matches, and Enter then picks nothing', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    renderUi(<CountryField onValueChange={onValueChange} />)
    const input = screen.getByRole('combobox', { name: 'País' })
    await user.type(input, 'zzz')
    expect(screen.getAllByText('Sin coincidencias').length).toBeGreaterThan(0)
    expect(input).toHaveAttribute('aria-expanded', 'false')
    await user.keyboard('{Enter}')
    expect(onValueChange).not.toHaveBeenCalled()
  })

  it('picks an option with the pointer', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    renderUi(<CountryField onValueChange={onValueChange} />)
    await user.click(screen.getByRole('combobox', { name: 'País' }))
    await user.click(screen.getByRole('option', { name: 'Perú' }))
    expect(onValueChange).toHaveBeenCalledWith('PE')
    expect(screen.getByRole('combobox', { name: 'País' })).toHaveValue('Perú')
  })
})

describe('filterOptions', () => {
  it('ignores accents and case both ways', () => {
    expect(filterOptions(COUNTRIES, 'MÉXICO').map((o) => o.value)).toEqual(['MX'])
    expect(filterOptions(COUNTRIES, 'peru').map((o) => o.value)).toEqual(['PE'])
    expect(filterOptions(COUNTRIES, 'españa').map((o) => o.value)).toEqual(['ES'])
  })
})
