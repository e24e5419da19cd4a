import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryAdapter } from '../../src/adapter/memory'
import { BillingProvider } from '../../src/provider'
import { Deferred, deferred } from '../../src/ui'
import { localeFor, type ShippedTag } from '../support/locales'

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>
}

function renderDeferred(ui: React.ReactNode, locale: ShippedTag = 'en') {
  return render(
    <BillingProvider adapter={createMemoryAdapter()} locale={localeFor(locale)}>
      <Deferred>{ui}</Deferred>
    </BillingProvider>,
  )
}

describe('deferred components', () => {
  it('shows a loading state, then the component once its code arrives', async () => {
    let resolve!: (module: { Greeting: typeof Greeting }) => void
    const load = vi.fn(() => new Promise<{ Greeting: typeof Greeting }>((r) => (resolve = r)))
    const Lazy = deferred(load, 'Greeting')
    renderDeferred(<Lazy name="Ana" />)
    expect(screen.getByText('Loading…')).toBeInTheDocument()
    resolve({ Greeting })
    expect(await screen.findByText('Hello Ana')).toBeInTheDocument()
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('preloading fetches the code once, however often it is asked', async () => {
    const load = vi.fn(async () => ({ Greeting }))
    const Lazy = deferred(load, 'Greeting')
    await Promise.all([Lazy.preload(), Lazy.preload()])
    renderDeferred(<Lazy name="Luis" />)
    // Already loaded: no loading state at all.
    expect(screen.getByText('Hello Luis')).toBeInTheDocument()
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('a failed fetch says so in the user language and a retry loads it', async () => {
    const user = userEvent.setup()
    const load = vi
      .fn<() => Promise<{ Greeting: typeof Greeting }>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue({ Greeting })
    const Lazy = deferred(load, 'Greeting')
    vi.spyOn(console, 'error').mockImplementation(() => {})
    renderDeferred(<Lazy name="Eva" />, 'es')
    const retry = await screen.findByRole('button', { name: 'Reintentar' })
    const errorState = retry.closest('[data-slot="error-state"]')
    expect(errorState).toHaveAttribute('role', 'alert')
    // Localised, and never the browser's English error text.
    expect(errorState).not.toHaveTextContent('Failed to fetch')
    expect(screen.queryByText('Hello Eva')).not.toBeInTheDocument()
    await user.click(retry)
    expect(await screen.findByText('Hello Eva')).toBeInTheDocument()
    expect(errorState).not.toBeInTheDocument()
    expect(load).toHaveBeenCalledTimes(2)
  })
})
