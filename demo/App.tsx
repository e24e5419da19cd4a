import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { BillingPanel, type BillingSection } from '../src/components/BillingPanel'
import { billingKeys } from '../src/data/keys'
import { BillingProvider } from '../src/provider'
import { createFakeStripe } from '../src/testing/fake-stripe'
import { demoCopy } from './copy'
import { createHttpBackend, createMemoryBackend, wantsHttp, type DemoBackend } from './backend'
import { DevDrawer } from './DevDrawer'
import { DEMO_LOCALES, demoLocale, LANGUAGE_NAMES, providerLocale } from './locales'
import { ADAPTER_STORAGE_KEY, readSettings, safeParseFaults, storeSettings, type DemoSettings } from './settings'

const STRIPE_KEY = import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY as string | undefined
const SCOPE = 'demo-subaccount'

// The host's own QueryClient: the panel uses it and never shadows it.
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } })

const HTTP_MODE = wantsHttp()

export function App() {
  const [settings, setSettings] = useState<DemoSettings>(readSettings)
  const [drawerOpen, setDrawerOpen] = useState(false)
  const copy = demoCopy[settings.locale]

  // A new adapter only when the data set itself changes (its seed, size or language, as a reload
  // would); latency and faults change in place.
  // biome-ignore lint/correctness/useExhaustiveDependencies: recreated on seed/size/locale only
  const memoryBackend = useMemo(
    () => (HTTP_MODE ? null : createMemoryBackend(settings, safeParseFaults(settings.faultsText))),
    [settings.seed, settings.ledgerSize, settings.locale],
  )
  const [httpBackend, setHttpBackend] = useState<DemoBackend | null>(null)
  const [httpError, setHttpError] = useState(false)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the HTTP backend is rebuilt only when the locale changes
  useEffect(() => {
    if (!HTTP_MODE) return
    setHttpBackend(null)
    createHttpBackend(settings)
      .then(setHttpBackend)
      .catch(() => setHttpError(true))
  }, [settings.locale])
  const backend = memoryBackend ?? httpBackend
  const stripe = useMemo(() => (STRIPE_KEY ? undefined : Promise.resolve(createFakeStripe())), [])

  const memory = backend?.memory ?? null
  useEffect(() => {
    memory?.setLatency({ min: settings.latency * 0.6, max: settings.latency * 1.4 })
  }, [memory, settings.latency])
  useEffect(() => {
    memory?.setFaults(safeParseFaults(settings.faultsText))
  }, [memory, settings.faultsText])
  useEffect(() => {
    storeSettings(settings)
    document.documentElement.lang = settings.locale
    document.documentElement.dataset.hostTheme = settings.theme
  }, [settings])

  const update = (patch: Partial<DemoSettings>) => setSettings((current) => ({ ...current, ...patch }))
  const refresh = () => queryClient.invalidateQueries({ queryKey: billingKeys.scope(SCOPE) })

  return (
    <QueryClientProvider client={queryClient}>
      <div className="crm-shell">
        <header className="crm-topbar">
          <span className="crm-logo" aria-hidden="true">
            ◆
          </span>
          <span className="crm-brand">{copy.crm}</span>
          <span className="crm-account">
            {copy.account}: <strong>{copy.accountName}</strong>
          </span>
          <div className="crm-topbar-tools">
            <label className="crm-control">
              {copy.language}
              <select value={settings.locale} onChange={(e) => update({ locale: demoLocale(e.target.value) ?? 'es' })}>
                {DEMO_LOCALES.map((tag) => (
                  <option key={tag} value={tag} lang={tag}>
                    {LANGUAGE_NAMES[tag]}
                  </option>
                ))}
              </select>
            </label>
            <label className="crm-control">
              {copy.theme}
              <select
                value={settings.theme}
                onChange={(e) => update({ theme: e.target.value === 'dark' ? 'dark' : 'light' })}
              >
                <option value="light">{copy.light}</option>
                <option value="dark">{copy.dark}</option>
              </select>
            </label>
            <button type="button" className="crm-button" onClick={() => setDrawerOpen(true)}>
              {copy.developer}
            </button>
          </div>
        </header>
        <div className="crm-body">
          <nav className="crm-sidebar" aria-label={copy.crm}>
            <ul>
              {copy.nav.map((item) => (
                <li key={item}>
                  <a href="#top">{item}</a>
                </li>
              ))}
            </ul>
            <p className="crm-sidebar-heading">{copy.settings}</p>
            <ul>
              {copy.settingsNav.map((item, index) => (
                <li key={item}>
                  <a href="#top" aria-current={index === 2 ? 'page' : undefined}>
                    {item}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <main className="crm-main" id="top">
            <p className="crm-breadcrumb">{copy.breadcrumb}</p>
            {!STRIPE_KEY && (
              <p className="crm-offline" role="note">
                {copy.offline}
              </p>
            )}
            {httpError && (
              <p className="crm-offline" role="alert">
                {copy.serverDown}
              </p>
            )}
            {backend && (
              <BillingProvider
                adapter={backend.adapter}
                scope={SCOPE}
                locale={providerLocale(settings.locale)}
                appearance={{ theme: settings.theme }}
                stripe={stripe}
                stripePublishableKey={STRIPE_KEY}
                brandName="Leadway"
              >
                <BillingPanel
                  className="crm-billing"
                  headingLevel={1}
                  section={settings.section}
                  onSectionChange={(section: BillingSection) => update({ section })}
                />
              </BillingProvider>
            )}
          </main>
        </div>
      </div>
      <DevDrawer
        open={drawerOpen}
        onOpenChange={setDrawerOpen}
        copy={copy}
        backend={backend}
        settings={settings}
        onSettingsChange={update}
        onChanged={refresh}
        onReset={() => {
          localStorage.removeItem(ADAPTER_STORAGE_KEY)
          memory?.reset()
          void refresh()
        }}
      />
    </QueryClientProvider>
  )
}
