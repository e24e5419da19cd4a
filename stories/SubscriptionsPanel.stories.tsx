import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test'
import { createMemoryAdapter } from '../src/adapter/memory'
import type { BillingAdapter, Subscription } from '../src/adapter/types'
import { SubscriptionsPanel } from '../src/components/SubscriptionsPanel'
import '../src/components/SubscriptionsPanel/SubscriptionsPanel.css'
import type { BillingStoryParameters } from './support/withBilling'

const NOW = new Date('2026-11-26T15:00:00Z')
const DAY = 86_400_000
const inDays = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString()

const billing = (parameters: BillingStoryParameters) => ({ billing: parameters })

/** The seeded memory adapter, with its subscription list rewritten (more statuses, broken data…). */
function withSubscriptions(rewrite: (list: Subscription[], locale: 'es' | 'en') => Subscription[]) {
  return ({ locale }: { locale: 'es' | 'en' }): BillingAdapter => {
    const memory = createMemoryAdapter({ seed: 7, now: () => NOW, locale })
    return { ...memory, listSubscriptions: async () => rewrite(await memory.listSubscriptions(), locale) }
  }
}

const text = (locale: 'es' | 'en', es: string, en: string) => (locale === 'es' ? es : en)

/** One subscription in every status the panel knows, plus one it does not. */
const everyStatus = withSubscriptions((list, locale) => {
  const base = list[1]
  const make = (id: string, kind: Subscription['kind'], name: string, patch: Partial<Subscription>): Subscription => ({
    ...base,
    id,
    kind,
    name,
    description: null,
    quantity: 1,
    manageUrl: null,
    ...patch,
  })
  return [
    list[0],
    make('sub_paused', 'resale', text(locale, 'Mantenimiento web', 'Website maintenance'), { status: 'paused' }),
    make('sub_incomplete', 'resale', text(locale, 'Reputación online', 'Online reputation'), {
      status: 'incomplete',
      currentPeriodEnd: inDays(30),
    }),
    make('sub_past_due', 'resale', text(locale, 'Campañas de Google Ads', 'Google Ads campaigns'), {
      status: 'past_due',
    }),
    make('sub_trial', 'marketplace', text(locale, 'Chat con IA', 'AI chat'), {
      status: 'trialing',
      trialEnd: inDays(6),
      currentPeriodEnd: inDays(6),
    }),
    make('sub_canceled', 'marketplace', text(locale, 'Encuestas Pro', 'Surveys Pro'), {
      status: 'canceled',
      canceledAt: inDays(-3),
    }),
    make('sub_cancels', 'marketplace', text(locale, 'Reseñas Automáticas', 'Automatic Reviews'), {
      cancelAtPeriodEnd: true,
      currentPeriodEnd: inDays(16),
      manageUrl: 'https://marketplace.example.com/apps/resenas-automaticas',
    }),
    // The boundary turns a status it does not know into `unknown` and keeps the original word.
    make('sub_unknown', 'marketplace', text(locale, 'Widget de WhatsApp', 'WhatsApp widget'), {
      status: 'on_hold' as Subscription['status'],
    }),
  ]
})

/** What a careless backend sends: no price, an unknown status, a name of 10 000 characters, dates in the past. */
const malformed = withSubscriptions((list) => [
  list[0],
  {
    ...list[1],
    name: `Servicio ${'Extraordinario'.repeat(700)}`,
    description: 'y'.repeat(1500),
    price: null,
    startDate: null,
    currentPeriodEnd: '2020-01-01T00:00:00Z',
    paymentMethodId: 'pm_removed_long_ago',
  },
  {
    ...list[4],
    status: 'on_hold_pending_partner_review_by_the_marketplace_team' as Subscription['status'],
    interval: null,
  },
])

