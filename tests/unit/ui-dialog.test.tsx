import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { createMemoryAdapter } from '../../src/adapter/memory'
import { BillingProvider, type BillingProviderProps } from '../../src/provider'
import { Button, Dialog, DialogClose } from '../../src/ui'
import { es } from '../../src/locales/es'

function renderUi(ui: ReactNode, props: Partial<BillingProviderProps> = {}) {
  return render(
    <BillingProvider adapter={createMemoryAdapter()} {...props}>
      {ui}
    </BillingProvider>,
  )
}

function AddFunds({ charging = false }: { charging?: boolean }) {
  return (
    <Dialog
      trigger={<Button>Add funds</Button>}
      title="Add funds"
      description="Choose an amount and a card."
      dismissible={!charging}
      footer={
        <DialogClose asChild>
          <Button>Cancel</Button>
        </DialogClose>
      }
    >
      <p>Body</p>
    </Dialog>
  )
}

describe('Dialog', () => {
  it('is named by its title, described, and closed by a localised close button', async () => {
    const user = userEvent.setup()
    renderUi(<AddFunds />, { locale: es })
    await user.click(screen.getByRole('button', { name: 'Add funds' }))
    const dialog = screen.getByRole('dialog', { name: 'Add funds' })
    expect(dialog).toHaveAccessibleDescription('Choose an amount and a card.')
    await user.click(screen.getByRole('button', { name: 'Cerrar' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('cannot be closed while not dismissible: not by Escape, nor Cancel, nor a close button', async () => {
    const user = userEvent.setup()
    const adapter = createMemoryAdapter()
    const view = render(
      <BillingProvider adapter={adapter}>
        <AddFunds />
      </BillingProvider>,
    )
    await user.click(screen.getByRole('button', { name: 'Add funds' }))
    // The charge starts, as a running mutation would make it.
    view.rerender(
      <BillingProvider adapter={adapter}>
        <AddFunds charging />
      </BillingProvider>,
    )
    const dialog = screen.getByRole('dialog')
    expect(screen.queryByRole('button', { name: 'Close' })).not.toBeInTheDocument()

    await user.keyboard('{Escape}')
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(dialog).toBeInTheDocument()

    view.rerender(
      <BillingProvider adapter={adapter}>
        <AddFunds />
      </BillingProvider>,
    )
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it("renders into the host's container, carrying the panel theme", async () => {
    const user = userEvent.setup()
    const host = document.createElement('div')
    document.body.append(host)
    renderUi(<AddFunds />, {
      portalContainer: host,
      appearance: { theme: 'dark', variables: { colorPrimary: 'rebeccapurple' } },
    })
    await user.click(screen.getByRole('button', { name: 'Add funds' }))
    const dialog = screen.getByRole('dialog')
    expect(host).toContainElement(dialog)
    const themeRoot = dialog.closest('.bp-root') as HTMLElement
    expect(themeRoot).toHaveClass('bp-portal')
    expect(themeRoot).toHaveAttribute('data-theme', 'dark')
    expect(themeRoot.style.getPropertyValue('--bp-color-primary')).toBe('rebeccapurple')
    host.remove()
  })
})
