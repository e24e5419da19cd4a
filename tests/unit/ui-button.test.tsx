import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { createMemoryAdapter } from '../../src/adapter/memory'
import { BillingProvider } from '../../src/provider'
import { Button } from '../../src/ui'
import { localeFor, type ShippedTag } from '../support/locales'

function renderUi(ui: ReactNode, locale: ShippedTag = 'en') {
  const adapter = createMemoryAdapter()
  const view = render(
    <BillingProvider adapter={adapter} locale={localeFor(locale)}>
      {ui}
    </BillingProvider>,
  )
  return {
    ...view,
    rerenderUi: (next: ReactNode) =>
      view.rerender(
        <BillingProvider adapter={adapter} locale={localeFor(locale)}>
          {next}
        </BillingProvider>,
      ),
  }
}

describe('Button', () => {
  it('ignores clicks while pending and works again afterwards', async () => {
    const user = userEvent.setup()
    const onClick = vi.fn()
    const { rerenderUi } = renderUi(
      <Button pending onClick={onClick}>
        Pay
      </Button>,
    )
    const button = screen.getByRole('button', { name: 'Pay' })
    await user.click(button)
    await user.dblClick(button)
    expect(onClick).not.toHaveBeenCalled()

    rerenderUi(<Button onClick={onClick}>Pay</Button>)
    await user.click(screen.getByRole('button', { name: 'Pay' }))
    expect(onClick).toHaveBeenCalledTimes(1)
  })

  it('keeps focus and is marked aria-disabled, not disabled, while pending', async () => {
    const user = userEvent.setup()
    const { rerenderUi } = renderUi(<Button>Save</Button>)
    await user.tab()
    const button = screen.getByRole('button', { name: 'Save' })
    expect(button).toHaveFocus()

    rerenderUi(<Button pending>Save</Button>)
    expect(button).toHaveFocus()
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).toHaveAttribute('data-pending')
    expect(button).not.toBeDisabled()
  })

  it('cannot submit its form twice: clicks and Enter do nothing while pending', async () => {
    const user = userEvent.setup()
    const onSubmit = vi.fn((event: SubmitEvent | React.FormEvent) => event.preventDefault())
    const form = (pending: boolean) => (
      <form onSubmit={onSubmit} aria-label="Top up">
        <input aria-label="Amount" />
        <Button type="submit" variant="primary" pending={pending}>
          Add funds
        </Button>
      </form>
    )
    const { rerenderUi } = renderUi(form(false))
    await user.click(screen.getByRole('button', { name: 'Add funds' }))
    expect(onSubmit).toHaveBeenCalledTimes(1)

    rerenderUi(form(true))
    await user.click(screen.getByRole('button', { name: 'Add funds' }))
    await user.type(screen.getByRole('textbox', { name: 'Amount' }), '25{Enter}')
    expect(onSubmit).toHaveBeenCalledTimes(1)
  })

  it('announces the pending label to screen readers, in the panel language', async () => {
    const { rerenderUi } = renderUi(<Button>Guardar</Button>, 'es')
    rerenderUi(<Button pending>Guardar</Button>)
    const statuses = screen.getAllByRole('status')
    expect(await within(statuses[statuses.length - 1]).findByText('Procesando…')).toBeInTheDocument()
  })

  it('puts variant, size and the host class on the element', () => {
    renderUi(
      <Button variant="danger" size="sm" className="host-class">
        Remove
      </Button>,
    )
    const button = screen.getByRole('button', { name: 'Remove' })
    expect(button).toHaveAttribute('data-variant', 'danger')
    expect(button).toHaveAttribute('data-size', 'sm')
    expect(button).toHaveAttribute('data-slot', 'button')
    expect(button.className).toBe('bp-button host-class')
    expect(button).toHaveAttribute('type', 'button')
  })

  it('renders its child instead of a button with asChild', () => {
    renderUi(
      <Button asChild variant="link">
        <a href="https://example.com/invoice.pdf">Download invoice</a>
      </Button>,
    )
    const link = screen.getByRole('link', { name: 'Download invoice' })
    expect(link).toHaveClass('bp-button')
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
  })
})
