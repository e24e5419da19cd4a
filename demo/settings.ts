import { parseFaults, type FaultPlan } from '../src/adapter/memory'
import type { BillingSection } from '../src/components/BillingPanel'
import { type DemoLocale, demoLocale } from './locales'

export interface DemoSettings {
  locale: DemoLocale
  theme: 'light' | 'dark'
  section: BillingSection
  seed: number
  ledgerSize: number | undefined
  latency: number
  faults: FaultPlan
  faultsText: string
}

const STORAGE_KEY = 'rbp-demo-settings'
export const ADAPTER_STORAGE_KEY = 'rbp-demo-state'

function readStored(): Partial<DemoSettings> {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<DemoSettings>
  } catch {
    return {}
  }
}

/** URL parameters win over what the demo remembered, so any state can be linked. */
export function readSettings(): DemoSettings {
  const params = new URLSearchParams(window.location.search)
  if (params.get('reset') === '1') {
    localStorage.removeItem(STORAGE_KEY)
    localStorage.removeItem(ADAPTER_STORAGE_KEY)
    params.delete('reset')
    const query = params.toString()
    window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`)
  }
  const stored = readStored()
  const number = (name: string, fallback: number | undefined) => {
    const raw = params.get(name)
    const value = raw === null ? Number.NaN : Number(raw)
    return Number.isFinite(value) && value >= 0 ? value : fallback
  }
  const locale = demoLocale(params.get('locale')) ?? demoLocale(stored.locale) ?? demoLocale(navigator.language) ?? 'es'
  const theme =
    params.get('theme') ??
    stored.theme ??
    (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')
  const section = params.get('section') ?? stored.section ?? 'payments'
  const faultsText = params.get('faults') ?? stored.faultsText ?? ''
  return {
    locale,
    theme: theme === 'dark' ? 'dark' : 'light',
    section: section === 'subscriptions' || section === 'wallet' ? section : 'payments',
    seed: number('seed', stored.seed ?? 1) ?? 1,
    ledgerSize: number('ledgerSize', stored.ledgerSize),
    latency: number('latency', stored.latency ?? 350) ?? 350,
    faults: safeParseFaults(faultsText),
    faultsText,
  }
}

export function safeParseFaults(text: string): FaultPlan {
  try {
    return text ? parseFaults(text) : {}
  } catch {
    return {}
  }
}

export function storeSettings(settings: DemoSettings) {
  const { faults: _faults, ...rest } = settings
  localStorage.setItem(STORAGE_KEY, JSON.stringify(rest))
  const params = new URLSearchParams(window.location.search)
  params.set('locale', settings.locale)
  params.set('theme', settings.theme)
  params.set('section', settings.section)
  if (settings.faultsText) params.set('faults', settings.faultsText)
  else params.delete('faults')
  window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`)
}
