import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { BillingError } from '../../src/adapter/errors'
import { createMemoryAdapter } from '../../src/adapter/memory'
import { BillingProvider } from '../../src/provider'
import { ErrorState, LoadingState, MoneyText, StatusBadge } from '../../src/ui'
import { localeFor, type ShippedTag } from '../support/locales'

function renderUi(ui: ReactNode, locale: ShippedTag = 'en') {
  return render(
    <BillingProvider adapter={createMemoryAdapter()} locale={localeFor(locale)}>
      {ui}
    </BillingProvider>,
  )
}

describe('ErrorState', () => {
  it('explains a decline in the panel language and offers a retry', async () => {
    const user = userEvent.setup()
    const onRetry = vi.fn()
    const error = new BillingError('card_declined', {
      declineCode: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    })
    renderUi(<ErrorState error={error} onRetry={onRetry} data-testid="state" />, 'es')
    const alert = screen.getByTestId('state')
    expect(alert).toHaveAttribute('role', 'alert')
    expect(alert).toHaveTextContent('La tarjeta fue rechazada por fondos insuficientes.')
    // The server's English text never reaches a Spanish-speaking user.
    expect(alert).not.toHaveTextContent('Your card has insufficient funds.')
    await user.click(screen.getByRole('button', { name: 'Reintentar' }))
    expect(onRetry).toHaveBeenCalledTimes(1)
  })

  it('says how long to wait when rate limited', () => {
    renderUi(<ErrorState error={new BillingError('rate_limited', { retryAfterMs: 2500 })} />)
    expect(screen.getByText('Too many attempts. Wait a moment and try again. Try again in 3 s.')).toBeInTheDocument()
  })

  it('shows the unknown-error message for anything that is not a BillingError', () => {
    renderUi(<ErrorState error={new Error('TypeError: x is undefined')} />)
    expect(screen.getByText('Something unexpected happened and nothing was charged. Try again.')).toBeInTheDocument()
    expect(screen.queryByText(/x is undefined/)).not.toBeInTheDocument()
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
  })
})

describe('display primitives', () => {
  it('StatusBadge shows its text and exposes the status for styling', () => {
    renderUi(
      <StatusBadge status="past_due" tone="danger">
        Past due
      </StatusBadge>,
    )
    const badge = screen.getByText('Past due')
    expect(badge).toHaveAttribute('data-state', 'past_due')
    expect(badge).toHaveAttribute('data-tone', 'danger')
  })

  it('LoadingState is one "Loading…" status, its placeholders hidden', () => {
    renderUi(<LoadingState rows={4} />, 'es')
    const statuses = screen.getAllByRole('status').filter((node) => node.textContent === 'Cargando…')
    expect(statuses).toHaveLength(1)
    expect(statuses[0].querySelectorAll('[aria-hidden="true"] .bp-skeleton')).toHaveLength(8)
  })

  it('MoneyText formats by locale and marks the sign', () => {
    renderUi(
      <>
        <MoneyText money={{ amount: -123456, currency: 'EUR' }} data-testid="debit" />
        <MoneyText money={{ amount: 2550, currency: 'EUR' }} signDisplay="always" data-testid="credit" />
      </>,
      'es',
    )
    expect(screen.getByTestId('debit')).toHaveTextContent(/^-1234,56\s€$/)
    expect(screen.getByTestId('debit')).toHaveAttribute('data-sign', 'negative')
    expect(screen.getByTestId('credit')).toHaveTextContent(/^\+25,50\s€$/)
  })
})
