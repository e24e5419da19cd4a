import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test'
import { BillingPanel } from '../src/components/BillingPanel'

/** The whole Settings › Billing page, as a host embeds it. Every section and dialog works. */
const meta = {
  title: 'Components/BillingPanel',
  component: BillingPanel,
  args: { onSectionChange: fn() },
  parameters: { layout: 'padded' },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 1040 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof BillingPanel>

export default meta
type Story = StoryObj<typeof meta>

export const Payments: Story = {}

export const PaymentsEnglishDark: Story = {
  globals: { locale: 'en', theme: 'dark' },
}

/** A host router deep-links a section. */
export const Subscriptions: Story = {
  args: { defaultSection: 'subscriptions' },
}

export const WalletAndTransactions: Story = {
  args: { defaultSection: 'wallet' },
}

export const WalletAndTransactionsEnglishDark: Story = {
  args: { defaultSection: 'wallet' },
  globals: { locale: 'en', theme: 'dark' },
}

export const Narrow: Story = {
  globals: { viewport: { value: 'narrow' } },
}

export const NarrowWalletEnglishDark: Story = {
  args: { defaultSection: 'wallet' },
  globals: { viewport: { value: 'narrow' }, locale: 'en', theme: 'dark' },
}

/** The past-due banner's "Update payment method" opens Payments. */
export const PastDueGoesToPayments: Story = {
  args: { defaultSection: 'subscriptions' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Actualizar método de pago' }))
    await expect(await canvas.findByRole('tab', { name: 'Pagos', selected: true })).toBeVisible()
    await expect(await canvas.findByRole('list', { name: 'Métodos de pago guardados' })).toBeVisible()
    await expect(args.onSectionChange).toHaveBeenCalledWith('payments')
  },
}

/** Keyboard: arrows move between tabs, Enter opens one (manual activation). */
export const KeyboardTabs: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const payments = await canvas.findByRole('tab', { name: 'Payments', selected: true })
    payments.focus()
    await userEvent.keyboard('{ArrowRight}{ArrowRight}')
    await expect(canvas.getByRole('tab', { name: 'Wallet & Transactions' })).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    await expect(await canvas.findByRole('tab', { name: 'Wallet & Transactions', selected: true })).toBeVisible()
    await expect(await canvas.findByRole('heading', { name: 'Wallet' })).toBeVisible()
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await expect(args.onSectionChange).toHaveBeenCalledWith('wallet')
  },
}
