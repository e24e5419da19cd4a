// @vitest-environment node
// Hosts that render on the server (Next.js, Remix) put the panel in their server HTML: it must
// render without window or document, show its title at once, and leave data loading to the browser.
import { renderToString } from 'react-dom/server'
import { createMemoryAdapter } from '../../src/adapter/memory'
import { BillingPanel } from '../../src/components/BillingPanel'
import { BillingProvider } from '../../src/provider'
import { es } from '../../src/locales/es'
import { localeFor } from '../support/locales'

describe('server rendering', () => {
  it('has no DOM to lean on in this environment', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
  })

  it.each([
    ['en', 'Billing', 'Payments'],
    ['es', 'Facturación', 'Pagos'],
  ] as const)('renders the whole panel to HTML in %s, with its title and sections', (locale, title, firstSection) => {
    const adapter = createMemoryAdapter()
    const html = renderToString(
      <BillingProvider adapter={adapter} locale={localeFor(locale)}>
        <BillingPanel />
      </BillingProvider>,
    )
    expect(html).toContain(title)
    expect(html).toContain(firstSection)
    expect(html).toMatch(/role="tablist"/)
    // Reads start in the browser; the server HTML never waits on the host's backend.
    expect(Object.values(adapter.calls).every((count) => count === 0)).toBe(true)
  })

  it('renders with a host theme and read-only permissions too', () => {
    const html = renderToString(
      <BillingProvider
        adapter={createMemoryAdapter()}
        locale={es}
        readOnly
        appearance={{ theme: 'auto', variables: { colorPrimary: '#0a7d4f' } }}
      >
        <BillingPanel />
      </BillingProvider>,
    )
    expect(html).toContain('Facturación')
    expect(html).toContain('--bp-color-primary:#0a7d4f')
    // "auto" cannot know the user's scheme on the server, so it starts light.
    expect(html).toContain('data-theme="light"')
  })
})
