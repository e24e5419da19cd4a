import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test'
import { createMemoryAdapter, type MemoryAdapterOptions } from '../src/adapter/memory'
import type { BillingAdapter, PaymentMethod } from '../src/adapter/types'
import { PaymentMethods } from '../src/components/PaymentMethods'
import '../src/components/PaymentMethods/PaymentMethods.css'
import { createFailingStripeLoader } from '../src/testing'
import type { BillingStoryParameters } from './support/withBilling'

const NOW = new Date('2026-11-26T15:00:00Z')

const billing = (parameters: BillingStoryParameters) => ({ billing: parameters })

const memory = (locale: 'es' | 'en', options: MemoryAdapterOptions = {}) =>
  createMemoryAdapter({ seed: 7, now: () => NOW, locale, ...options })

/** Cards kept in a device wallet and a bank debit, as an adapter backed by Stripe may return them. */
const WALLETS_AND_BANKS: PaymentMethod[] = [
  {
    id: 'pm_apple_pay',
    type: 'card',
    brand: 'visa',
    last4: '1881',
    expMonth: 7,
    expYear: 2029,
    wallet: 'apple_pay',
    isDefault: false,
  },
  {
    id: 'pm_google_pay',
    type: 'card',
    brand: 'mastercard',
    last4: '5100',
    expMonth: 2,
    expYear: 2028,
    wallet: 'google_pay',
    isDefault: false,
  },
  {
    id: 'pm_sepa',
    type: 'bank_account',
    brand: 'unknown',
    last4: '3000',
    expMonth: null,
    expYear: null,
    bankName: 'BBVA',
    isDefault: false,
  },
]

/** A host Stripe promise that rejects (offline, blocked, CSP), only once it is awaited. */
const unreachableStripe: PromiseLike<never> = {
  // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose, like a host's promise
  then: (onFulfilled, onRejected) => createFailingStripeLoader()().then(onFulfilled, onRejected),
}

async function typeCard(number: string, locale: 'es' | 'en') {
  const dialog = within(await screen.findByRole('dialog'))
  const labels =
    locale === 'es'
      ? { number: 'Número de tarjeta', expiry: 'Fecha de vencimiento (MM / AA)' }
      : { number: 'Card number', expiry: 'Expiration date (MM / YY)' }
  await userEvent.type(await dialog.findByLabelText(labels.number), number)
  await userEvent.type(dialog.getByLabelText(labels.expiry), '1234')
  await userEvent.type(dialog.getByLabelText('CVC'), '123')
  return dialog
}

/** Dialogs fade in; what is in them counts as visible once the fade is done. */
async function toBeShown(element: HTMLElement) {
  await waitFor(() => expect(element).toBeVisible())
}

const meta = {
  title: 'Components/PaymentMethods',
  component: PaymentMethods,
  args: {
    onCardAdded: fn(),
    onRemoved: fn(),
    onDefaultChanged: fn(),
    onAddCardOpenChange: fn(),
  },
  parameters: { layout: 'padded' },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 760 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof PaymentMethods>

export default meta
type Story = StoryObj<typeof meta>

/** The seeded account: the default Visa, an expired Mastercard, an Amex expiring next month. */
export const Populated: Story = {}

export const PopulatedEnglishDark: Story = {
  globals: { locale: 'en', theme: 'dark' },
}

export const Narrow: Story = {
  globals: { viewport: { value: 'narrow' } },
}

export const NarrowEnglishDark: Story = {
  globals: { viewport: { value: 'narrow' }, locale: 'en', theme: 'dark' },
}

export const WalletsAndBankDebits: Story = {
  parameters: billing({
    adapter: ({ locale }) => {
      const base = memory(locale)
      return { ...base, listPaymentMethods: async () => [...(await base.listPaymentMethods()), ...WALLETS_AND_BANKS] }
    },
  }),
}

export const Empty: Story = {
  parameters: billing({ memory: { empty: true } }),
}

export const EmptyEnglishDark: Story = {
  ...Empty,
  globals: { locale: 'en', theme: 'dark' },
}

export const Loading: Story = {
  parameters: billing({
    adapter: ({ locale }) => ({ ...memory(locale), listPaymentMethods: () => new Promise<PaymentMethod[]>(() => {}) }),
  }),
}

export const LoadError: Story = {
  parameters: billing({ memory: { faults: { listPaymentMethods: 'unavailable' } } }),
}

export const ReadOnly: Story = {
  parameters: billing({ provider: { readOnly: true } }),
}

/** The Stripe Payment Element (here the fake Stripe) inside "Agregar Nueva Tarjeta". */
export const AddDialogOpen: Story = {
  args: { defaultAddCardOpen: true },
  play: async () => {
    const dialog = await screen.findByRole('dialog', { name: 'Agregar Nueva Tarjeta' })
    await waitFor(() => expect(dialog).toHaveAttribute('data-step', 'ready'))
    await waitFor(() => expect(within(dialog).getByLabelText('Número de tarjeta')).toBeVisible())
  },
}

export const AddDialogOpenEnglishDarkNarrow: Story = {
  ...AddDialogOpen,
  globals: { locale: 'en', theme: 'dark', viewport: { value: 'narrow' } },
  play: async () => {
    const dialog = await screen.findByRole('dialog', { name: 'Add new card' })
    await waitFor(() => expect(dialog).toHaveAttribute('data-step', 'ready'))
    await waitFor(() => expect(within(dialog).getByLabelText('Card number')).toBeVisible())
  },
}

/** Adds a Mastercard and makes it the default; the list refreshes with it on top. */
export const AddCard: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Add new card' }))
    const dialog = await typeCard('5555555555554444', 'en')
    await userEvent.click(dialog.getByRole('switch', { name: 'Make this my default card' }))
    await userEvent.click(dialog.getByRole('button', { name: 'Save card' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await expect(args.onCardAdded).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(canvasElement.querySelector('.bp-pm-name')).toHaveTextContent('Mastercard •••• 4444'))
  },
}

/** Stripe's decline, in Stripe's words and in the panel's language; nothing is attached. */
export const AddCardDeclined: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Agregar Nueva Tarjeta' }))
    const dialog = await typeCard('4000000000000002', 'es')
    await userEvent.click(dialog.getByRole('button', { name: 'Guardar tarjeta' }))
    await toBeShown(await dialog.findByText('Tu tarjeta fue rechazada.'))
    await expect(args.onCardAdded).not.toHaveBeenCalled()
  },
}

