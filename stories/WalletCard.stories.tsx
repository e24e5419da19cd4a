import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test'
import { createMemoryAdapter, type MemoryAdapterOptions, type MemoryBillingAdapter } from '../src/adapter/memory'
import type { BillingAdapter, Wallet } from '../src/adapter/types'
import { WalletCard } from '../src/components/WalletCard'
import '../src/components/WalletCard/WalletCard.css'
import type { BillingStoryParameters } from './support/withBilling'

const NOW = new Date('2026-11-26T15:00:00Z')
const DAY = 86_400_000

/**
 * A memory adapter brought into a state first (usage spent, a card declining…). Every call
 * waits for that preparation, so the story never shows the seed before it.
 */
function prepared(
  prepare: (memory: MemoryBillingAdapter) => Promise<unknown>,
  options: MemoryAdapterOptions = {},
  wallet?: (wallet: Wallet) => Wallet,
): () => BillingAdapter {
  return () => {
    const memory = createMemoryAdapter({ seed: 7, now: () => NOW, locale: 'es', ...options })
    const ready = prepare(memory)
    return new Proxy(memory, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver)
        if (typeof value !== 'function') return value
        return async (...args: unknown[]) => {
          await ready
          const result = await value.apply(target, args)
          return key === 'getWallet' && wallet ? wallet(result as Wallet) : result
        }
      },
    })
  }
}

const turnAutoRechargeOff = async (memory: MemoryBillingAdapter) => {
  const { autoRecharge } = await memory.getWallet()
  await memory.updateAutoRecharge({ ...autoRecharge, enabled: false })
}

const billing = (parameters: BillingStoryParameters) => ({ billing: parameters })

const meta = {
  title: 'Components/WalletCard',
  component: WalletCard,
  args: {
    onAddPaymentMethod: fn(),
    onTopUpSuccess: fn(),
    onAutoRechargeSaved: fn(),
  },
  parameters: { layout: 'padded' },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 760 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof WalletCard>

export default meta
type Story = StoryObj<typeof meta>

export const Populated: Story = {}

export const Loading: Story = {
  parameters: billing({
    adapter: () => ({
      ...createMemoryAdapter({ seed: 7, now: () => NOW }),
      getWallet: () => new Promise<Wallet>(() => {}),
    }),
  }),
}

export const LoadError: Story = {
  parameters: billing({ memory: { faults: { getWallet: 'unavailable' } } }),
}

export const NoCard: Story = {
  parameters: billing({ memory: { empty: true } }),
}

export const LowBalance: Story = {
  parameters: billing({
    adapter: prepared(async (memory) => {
      await turnAutoRechargeOff(memory)
      await memory.simulateUsage({ unit: 'sms', cost: { amount: 5000, currency: 'USD' } })
    }),
  }),
}

export const CreditsExpiring: Story = {
  parameters: billing({
    adapter: prepared(
      async () => {},
      {},
      (wallet) => ({
        ...wallet,
        credits: [
          ...wallet.credits,
          {
            id: 'credit_trial',
            description: null,
            remaining: { amount: 320, currency: wallet.currency },
            grantedAt: new Date(NOW.getTime() - 29 * DAY).toISOString(),
            expiresAt: new Date(Date.now() + DAY).toISOString(),
          },
          {
            id: 'credit_today',
            description: 'Bono de reactivación',
            remaining: { amount: 150, currency: wallet.currency },
            grantedAt: null,
            expiresAt: new Date(Date.now() + 60_000).toISOString(),
          },
        ],
      }),
    ),
  }),
}

export const AutoRechargeOn: Story = {
  globals: { locale: 'en', theme: 'dark' },
}

export const AutoRechargeOff: Story = {
  parameters: billing({ adapter: prepared(turnAutoRechargeOff) }),
}

export const AutoRechargePaused: Story = {
  parameters: billing({
    adapter: prepared(async (memory) => {
      // A card that always declines: three failed recharges in a row pause auto-recharge.
      await memory.setDefaultPaymentMethod('pm_visa_0002')
      for (let i = 0; i < 3; i++) await memory.simulateUsage({ cost: { amount: 5000, currency: 'USD' } })
    }),
  }),
}

export const AutoRechargePausedEnglishDark: Story = {
  ...AutoRechargePaused,
  globals: { locale: 'en', theme: 'dark' },
}

export const ReadOnly: Story = {
  parameters: billing({ provider: { readOnly: true } }),
}

export const Narrow: Story = {
  globals: { viewport: { value: 'narrow' } },
}

export const NarrowLowBalanceDark: Story = {
  ...LowBalance,
  globals: { viewport: { value: 'narrow' }, theme: 'dark' },
}

/** Adds $100 with a suggested amount; the card shows the new balance. */
export const AddFunds: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Add funds' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Add funds' }))
    await userEvent.click(dialog.getByRole('radio', { name: '$100.00' }))
    await expect(dialog.getByText("You'll be charged $100.00 to Visa •••• 4242.")).toBeVisible()
    await userEvent.click(dialog.getByRole('button', { name: 'Pay $100.00' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await expect(await canvas.findByText('$142.50')).toBeVisible()
    await expect(args.onTopUpSuccess).toHaveBeenCalledTimes(1)
  },
}

/** A declined card says why and keeps the amount. */
export const AddFundsDeclined: Story = {
  parameters: billing({
    memory: { faults: { addFunds: { code: 'card_declined', declineCode: 'insufficient_funds' } } },
  }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Agregar Fondos' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Agregar Fondos' }))
    const amount = dialog.getByRole('textbox', { name: 'Monto' })
    await userEvent.clear(amount)
    await userEvent.type(amount, '30')
    await userEvent.click(dialog.getByRole('button', { name: /^Pagar 30,00/ }))
    await expect(await dialog.findByRole('alert')).toHaveTextContent('fondos insuficientes')
    await expect(amount).toHaveValue('30')
    await expect(args.onTopUpSuccess).not.toHaveBeenCalled()
  },
}

/** Switches to "restore the balance to" and saves; the card's one-line summary follows. */
export const SetUpAutoRecharge: Story = {
  parameters: billing({ adapter: prepared(turnAutoRechargeOff) }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Configurar recarga automática' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Recarga automática' }))
    await userEvent.click(dialog.getByRole('switch', { name: 'Recargar automáticamente' }))
    const threshold = dialog.getByRole('textbox', { name: 'Cuando el saldo baje de' })
    await userEvent.clear(threshold)
    await userEvent.type(threshold, '15')
    await userEvent.click(dialog.getByRole('radio', { name: 'Restablecer el saldo a' }))
    const target = dialog.getByRole('textbox', { name: 'Saldo a restablecer' })
    await userEvent.clear(target)
    await userEvent.type(target, '80')
    await userEvent.click(dialog.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await expect(
      await canvas.findByText(
        'Cuando el saldo baje de 15,00 US$, se restablecerá a 80,00 US$ con Visa •••• 4242 (hasta 200,00 US$ al mes).',
      ),
    ).toBeVisible()
    await expect(args.onAutoRechargeSaved).toHaveBeenCalledTimes(1)
  },
}

/** Turning it on with the balance already under the threshold warns of the charge before saving. */
export const AutoRechargeChargesNow: Story = {
  globals: { locale: 'en', theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Edit auto-recharge' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Auto-recharge' }))
    const threshold = dialog.getByRole('textbox', { name: 'When the balance falls below' })
    await userEvent.clear(threshold)
    await userEvent.type(threshold, '50')
    await expect(dialog.getByText(/right away/)).toBeVisible()
  },
}
