import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { BillingError } from '../../src/adapter/errors'
import { createMemoryAdapter } from '../../src/adapter/memory'
import { BillingProvider } from '../../src/provider'
import { Button, ConfirmDialog } from '../../src/ui'

function renderUi(ui: ReactNode) {
  return render(<BillingProvider adapter={createMemoryAdapter()}>{ui}</BillingProvider>)
}

function deferred() {
  let resolve!: () => void
  let reject!: (error: unknown) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

function RemoveCard({ onConfirm }: { onConfirm: () => unknown }) {
  return (
    <ConfirmDialog
      trigger={<Button>Remove card</Button>}
      title="Remove Visa •••• 4242?"
      description="You won't be able to pay with this card any more."
      confirmLabel="Remove"
      destructive
      onConfirm={onConfirm}
    />
  )
}

describe('ConfirmDialog', () => {
  it('stays open while the confirmation runs, then closes', async () => {
    const user = userEvent.setup()
    const work = deferred()
    const onConfirm = vi.fn(() => work.promise)
    renderUi(<RemoveCard onConfirm={onConfirm} />)

    await user.click(screen.getByRole('button', { name: 'Remove card' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Visa •••• 4242?' })
    expect(dialog).toHaveAccessibleDescription("You won't be able to pay with this card any more.")

    const confirm = screen.getByRole('button', { name: 'Remove' })
    await user.click(confirm)
    await user.click(confirm)
    await user.keyboard('{Escape}')

    expect(onConfirm).toHaveBeenCalledTimes(1)
    expect(dialog).toBeInTheDocument()
    expect(confirm).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled()

    work.resolve()
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(screen.getByRole('button', { name: 'Remove card' })).toHaveFocus()
  })

  it('shows a failure inside the dialog and lets the person try again', async () => {
    const user = userEvent.setup()
    const onConfirm = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new BillingError('conflict'))
      .mockResolvedValueOnce(undefined)
    renderUi(<RemoveCard onConfirm={onConfirm} />)

    await user.click(screen.getByRole('button', { name: 'Remove card' }))
    await user.click(screen.getByRole('button', { name: 'Remove' }))

    const dialog = screen.getByRole('alertdialog')
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This changed somewhere else.')
    expect(screen.getByRole('button', { name: 'Remove' })).not.toHaveAttribute('aria-disabled')

    await user.click(screen.getByRole('button', { name: 'Remove' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(onConfirm).toHaveBeenCalledTimes(2)
  })

  it('closes on Cancel without confirming', async () => {
    const user = userEvent.setup()
    const onConfirm = vi.fn()
    renderUi(<RemoveCard onConfirm={onConfirm} />)
    await user.click(screen.getByRole('button', { name: 'Remove card' }))
    // The safe choice has focus first.
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(onConfirm).not.toHaveBeenCalled()
  })
})
