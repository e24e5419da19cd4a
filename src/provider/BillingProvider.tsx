'use client'
import { QueryClient, QueryClientContext } from '@tanstack/react-query'
import { useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { toBillingError } from '../adapter/errors'
import { guardAdapter } from '../adapter/guard'
import type { BillingAdapter } from '../adapter/types'
import type { BillingMessages, DeepPartial } from '../i18n/catalog'
import { I18nProvider, type LocaleInput } from '../i18n/context'
import { createStripeLoader, type StripeSource } from '../stripe/loader'
import { AnnouncerProvider } from '../ui/Announcer'
import type { Appearance, ThemeName } from './appearance'
import { BillingContext, type BillingContextValue, type BillingPermissions } from './context'

export interface BillingProviderProps {
  /** The billing adapter for the host's backend (or `createMemoryAdapter()` for demos). */
  adapter: BillingAdapter
  /**
   * The host's QueryClient. When omitted, the one from a surrounding QueryClientProvider is
   * used, else a private client. The panel never wraps the host's tree in its own provider.
   */
  queryClient?: QueryClient
  /** Keeps several sub-accounts apart in one QueryClient (e.g. the sub-account id). */
  scope?: string
  /** A Stripe instance or promise the host already loads. */
  stripe?: StripeSource
  /** Or a publishable key: Stripe.js loads only when a card form opens. */
  stripePublishableKey?: string
  stripeAccount?: string
  /**
   * The panel's language: a catalog from `react-billing-panel/locales/<tag>` (`locale={es}`;
   * `{ ...es, tag: 'es-MX' }` for a region's formats). English is built in; an English tag such
   * as "en-GB" sets its formats. Default "en".
   */
  locale?: LocaleInput
  /** Deep-partial overrides of the message catalog. */
  messages?: DeepPartial<BillingMessages>
  /** Time zone for dates; default the user's. */
  timeZone?: string
  appearance?: Appearance
  /** Turns off every action that changes something. */
  readOnly?: boolean
  permissions?: Partial<BillingPermissions>
  /** Where dialogs render (e.g. inside the host's shadow root). Default document.body. */
  portalContainer?: HTMLElement | null
  /** The CRM's brand, used in "{brand} subscription". */
  brandName?: string
  children?: ReactNode
}

function createPrivateClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => count < 2 && toBillingError(error).retryable,
      },
      mutations: { retry: false },
    },
  })
}

function useSystemTheme(enabled: boolean): ThemeName {
  const query = '(prefers-color-scheme: dark)'
  const [dark, setDark] = useState(
    () =>
      enabled &&
      typeof window !== 'undefined' &&
      typeof window.matchMedia === 'function' &&
      window.matchMedia(query).matches,
  )
  useEffect(() => {
    if (!enabled || typeof window === 'undefined' || typeof window.matchMedia !== 'function') return
    const list = window.matchMedia(query)
    const update = () => setDark(list.matches)
    update()
    list.addEventListener('change', update)
    return () => list.removeEventListener('change', update)
  }, [enabled])
  return dark ? 'dark' : 'light'
}

export function BillingProvider(props: BillingProviderProps) {
  const {
    adapter,
    queryClient: hostClient,
    scope = 'default',
    stripe,
    stripePublishableKey,
    stripeAccount,
    locale,
    messages,
    timeZone,
    appearance,
    readOnly = false,
    permissions,
    portalContainer = null,
    brandName = '',
    children,
  } = props
  if (!adapter) {
    throw new Error(
      'react-billing-panel: <BillingProvider> needs an `adapter` prop, e.g. adapter={createMemoryAdapter()} from "react-billing-panel/memory".',
    )
  }
  const contextClient = useContext(QueryClientContext)
  const [privateClient] = useState(() => (hostClient || contextClient ? null : createPrivateClient()))
  const queryClient = hostClient ?? contextClient ?? (privateClient as QueryClient)

  const guarded = useMemo(() => guardAdapter(adapter), [adapter])
  const localeTag = typeof locale === 'object' ? locale.tag : locale
  const loadStripe = useMemo(
    () => createStripeLoader({ stripe, publishableKey: stripePublishableKey, stripeAccount, locale: localeTag }),
    [stripe, stripePublishableKey, stripeAccount, localeTag],
  )
  const systemTheme = useSystemTheme(appearance?.theme === 'auto')
  const theme: ThemeName = appearance?.theme === 'dark' ? 'dark' : appearance?.theme === 'auto' ? systemTheme : 'light'
  const variablesKey = appearance?.variables ? JSON.stringify(appearance.variables) : ''
  const permissionsKey = JSON.stringify(permissions ?? {})

  // biome-ignore lint/correctness/useExhaustiveDependencies: keys stand for object props compared by content
  const value = useMemo<BillingContextValue>(() => {
    const allowed = (key: keyof BillingPermissions) => !readOnly && permissions?.[key] !== false
    return {
      adapter: guarded,
      queryClient,
      scope,
      readOnly,
      permissions: {
        manageSubscriptions: allowed('manageSubscriptions'),
        managePaymentMethods: allowed('managePaymentMethods'),
        editBillingInfo: allowed('editBillingInfo'),
        manageWallet: allowed('manageWallet'),
      },
      theme,
      variables: appearance?.variables,
      portalContainer,
      loadStripe,
      brandName,
    }
  }, [
    guarded,
    queryClient,
    scope,
    readOnly,
    permissionsKey,
    theme,
    variablesKey,
    portalContainer,
    loadStripe,
    brandName,
  ])

  return (
    <BillingContext.Provider value={value}>
      <I18nProvider locale={locale} messages={messages} timeZone={timeZone}>
        <AnnouncerProvider>{children}</AnnouncerProvider>
      </I18nProvider>
    </BillingContext.Provider>
  )
}