/** The bank's 3-D Secure challenge failed or was abandoned. */
export const ThreeDSecureFailed: Story = {
  globals: { locale: 'en' },
  parameters: billing({ stripe: { threeDSecure: 'fail' } }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Add new card' }))
    const dialog = await typeCard('4000002500003155', 'en')
    await userEvent.click(dialog.getByRole('button', { name: 'Save card' }))
    await toBeShown(await dialog.findByText("Your bank didn't confirm the card"))
    await expect(args.onCardAdded).not.toHaveBeenCalled()
  },
}

/** Stripe.js could not load (offline, blocked, CSP): a clear message and a retry, no spinner. */
export const StripeLoadFailure: Story = {
  args: { defaultAddCardOpen: true },
  parameters: billing({ provider: { stripe: unreachableStripe } }),
  play: async () => {
    const dialog = within(await screen.findByRole('dialog', { name: 'Agregar Nueva Tarjeta' }))
    await waitFor(() => expect(dialog.getByText('No se pudo cargar el formulario seguro de tarjeta')).toBeVisible())
    await toBeShown(dialog.getByRole('button', { name: 'Reintentar' }))
  },
}

export const StripeLoadFailureEnglishDark: Story = {
  ...StripeLoadFailure,
  globals: { locale: 'en', theme: 'dark' },
  play: async () => {
    const dialog = within(await screen.findByRole('dialog', { name: 'Add new card' }))
    await waitFor(() => expect(dialog.getByText("The secure card form couldn't load")).toBeVisible())
  },
}

/** Stripe saved the card, the adapter failed to record it: the truth, and "finish" with the same SetupIntent. */
export const SavedWithStripeAttachFailed: Story = {
  globals: { locale: 'en' },
  parameters: billing({ memory: { faults: { attachPaymentMethod: 'network' } } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Add new card' }))
    const dialog = await typeCard('4242424242424242', 'en')
    await userEvent.click(dialog.getByRole('button', { name: 'Save card' }))
    await toBeShown(await dialog.findByText(/saved with Stripe but we couldn't finish adding it/))
    await toBeShown(dialog.getByRole('button', { name: 'Finish adding card' }))
    await expect(dialog.queryByLabelText('Card number')).not.toBeInTheDocument()
  },
}

/** The default card pays subscriptions and auto-recharge: the dialog explains before trying. */
export const GuardedDefaultRemove: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Eliminar Visa •••• 4242' }))
    const dialog = within(await screen.findByRole('alertdialog', { name: 'Aún no puedes eliminar Visa •••• 4242' }))
    await toBeShown(dialog.getByText('La recarga automática de la cartera'))
    await expect(dialog.queryByRole('button', { name: 'Eliminar tarjeta' })).not.toBeInTheDocument()
    await expect(args.onRemoved).not.toHaveBeenCalled()
  },
}

export const GuardedDefaultRemoveEnglishDarkNarrow: Story = {
  globals: { locale: 'en', theme: 'dark', viewport: { value: 'narrow' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Remove Visa •••• 4242' }))
    await toBeShown(await screen.findByRole('alertdialog', { name: "Visa •••• 4242 can't be removed yet" }))
  },
}

/** Removing the only card warns that renewals and auto-recharge will fail. */
export const RemoveLastCard: Story = {
  globals: { locale: 'en' },
  parameters: billing({
    adapter: ({ locale }) => {
      const base = memory(locale, { empty: true })
      const only: PaymentMethod = { ...WALLETS_AND_BANKS[1], wallet: null, isDefault: true }
      const adapter: BillingAdapter = { ...base, listPaymentMethods: async () => [only] }
      return adapter
    },
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Remove Mastercard •••• 5100' }))
    const dialog = within(await screen.findByRole('alertdialog', { name: 'Remove Mastercard •••• 5100?' }))
    await toBeShown(dialog.getByText(/This is your only card/))
  },
}

/** Setting a default that the adapter refuses: the badge goes back, with a message. */
export const SetDefaultRolledBack: Story = {
  parameters: billing({ memory: { latency: 150, faults: { setDefaultPaymentMethod: 'network' } } }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Establecer como principal: Visa •••• 0002' }))
    await toBeShown(await canvas.findByText('No pudimos establecer Visa •••• 0002 como tu tarjeta principal.'))
    await expect(canvasElement.querySelector('.bp-pm-name')).toHaveTextContent('Visa •••• 4242')
    await expect(args.onDefaultChanged).not.toHaveBeenCalled()
  },
}