const meta = {
  title: 'Components/SubscriptionsPanel',
  component: SubscriptionsPanel,
  args: {
    onUpdatePaymentMethod: fn(),
    onCanceled: fn(),
    onResumed: fn(),
    onPlanChanged: fn(),
  },
  parameters: { layout: 'padded' },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 960 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof SubscriptionsPanel>

export default meta
type Story = StoryObj<typeof meta>

export const Populated: Story = {}

export const EnglishDark: Story = {
  globals: { locale: 'en', theme: 'dark' },
}

export const EveryStatus: Story = {
  parameters: billing({ adapter: everyStatus }),
}

export const EveryStatusEnglishDark: Story = {
  ...EveryStatus,
  globals: { locale: 'en', theme: 'dark' },
}

export const Loading: Story = {
  parameters: billing({
    adapter: () => ({
      ...createMemoryAdapter({ seed: 7, now: () => NOW }),
      listSubscriptions: () => new Promise<Subscription[]>(() => {}),
    }),
  }),
}

export const LoadError: Story = {
  parameters: billing({ memory: { faults: { listSubscriptions: 'unavailable' } } }),
}

export const Empty: Story = {
  parameters: billing({ memory: { empty: true } }),
}

export const ReadOnly: Story = {
  parameters: billing({ provider: { readOnly: true } }),
}

/** Without a brand name the platform group has a generic title. */
export const WithoutBrand: Story = {
  parameters: billing({ provider: { brandName: '' } }),
}

/** The banner's action only shows when the host wires it. */
export const PastDueWithoutAction: Story = {
  args: { onUpdatePaymentMethod: undefined },
}

export const MalformedData: Story = {
  parameters: billing({ adapter: malformed }),
}

export const Narrow: Story = {
  globals: { viewport: { value: 'narrow' } },
}

export const NarrowEnglishDark: Story = {
  globals: { viewport: { value: 'narrow' }, locale: 'en', theme: 'dark' },
}

export const NarrowMalformed: Story = {
  ...MalformedData,
  globals: { viewport: { value: 'narrow' } },
}

/** Cancels at period end with a reason; the card then shows when it ends and offers Resume. */
export const Cancel: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const seo = await canvas.findByRole('article', { name: 'Servicio de SEO local' })
    await userEvent.click(within(seo).getByRole('button', { name: 'Cancelar suscripción' }))
    const dialog = within(await screen.findByRole('dialog', { name: '¿Cancelar Servicio de SEO local?' }))
    // The dialog fades in: wait until it is painted.
    await waitFor(() =>
      expect(
        dialog.getByText(
          'Conservarás el acceso hasta el 1 de diciembre de 2026. Después no se renovará y no se te volverá a cobrar.',
        ),
      ).toBeVisible(),
    )
    await userEvent.click(dialog.getByRole('radio', { name: 'Es demasiado caro' }))
    await userEvent.click(dialog.getByRole('button', { name: 'Cancelar suscripción' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await expect(within(seo).getByText('Se cancela el 1 dic 2026')).toBeVisible()
    await expect(within(seo).getByRole('button', { name: 'Reanudar suscripción' })).toBeVisible()
    await expect(args.onCanceled).toHaveBeenCalledTimes(1)
  },
}

/** Resumes a subscription set to cancel: the renewal date comes back. */
export const Resume: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const reviews = await canvas.findByRole('article', { name: 'Automatic Reviews' })
    await expect(within(reviews).getByText('Cancels on Dec 12, 2026')).toBeVisible()
    await userEvent.click(within(reviews).getByRole('button', { name: 'Resume subscription' }))
    await expect(await within(reviews).findByText('Renews on Dec 12, 2026')).toBeVisible()
    await expect(within(reviews).getByRole('button', { name: 'Cancel subscription' })).toBeVisible()
    await expect(args.onResumed).toHaveBeenCalledTimes(1)
  },
}

/** Upgrades the platform plan: the quote shows today's prorated total and the next cycle first. */
export const ChangePlan: Story = {
  globals: { locale: 'en', theme: 'dark' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const platform = await canvas.findByRole('article', { name: 'Agency Pro Plan' })
    await userEvent.click(within(platform).getByRole('button', { name: 'Change plan' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Change plan' }))
    await userEvent.click(await dialog.findByRole('radio', { name: 'Agency SaaS Pro Plan' }))
    await waitFor(() => expect(dialog.getByText('Total due today')).toBeVisible())
    await expect(dialog.getByText('Due next cycle (December 8, 2026)')).toBeVisible()
    await userEvent.click(dialog.getByRole('button', { name: 'Pay $80.00 and change plan' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await expect(await canvas.findByRole('article', { name: 'Agency SaaS Pro Plan' })).toBeVisible()
    await expect(args.onPlanChanged).toHaveBeenCalledTimes(1)
  },
}

/** A failed cancellation says why and keeps the chosen reason for the retry. */
export const CancelFails: Story = {
  parameters: billing({ memory: { faults: { cancelSubscription: { code: 'network', mode: 'once' } } } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const seo = await canvas.findByRole('article', { name: 'Servicio de SEO local' })
    await userEvent.click(within(seo).getByRole('button', { name: 'Cancelar suscripción' }))
    const dialog = within(await screen.findByRole('dialog'))
    await userEvent.click(dialog.getByRole('radio', { name: 'No lo uso lo suficiente' }))
    await userEvent.click(dialog.getByRole('button', { name: 'Cancelar suscripción' }))
    await expect(await dialog.findByRole('alert')).toHaveTextContent(
      'No pudimos conectar con el servicio de facturación',
    )
    await expect(dialog.getByRole('radio', { name: 'No lo uso lo suficiente' })).toBeChecked()
  },
}
