import { createMemoryAdapter, type FaultPlan, type MemoryBillingAdapter } from '../src/adapter/memory'
import { createHttpAdapter, fetchCapabilities } from '../src/adapter/http'
import type { BillingAdapter } from '../src/adapter/types'
import type { UsageInput, UsageResult } from '../src/server/service/usage'
import { serverDemoToken } from './locales'
import { ADAPTER_STORAGE_KEY, type DemoSettings } from './settings'

export type { UsageInput, UsageResult }

/** What the demo page drives: the adapter plus the developer drawer's controls. */
export interface DemoBackend {
  kind: 'memory' | 'http'
  adapter: BillingAdapter
  simulateUsage(input: UsageInput): Promise<UsageResult>
  /** Memory adapter only: fault injection, latency and reset. */
  memory: MemoryBillingAdapter | null
}

/** `npm run dev:server` sets VITE_BILLING_ADAPTER=http; `?adapter=http` does too. */
export function wantsHttp(): boolean {
  const param = new URLSearchParams(window.location.search).get('adapter')
  return (param ?? import.meta.env.VITE_BILLING_ADAPTER) === 'http'
}

export function createMemoryBackend(settings: DemoSettings, faults: FaultPlan): DemoBackend {
  const memory = createMemoryAdapter({
    seed: settings.seed,
    ledgerSize: settings.ledgerSize,
    latency: { min: settings.latency * 0.6, max: settings.latency * 1.4 },
    faults,
    persist: settings.ledgerSize ? false : ADAPTER_STORAGE_KEY,
    // Seeded plans, subscriptions, credits and history in the language the panel shows.
    locale: settings.locale,
    // The server's default: usage the wallet cannot cover is refused, after a recharge had its chance.
    usage: { insufficientFunds: 'reject' },
  })
  return { kind: 'memory', adapter: memory, simulateUsage: (input) => memory.simulateUsage(input), memory }
}

const API = (import.meta.env.VITE_BILLING_API as string | undefined) ?? 'http://127.0.0.1:8787'

/** The reference server (openapi.yaml over SQLite), on its demo account for the language (`serverDemoToken`). */
export async function createHttpBackend(settings: DemoSettings): Promise<DemoBackend> {
  const headers = { Authorization: `Bearer ${serverDemoToken(settings.locale)}` }
  const options = { baseUrl: API, headers }
  const capabilities = await fetchCapabilities(options)
  const adapter = createHttpAdapter({ ...options, capabilities })
  return {
    kind: 'http',
    adapter,
    memory: null,
    async simulateUsage(input) {
      const response = await fetch(`${API}/dev/usage`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      })
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null
        throw new Error(body?.error?.message ?? `POST /dev/usage answered ${response.status}`)
      }
      return (await response.json()) as UsageResult
    },
  }
}
