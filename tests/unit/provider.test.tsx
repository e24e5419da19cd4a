import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query'
import { render, screen, waitFor } from '@testing-library/react'
import type { BillingAdapter, Wallet } from '../../src/adapter/types'
import { billingKeys } from '../../src/data/keys'
import { useCapabilities } from '../../src/data/capabilities'
import { useWallet } from '../../src/data/wallet'
import { useBillingI18n } from '../../src/i18n/context'
import { BillingProvider } from '../../src/provider'
import { es } from '../../src/locales/es'

const wallet: Wallet = {
  currency: 'EUR',
  balance: { amount: 2550, currency: 'EUR' },
  credits: [],
  topUp: { min: { amount: 1000, currency: 'EUR' }, max: { amount: 100000, currency: 'EUR' }, presets: [] },
  autoRecharge: {
    enabled: false,
    threshold: { amount: 1000, currency: 'EUR' },
    mode: 'fixed',
    amount: { amount: 2500, currency: 'EUR' },
    monthlyCap: null,
    paused: null,
    consecutiveFailures: 0,
    lastAttempt: null,
    chargedThisMonth: { amount: 0, currency: 'EUR' },
  },
}

function makeAdapter(overrides: Partial<BillingAdapter> = {}): BillingAdapter {
  return {
    getBillingProfile: async () => null,
    listSubscriptions: async () => [],
    listPaymentMethods: async () => [],
    getWallet: vi.fn(async () => wallet),
    listLedger: async () => ({ entries: [], nextCursor: null }),
    addFunds: async () => {
      throw new Error('not used')
    },
    ...overrides,
  }
}

function Balance() {
  const { data } = useWallet()
  const { formatMoney } = useBillingI18n()
  return <p>{data ? formatMoney(data.balance) : 'loading'}</p>
}

describe('BillingProvider', () => {
  it('names the fix when a hook is used outside the provider', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<Balance />)).toThrow(/inside <BillingProvider>/)
    spy.mockRestore()
  })

  it('uses the host QueryClient passed as a prop: the data lands in its cache', async () => {
    const host = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    render(
      <BillingProvider adapter={makeAdapter()} queryClient={host} locale={es} scope="acct_1">
        <Balance />
      </BillingProvider>,
    )
    expect(await screen.findByText('25,50 €')).toBeInTheDocument()
    expect(host.getQueryData(billingKeys.wallet('acct_1'))).toMatchObject({ balance: { amount: 2550 } })
  })

  it("uses the surrounding QueryClientProvider and never shadows the host's client", async () => {
    const host = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    let seenByHostCode: QueryClient | null = null
    function HostChild() {
      seenByHostCode = useQueryClient()
      return null
    }
    render(
      <QueryClientProvider client={host}>
        <BillingProvider adapter={makeAdapter()} locale="en">
          <Balance />
          <HostChild />
        </BillingProvider>
      </QueryClientProvider>,
    )
    expect(await screen.findByText('€25.50')).toBeInTheDocument()
    expect(seenByHostCode).toBe(host)
    expect(host.getQueryData(billingKeys.wallet('default'))).toBeDefined()
  })

  it('works without any QueryClient from the host (private client)', async () => {
    render(
      <BillingProvider adapter={makeAdapter()} locale="en">
        <Balance />
      </BillingProvider>,
    )
    expect(await screen.findByText('€25.50')).toBeInTheDocument()
  })

  it('hides every action in read-only mode but keeps invoices', () => {
    let caps: ReturnType<typeof useCapabilities> | null = null
    function Probe() {
      caps = useCapabilities()
      return null
    }
    render(
      <BillingProvider
        adapter={makeAdapter({ getInvoiceLinks: async () => ({ viewUrl: null, downloadUrl: null }) })}
        readOnly
      >
        <Probe />
      </BillingProvider>,
    )
    expect(caps).toMatchObject({
      addFunds: false,
      updateAutoRecharge: false,
      removePaymentMethod: false,
      invoices: true,
    })
  })

  it('hides actions the adapter lacks, and card adding when no Stripe is configured', () => {
    let caps: ReturnType<typeof useCapabilities> | null = null
    function Probe() {
      caps = useCapabilities()
      return null
    }
    render(
      <BillingProvider adapter={makeAdapter()}>
        <Probe />
      </BillingProvider>,
    )
    expect(caps).toMatchObject({
      addFunds: true,
      updateAutoRecharge: false,
      addPaymentMethod: false,
      cancelSubscription: false,
    })
  })

  it('respects per-action permissions', () => {
    let caps: ReturnType<typeof useCapabilities> | null = null
    function Probe() {
      caps = useCapabilities()
      return null
    }
    render(
      <BillingProvider adapter={makeAdapter()} permissions={{ manageWallet: false }}>
        <Probe />
      </BillingProvider>,
    )
    expect(caps).toMatchObject({ addFunds: false })
  })

  it('shows a failing read as a typed error and keeps the rest of the tree', async () => {
    function Status() {
      const { error, isError } = useWallet()
      return <p>{isError ? `error:${(error as { code?: string }).code}` : 'pending'}</p>
    }
    render(
      <BillingProvider
        adapter={makeAdapter({ getWallet: async () => ({ nope: true }) as unknown as Wallet })}
        queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
      >
        <Status />
        <p>still here</p>
      </BillingProvider>,
    )
    await waitFor(() => expect(screen.getByText('error:invalid_response')).toBeInTheDocument())
    expect(screen.getByText('still here')).toBeInTheDocument()
  })
})
