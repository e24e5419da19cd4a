import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { Tab, TabPanel, Tabs, TabsList } from '../../src/ui'

function Sections(props: Omit<React.ComponentProps<typeof Tabs>, 'children'>) {
  return (
    <Tabs {...props}>
      <TabsList aria-label="Billing sections">
        <Tab value="payments">Payments</Tab>
        <Tab value="subscriptions" disabled>
          Subscriptions
        </Tab>
        <Tab value="wallet">Wallet</Tab>
      </TabsList>
      <TabPanel value="payments">Cards and address</TabPanel>
      <TabPanel value="subscriptions">Plans</TabPanel>
      <TabPanel value="wallet">Balance</TabPanel>
    </Tabs>
  )
}

describe('Tabs', () => {
  it('wires tabs and panels for assistive tech and renders only the open panel', () => {
    render(<Sections defaultValue="wallet" />)
    const wallet = screen.getByRole('tab', { name: 'Wallet' })
    expect(wallet).toHaveAttribute('aria-selected', 'true')
    expect(wallet).toHaveAttribute('data-state', 'active')
    expect(screen.getByRole('tab', { name: 'Payments' })).toHaveAttribute('aria-selected', 'false')
    const panel = screen.getByRole('tabpanel', { name: 'Wallet' })
    expect(panel).toHaveTextContent('Balance')
    expect(wallet).toHaveAttribute('aria-controls', panel.id)
    // The others stay as hidden, empty placeholders.
    expect(screen.queryByText('Cards and address')).not.toBeInTheDocument()
    expect(screen.getAllByRole('tabpanel', { hidden: true })).toHaveLength(3)
  })

  it('activates on focus by default, skipping disabled tabs', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    render(<Sections defaultValue="payments" onValueChange={onValueChange} />)
    await user.tab()
    expect(screen.getByRole('tab', { name: 'Payments' })).toHaveFocus()
    await user.keyboard('{ArrowRight}')
    expect(screen.getByRole('tab', { name: 'Wallet' })).toHaveFocus()
    expect(screen.getByRole('tabpanel')).toHaveTextContent('Balance')
    expect(onValueChange).toHaveBeenCalledWith('wallet')
    expect(onValueChange).not.toHaveBeenCalledWith('subscriptions')
  })

  it('in manual mode, moving focus opens nothing until Enter', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    render(<Sections defaultValue="payments" activationMode="manual" onValueChange={onValueChange} />)
    await user.tab()
    await user.keyboard('{End}')
    expect(screen.getByRole('tab', { name: 'Wallet' })).toHaveFocus()
    expect(screen.getByRole('tabpanel')).toHaveTextContent('Cards and address')
    expect(onValueChange).not.toHaveBeenCalled()
    await user.keyboard('{Enter}')
    expect(screen.getByRole('tabpanel')).toHaveTextContent('Balance')
    expect(onValueChange).toHaveBeenCalledWith('wallet')
  })

  it('is controlled by value, and only asks to change it', async () => {
    const user = userEvent.setup()
    const asked: string[] = []
    function Host() {
      const [value] = useState('payments')
      return <Sections value={value} onValueChange={(next) => asked.push(next)} />
    }
    render(<Host />)
    await user.click(screen.getByRole('tab', { name: 'Wallet' }))
    expect(asked).toEqual(['wallet'])
    expect(screen.getByRole('tab', { name: 'Payments' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByRole('tabpanel')).toHaveTextContent('Cards and address')
  })

  it('lets a host click handler run first and opt out', async () => {
    const user = userEvent.setup()
    render(
      <Tabs defaultValue="a" activationMode="manual">
        <TabsList aria-label="Letters">
          <Tab value="a">A</Tab>
          <Tab value="b" onClick={(event) => event.preventDefault()}>
            B
          </Tab>
        </TabsList>
        <TabPanel value="a">First</TabPanel>
        <TabPanel value="b">Second</TabPanel>
      </Tabs>,
    )
    await user.click(screen.getByRole('tab', { name: 'B' }))
    expect(screen.getByRole('tabpanel')).toHaveTextContent('First')
  })
})
