import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState, type ReactNode } from 'react'
import { createMemoryAdapter } from '../../src/adapter/memory'
import type { MoneyParseResult } from '../../src/money'
import { BillingProvider } from '../../src/provider'
import { Field, MoneyField, MoneyInput, type MoneyCheckResult } from '../../src/ui'
import { localeFor, type ShippedTag } from '../support/locales'

function renderUi(ui: ReactNode, locale: ShippedTag) {
  return render(
    <BillingProvider adapter={createMemoryAdapter()} locale={localeFor(locale)}>
      {ui}
    </BillingProvider>,
  )
}

function AmountInput(props: { currency: string; onParsed: (parsed: MoneyParseResult) => void }) {
  const [text, setText] = useState('')
  return (
    <Field label="Amount">
      <MoneyInput
        value={text}
        currency={props.currency}
        onValueChange={(next, parsed) => {
          setText(next)
          props.onParsed(parsed)
        }}
      />
    </Field>
  )
}

function AmountField(props: { currency: string; min?: number; onResult?: (result: MoneyCheckResult) => void }) {
  const [text, setText] = useState('')
  return (
    <>
      <MoneyField
        label="Amount"
        currency={props.currency}
        min={props.min}
        value={text}
        onValueChange={(next, result) => {
          setText(next)
          props.onResult?.(result)
        }}
      />
      <button type="button">Next</button>
    </>
  )
}

describe('MoneyInput', () => {
  it('reads "1.234,56" as 123456 minor units in Spanish and keeps the text as typed', async () => {
    const user = userEvent.setup()
    const onParsed = vi.fn()
    renderUi(<AmountInput currency="EUR" onParsed={onParsed} />, 'es')
    const input = screen.getByRole('textbox', { name: 'Amount' })
    await user.type(input, '1.234,56')
    expect(onParsed).toHaveBeenLastCalledWith({ ok: true, amount: 123456 })
    expect(input).toHaveValue('1.234,56')
    expect(screen.getByText('€')).toHaveAttribute('aria-hidden', 'true')
    expect(input).toHaveAccessibleDescription('Monto en euro (EUR)')
  })

  it('reads "1,234.56" as 123456 minor units in English', async () => {
    const user = userEvent.setup()
    const onParsed = vi.fn()
    renderUi(<AmountInput currency="USD" onParsed={onParsed} />, 'en')
    await user.type(screen.getByRole('textbox', { name: 'Amount' }), '1,234.56')
    expect(onParsed).toHaveBeenLastCalledWith({ ok: true, amount: 123456 })
  })

  it('asks for a decimal keypad without becoming a number input', () => {
    renderUi(<AmountInput currency="USD" onParsed={() => {}} />, 'en')
    const input = screen.getByRole('textbox', { name: 'Amount' })
    expect(input).toHaveAttribute('type', 'text')
    expect(input).toHaveAttribute('inputmode', 'decimal')
  })
})

describe('MoneyField', () => {
  it('explains garbage once the field is left, with an example in the locale', async () => {
    const user = userEvent.setup()
    renderUi(<AmountField currency="USD" />, 'en')
    const input = screen.getByRole('textbox', { name: 'Amount' })
    await user.type(input, 'abc')
    // Not while typing the first time: only after leaving the field.
    expect(input).not.toHaveAttribute('aria-invalid')
    expect(screen.queryByText(/Use numbers only/)).not.toBeInTheDocument()

    await user.tab()
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Use numbers only, e.g. 25.50.'))

    await user.clear(input)
    await user.type(input, '25')
    expect(input).not.toHaveAttribute('aria-invalid')
    expect(screen.queryByText(/Use numbers only/)).not.toBeInTheDocument()
  })

  it('says in Spanish how many decimals are allowed, and the example uses a comma', async () => {
    const user = userEvent.setup()
    const onResult = vi.fn()
    renderUi(<AmountField currency="MXN" onResult={onResult} />, 'es')
    const input = screen.getByRole('textbox', { name: 'Amount' })
    await user.type(input, '10,555')
    await user.tab()
    expect(screen.getByText('Usa como máximo 2 decimales.')).toBeInTheDocument()
    expect(onResult).toHaveBeenLastCalledWith({ ok: false, error: 'too_many_decimals' })

    await user.clear(input)
    await user.type(input, 'x')
    expect(screen.getByText('Usa solo números, por ejemplo 25,50.')).toBeInTheDocument()
  })

  it('refuses amounts under the minimum, naming the minimum in money', async () => {
    const user = userEvent.setup()
    renderUi(<AmountField currency="USD" min={1000} />, 'en')
    const input = screen.getByRole('textbox', { name: 'Amount' })
    await user.type(input, '5')
    await user.tab()
    expect(screen.getByText('The minimum is $10.00.')).toBeInTheDocument()
    expect(screen.queryByText(/Use numbers only/)).not.toBeInTheDocument()
  })
})
