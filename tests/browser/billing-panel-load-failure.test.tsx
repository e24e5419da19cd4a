// Its own file, so its page starts with no section code, and a browser that never fetches a failed
// module again (Chromium up to about 150 keeps the failure for the page's life) breaks no other test.
import { configure, screen, within } from '@testing-library/react'
import { cdp } from 'vitest/browser'
import { BillingPanel } from '../../src/components/BillingPanel'
import { renderBilling } from '../support/render'

configure({ asyncUtilTimeout: 10_000 })

const tab = (name: string) => screen.getByRole('tab', { name })
const openPanel = () => screen.getByRole('tabpanel')

type Session = ReturnType<typeof cdp>

/** Whether this browser fetches a module again after its first fetch failed, or keeps the failure. */
async function refetchesFailedModules(session: Session): Promise<boolean> {
  await session.send('Network.setBlockedURLs', { urls: ['*/support/refetch-probe.ts*'] })
  const blocked = await import('./support/refetch-probe').then(
    () => false,
    () => true,
  )
  await session.send('Network.setBlockedURLs', { urls: [] })
  expect(blocked).toBe(true)
  return import('./support/refetch-probe').then(
    () => true,
    () => false,
  )
}

afterEach(async () => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  await cdp().send('Network.setBlockedURLs', { urls: [] })
  await cdp().send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  })
})

describe('BillingPanel in Chromium: a section whose code fails to load', () => {
  it('says so in Spanish, offers a reload once a retry fails too, and recovers where the browser fetches again', async () => {
    vi.stubGlobal('requestIdleCallback', () => 0)
    const session = cdp()
    await session.send('Network.enable')
    const refetches = await refetchesFailedModules(session)
    await session.send('Network.setBlockedURLs', { urls: ['*/BillingPanel/laterSections.ts*'] })
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { user, memory } = renderBilling(<BillingPanel />, { locale: 'es', memory: { locale: 'es' } })
    await screen.findByRole('list', { name: 'Métodos de pago guardados' })

    await user.click(tab('Cartera y Transacciones'))
    const alert = await within(openPanel()).findByRole('alert')
    expect(alert).toHaveTextContent('No se pudo completar')
    // Localised, never the browser's English error text.
    expect(alert).not.toHaveTextContent(/fetch|module/i)
    // The first failure offers a retry only.
    expect(within(alert).queryByRole('button', { name: 'Recargar la página' })).not.toBeInTheDocument()
    expect(within(openPanel()).queryByRole('heading', { name: 'Cartera' })).not.toBeInTheDocument()
    expect(memory.calls.getWallet).toBe(0)

    // Still offline: the retry fails too, and now a reload is offered beside it, with the reason.
    await user.click(within(alert).getByRole('button', { name: 'Reintentar' }))
    const again = await within(openPanel()).findByText(
      'Esta parte de la página sigue sin cargar. Al recargar la página se vuelve a descargar.',
    )
    const secondAlert = again.closest('[role="alert"]') as HTMLElement
    expect(within(secondAlert).getByRole('button', { name: 'Recargar la página' })).toBeVisible()
    expect(within(secondAlert).getByRole('button', { name: 'Reintentar' })).toBeVisible()

    // Back online, and slow.
    await session.send('Network.setBlockedURLs', { urls: [] })
    await session.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: -1,
      uploadThroughput: -1,
    })
    await user.click(within(secondAlert).getByRole('button', { name: 'Reintentar' }))
    if (refetches) {
      // The retry shows a skeleton about as tall as the section, then the section.
      const skeleton = await within(openPanel()).findByRole('status')
      expect(skeleton).toHaveAttribute('data-slot', 'billing-section-loading')
      expect(skeleton).toHaveTextContent('Cargando…')
      expect(skeleton.getBoundingClientRect().height).toBeGreaterThan(400)
      expect(await within(openPanel()).findByRole('heading', { name: 'Cartera' })).toBeVisible()
      expect(within(openPanel()).queryByRole('alert')).not.toBeInTheDocument()
      expect(within(openPanel()).queryByRole('status', { name: 'Cargando…' })).not.toBeInTheDocument()
    } else {
      // This browser will not fetch the chunk again before a reload: the panel keeps saying so
      // and offering it, and never shows a half-loaded section.
      const stillFailing = await within(openPanel()).findByRole('alert')
      expect(stillFailing).toHaveTextContent('Esta parte de la página sigue sin cargar.')
      expect(within(stillFailing).getByRole('button', { name: 'Recargar la página' })).toBeVisible()
      expect(within(openPanel()).queryByRole('heading', { name: 'Cartera' })).not.toBeInTheDocument()
      expect(memory.calls.getWallet).toBe(0)
    }
  })
})
