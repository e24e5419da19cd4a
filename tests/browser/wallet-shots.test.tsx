// Temporary: screenshots for visual review, written under .tmp/ only.
import '../../src/components/WalletCard/WalletCard.css'
import { screen, waitFor, within } from '@testing-library/react'
import { page } from 'vitest/browser'
import { createMemoryAdapter } from '../../src/adapter/memory'
import { WalletCard } from '../../src/components/WalletCard'
import { NOW, renderBilling } from '../support/render'

const OUT = '/work/main/.tmp/shots'
beforeEach(() => { document.body.style.fontFamily = 'system-ui, sans-serif' })

async function shoot(name: string) {
  await new Promise((r) => setTimeout(r, 150))
  await page.screenshot({ path: `${OUT}/${name}.png` })
}

for (const locale of ['en', 'es'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    for (const width of [1280, 320]) {
      it(`card ${locale} ${theme} ${width}`, async () => {
        await page.viewport(width, 900)
        document.body.style.background = theme === 'dark' ? '#0b0f17' : '#f6f7f9'
        document.body.style.margin = '0'
        document.body.style.fontFamily = 'system-ui, sans-serif'
        renderBilling(
          <div style={{ padding: width > 400 ? 24 : 0, maxWidth: 760 }}>
            <WalletCard onAddPaymentMethod={() => {}} />
          </div>,
          { locale, provider: { appearance: { theme } } },
        )
        await screen.findAllByText(/42[.,]50/)
        await shoot(`card-${locale}-${theme}-${width}`)
      })
    }
  }
}

for (const locale of ['en', 'es'] as const) {
  for (const width of [1280, 320]) {
    it(`add funds ${locale} ${width}`, async () => {
      await page.viewport(width, 900)
      const { user } = renderBilling(<WalletCard />, { locale, provider: { appearance: { theme: width > 400 ? 'light' : 'dark' } } })
      await user.click(await screen.findByRole('button', { name: locale === 'es' ? 'Agregar Fondos' : 'Add funds' }))
      await screen.findByRole('dialog')
      await screen.findByText(locale === 'es' ? /Se cobrará/ : /You'll be charged/)
      await shoot(`addfunds-${locale}-${width}`)
    })
    it(`auto-recharge ${locale} ${width}`, async () => {
      await page.viewport(width, 1000)
      const { user } = renderBilling(<WalletCard />, { locale, provider: { appearance: { theme: width > 400 ? 'dark' : 'light' } } })
      await user.click(await screen.findByRole('button', { name: locale === 'es' ? 'Editar recarga automática' : 'Edit auto-recharge' }))
      const dialog = await screen.findByRole('dialog')
      const t = within(dialog).getAllByRole('textbox')[0]
      await user.clear(t)
      await user.type(t, '50')
      await shoot(`autorecharge-${locale}-${width}`)
    })
  }
}

it('paused and low', async () => {
  await page.viewport(1280, 900)
  const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'es' })
  await memory.setDefaultPaymentMethod('pm_visa_0002')
  for (let i = 0; i < 3; i++) await memory.simulateUsage({ cost: { amount: 5000, currency: 'USD' } })
  renderBilling(<div style={{ padding: 24, maxWidth: 760 }}><WalletCard onAddPaymentMethod={() => {}} /></div>, { adapter: memory, locale: 'es' })
  await screen.findByText(/en pausa/)
  await shoot('paused-es')
})

it('add funds errors', async () => {
  await page.viewport(1280, 900)
  const { user, memory } = renderBilling(<WalletCard />, { locale: 'en' })
  memory.setFaults({ addFunds: 'card_declined' })
  await user.click(await screen.findByRole('button', { name: 'Add funds' }))
  const dialog = await screen.findByRole('dialog')
  await user.click(within(dialog).getByRole('button', { name: /^Pay/ }))
  await within(dialog).findByRole('alert')
  await shoot('addfunds-declined')
  const amount = within(dialog).getByRole('textbox', { name: 'Amount' })
  await user.clear(amount)
  await user.type(amount, '1e9')
  await user.click(within(dialog).getByRole('button', { name: /^Pay/ }))
  await waitFor(() => expect(amount).toHaveAccessibleErrorMessage(/numbers/))
  await shoot('addfunds-invalid')
})

it('empty and read-only', async () => {
  await page.viewport(1280, 900)
  renderBilling(<div style={{ padding: 24, maxWidth: 760 }}><WalletCard /></div>, { locale: 'en', memory: { empty: true } })
  await screen.findByText('Low balance')
  await shoot('empty-en')
})
