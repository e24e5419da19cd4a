/**
 * A billing adapter that speaks the REST contract in openapi.yaml, for hosts whose backend is
 * written in any language. Everything it returns passes the same boundary checks as a host
 * adapter, and every failure is a BillingError.
 *
 * Safety of money: every write carries an `Idempotency-Key`. Top-ups and plan changes send the
 * key the panel made for that intent; every other write gets a fresh key per call, reused by the
 * adapter's own retries, so a retried or timed-out request is applied once by a server that
 * honours the header. Writes are retried only with that same key; a POST without a key
 * (creating a SetupIntent) is never retried.
 */
import { BillingError, toBillingError, type FieldErrors } from '../errors'
import {
  sanitizeBillingProfile,
  sanitizeInvoiceLinks,
  sanitizeLedgerEntry,
  sanitizeLedgerPage,
  sanitizePaymentMethod,
  sanitizePaymentMethods,
  sanitizePlanChangePreview,
  sanitizePlans,
  sanitizeSpendSummary,
  sanitizeSubscription,
  sanitizeSubscriptions,
  sanitizeWallet,
} from '../sanitize'
import { OPTIONAL_METHODS, type BillingAdapter, type BillingProfile, type ListLedgerInput } from '../types'
import {
  API_PREFIX,
  codeForStatus,
  IDEMPOTENCY_HEADER,
  isErrorCode,
  isOptionalMethod,
  type OptionalMethod,
} from './wire'

export { API_PREFIX, IDEMPOTENCY_HEADER, STATUS_FOR_CODE, codeForStatus } from './wire'
export type { CapabilitiesBody, OptionalMethod, WireErrorBody } from './wire'

type HeadersSource = HeadersInit | (() => HeadersInit | Promise<HeadersInit>)

export interface HttpAdapterOptions {
  /** Origin and path in front of `/v1`, e.g. "https://crm.example.com/api/billing". */
  baseUrl: string
  /** Defaults to the global fetch, looked up at call time so test doubles installed later work. */
  fetch?: typeof fetch
  /**
   * Extra request headers, or a function returning them (sync or async). A function is called
   * before every attempt, retries included, so a refreshed auth token or CSRF token is picked up.
   */
  headers?: HeadersSource
  /** Passed to fetch: "include" to send cookies to another origin. */
  credentials?: RequestCredentials
  /** Per attempt, including reading the body. Default 15 000 ms. */
  timeoutMs?: number
  /** Extra attempts after a network error, timeout, 503 or 429. Default 2. */
  retries?: number
  /** First backoff delay; doubles each attempt (with jitter). Default 300 ms. */
  retryDelayMs?: number
  /** A Retry-After longer than this is not waited for: the 429 goes to the caller. Default 10 000 ms. */
  maxRetryAfterMs?: number
  /**
   * Optional methods the server supports. Only these are defined on the adapter, so the panel
   * hides the rest. When omitted every optional method is defined; use `fetchCapabilities`
   * to ask the server (GET /v1/capabilities) first.
   */
  capabilities?: readonly OptionalMethod[]
}

interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
  query?: URLSearchParams
  body?: unknown
  /** Present on writes; the same value is sent on every attempt. */
  idempotencyKey?: string
  /** Side-effect free POSTs (a preview) may be retried without a key. */
  safe?: boolean
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i
const DEFAULT_TIMEOUT_MS = 15_000
const DEFAULT_RETRIES = 2
const DEFAULT_RETRY_DELAY_MS = 300
const DEFAULT_MAX_RETRY_AFTER_MS = 10_000

/** A UUID v4 from `crypto.getRandomValues`, which unlike `randomUUID` also works on plain-http pages. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto
  if (typeof c?.randomUUID === 'function') {
    try {
      return c.randomUUID()
    } catch {
      // Insecure context: fall through to getRandomValues.
    }
  }
  const bytes = c.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

function trimBase(baseUrl: string): string {
  if (typeof baseUrl !== 'string' || baseUrl === '') {
    throw new TypeError(
      'createHttpAdapter needs { baseUrl }, e.g. createHttpAdapter({ baseUrl: "https://crm.example.com/api/billing" }).',
    )
  }
  return baseUrl.replace(/\/+$/, '')
}

async function resolveHeaders(source: HeadersSource | undefined): Promise<Headers> {
  if (!source) return new Headers()
  let init: HeadersInit
  try {
    init = typeof source === 'function' ? await source() : source
  } catch (error) {
    // A host that cannot produce its auth headers cannot be let in; keep its own BillingError if it threw one.
    throw error instanceof BillingError
      ? error
      : new BillingError('unauthorized', { message: 'The headers function failed.', retryable: false, cause: error })
  }
  return new Headers(init ?? {})
}

function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000)
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

function cleanFieldErrors(value: unknown): FieldErrors | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const out: FieldErrors = {}
  let count = 0
  for (const [field, message] of Object.entries(value)) {
    if (typeof message !== 'string' || field.length > 200 || ++count > 100) continue
    out[field] = message.slice(0, 500)
  }
  return count > 0 ? out : undefined
}

function shortString(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value !== '' ? value.slice(0, max) : undefined
}

function errorFromResponse(status: number, headers: Headers, body: unknown): BillingError {
  const e = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined
  const detail = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>
  const bodyCode = isErrorCode(detail.code) ? detail.code : null
  const code = codeForStatus(status, bodyCode)
  // A 409 with Retry-After is a request still in flight elsewhere: the same key, later, gets its answer.
  const retryAfterMs =
    code === 'rate_limited' || code === 'conflict' ? parseRetryAfter(headers.get('Retry-After')) : undefined
  return new BillingError(code, {
    message: shortString(detail.message, 1000) ?? `HTTP ${status}`,
    status,
    fieldErrors: code === 'validation' ? cleanFieldErrors(detail.fieldErrors) : undefined,
    declineCode: code === 'card_declined' ? shortString(detail.declineCode, 64) : undefined,
    clientSecret: code === 'requires_action' ? shortString(detail.clientSecret, 500) : undefined,
    retryAfterMs,
    ...(code === 'conflict' && retryAfterMs !== undefined ? { retryable: true } : {}),
  })
}

function isRetryable(error: BillingError): boolean {
  return (
    error.code === 'network' ||
    error.code === 'timeout' ||
    error.status === 503 ||
    error.status === 429 ||
    (error.code === 'conflict' && error.retryAfterMs !== undefined)
  )
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function createTransport(options: HttpAdapterOptions) {
  const base = trimBase(options.baseUrl)
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const retries = Math.max(0, Math.floor(options.retries ?? DEFAULT_RETRIES))
  const retryDelayMs = Math.max(0, options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS)
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS

  async function attempt(call: Call): Promise<unknown> {
    const fetchImpl = options.fetch ?? globalThis.fetch
    // Host headers first; the ones the contract depends on are ours and cannot be overridden.
    const headers = await resolveHeaders(options.headers)
    headers.set('Accept', 'application/json')
    let body: string | undefined
    if (call.body !== undefined) {
      body = JSON.stringify(call.body)
      headers.set('Content-Type', 'application/json')
    }
    if (call.idempotencyKey) headers.set(IDEMPOTENCY_HEADER, call.idempotencyKey)
    else headers.delete(IDEMPOTENCY_HEADER)
    const query = call.query?.toString()
    const url = `${base}${API_PREFIX}${call.path}${query ? `?${query}` : ''}`

    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    try {
      const response = await fetchImpl(url, {
        method: call.method,
        headers,
        body,
        credentials: options.credentials,
        signal: controller.signal,
      })
      // Read the whole body under the same timer: a server can send headers and then stall.
      const text = await response.text()
      const type = response.headers.get('Content-Type') ?? ''
      let parsed: unknown
      let parsedOk = false
      if (text !== '' && JSON_TYPE.test(type)) {
        try {
          parsed = JSON.parse(text)
          parsedOk = true
        } catch {
          parsedOk = false
        }
      }
      if (!response.ok) throw errorFromResponse(response.status, response.headers, parsedOk ? parsed : null)
      if (response.status === 204) return undefined
      if (!JSON_TYPE.test(type)) {
        throw new BillingError('invalid_response', {
          message: `Expected JSON from ${call.method} ${call.path}, got "${type || 'no content type'}".`,
          status: response.status,
          retryable: false,
        })
      }
      if (!parsedOk) {
        throw new BillingError('invalid_response', {
          message: `The body of ${call.method} ${call.path} is not valid JSON.`,
          status: response.status,
          retryable: false,
        })
      }
      return parsed
    } catch (error) {
      if (error instanceof BillingError) throw error
      if (timedOut) throw new BillingError('timeout', { message: `No answer within ${timeoutMs} ms.`, cause: error })
      // fetch rejects with a TypeError for refused, reset and dropped connections.
      throw new BillingError('network', {
        message: error instanceof Error ? error.message : 'Network error',
        cause: error,
      })
    } finally {
      clearTimeout(timer)
    }
  }

  return async function send(call: Call): Promise<unknown> {
    const mayRetry = call.method === 'GET' || call.safe === true || Boolean(call.idempotencyKey)
    for (let n = 0; ; n++) {
      try {
        return await attempt(call)
      } catch (raw) {
        const error = toBillingError(raw)
        if (!mayRetry || n >= retries || !isRetryable(error)) throw error
        let wait = retryDelayMs * 2 ** n * (0.5 + Math.random() / 2)
        if (error.retryAfterMs !== undefined) {
          if (error.retryAfterMs > maxRetryAfterMs) throw error
          wait = Math.max(wait, error.retryAfterMs)
        }
        await sleep(wait)
      }
    }
  }
}

function ledgerQuery(input: ListLedgerInput): URLSearchParams {
  const q = new URLSearchParams()
  const f = input.filter ?? {}
  if (f.types && f.types.length > 0) q.set('types', f.types.join(','))
  if (f.from) q.set('from', f.from)
  if (f.to) q.set('to', f.to)
  if (input.cursor) q.set('cursor', input.cursor)
  if (input.limit !== undefined) q.set('limit', String(input.limit))
  return q
}

const seg = (id: string) => encodeURIComponent(id)

function requireProfile(value: unknown): BillingProfile {
  return (
    sanitizeBillingProfile(value) ??
    (() => {
      throw new BillingError('invalid_response', { message: 'The server answered an update with no billing profile.' })
    })()
  )
}

/** Asks the server which optional methods this caller may use (GET /v1/capabilities). */
export async function fetchCapabilities(options: HttpAdapterOptions): Promise<OptionalMethod[]> {
  const body = await createTransport(options)({ method: 'GET', path: '/capabilities' })
  const methods = typeof body === 'object' && body !== null ? (body as { methods?: unknown }).methods : undefined
  if (!Array.isArray(methods)) {
    throw new BillingError('invalid_response', { message: 'GET /v1/capabilities did not answer { methods: [...] }.' })
  }
  return methods.filter(isOptionalMethod)
}

/**
 * Creates an adapter for a backend that implements openapi.yaml.
 *
 * ```ts
 * const adapter = createHttpAdapter({
 *   baseUrl: '/api/billing',
 *   headers: async () => ({ Authorization: `Bearer ${await getToken()}` }),
 *   capabilities: await fetchCapabilities({ baseUrl: '/api/billing', headers }),
 * })
 * ```
 */
export function createHttpAdapter(options: HttpAdapterOptions): BillingAdapter {
  const send = createTransport(options)

  const all: Required<BillingAdapter> = {
    getBillingProfile: async () => sanitizeBillingProfile(await send({ method: 'GET', path: '/billing-profile' })),
    listSubscriptions: async () => sanitizeSubscriptions(await send({ method: 'GET', path: '/subscriptions' })),
    listPaymentMethods: async () => sanitizePaymentMethods(await send({ method: 'GET', path: '/payment-methods' })),
    getWallet: async () => sanitizeWallet(await send({ method: 'GET', path: '/wallet' })),
    listLedger: async (input) =>
      sanitizeLedgerPage(await send({ method: 'GET', path: '/ledger', query: ledgerQuery(input ?? {}) })),
    getInvoiceLinks: async (invoiceId) =>
      sanitizeInvoiceLinks(await send({ method: 'GET', path: `/invoices/${seg(invoiceId)}/links` })),

    cancelSubscription: async ({ subscriptionId, reason, comment }) =>
      sanitizeSubscription(
        await send({
          method: 'POST',
          path: `/subscriptions/${seg(subscriptionId)}/cancel`,
          body: { reason, comment },
          idempotencyKey: newIdempotencyKey(),
        }),
      ),
    resumeSubscription: async (subscriptionId) =>
      sanitizeSubscription(
        await send({
          method: 'POST',
          path: `/subscriptions/${seg(subscriptionId)}/resume`,
          idempotencyKey: newIdempotencyKey(),
        }),
      ),
    listPlans: async (subscriptionId) =>
      sanitizePlans(await send({ method: 'GET', path: `/subscriptions/${seg(subscriptionId)}/plans` })),
    previewPlanChange: async ({ subscriptionId, planId }) =>
      sanitizePlanChangePreview(
        await send({
          method: 'POST',
          path: `/subscriptions/${seg(subscriptionId)}/plan-change-preview`,
          body: { planId },
          safe: true,
        }),
      ),
    changePlan: async ({ subscriptionId, planId, idempotencyKey }) =>
      sanitizeSubscription(
        await send({
          method: 'POST',
          path: `/subscriptions/${seg(subscriptionId)}/change-plan`,
          body: { planId },
          idempotencyKey,
        }),
      ),

    createSetupIntent: async () => {
      const body = await send({ method: 'POST', path: '/setup-intents' })
      const clientSecret =
        typeof body === 'object' && body !== null ? (body as { clientSecret?: unknown }).clientSecret : null
      if (typeof clientSecret !== 'string' || clientSecret === '') {
        throw new BillingError('invalid_response', {
          message: 'POST /v1/setup-intents did not answer { clientSecret }.',
        })
      }
      return { clientSecret }
    },
    attachPaymentMethod: async ({ setupIntentId, paymentMethodId, makeDefault }) =>
      sanitizePaymentMethod(
        await send({
          method: 'POST',
          path: '/payment-methods',
          body: { setupIntentId, paymentMethodId: paymentMethodId ?? null, makeDefault },
          idempotencyKey: newIdempotencyKey(),
        }),
      ),
    removePaymentMethod: async (paymentMethodId) => {
      await send({
        method: 'DELETE',
        path: `/payment-methods/${seg(paymentMethodId)}`,
        idempotencyKey: newIdempotencyKey(),
      })
    },
    setDefaultPaymentMethod: async (paymentMethodId) =>
      sanitizePaymentMethods(
        await send({
          method: 'POST',
          path: `/payment-methods/${seg(paymentMethodId)}/default`,
          idempotencyKey: newIdempotencyKey(),
        }),
      ),

    updateBillingProfile: async (profile) =>
      requireProfile(
        await send({ method: 'PUT', path: '/billing-profile', body: profile, idempotencyKey: newIdempotencyKey() }),
      ),

    addFunds: async ({ amount, paymentMethodId, idempotencyKey }) => {
      const body = await send({
        method: 'POST',
        path: '/wallet/top-ups',
        body: { amount, paymentMethodId },
        idempotencyKey,
      })
      const v = (typeof body === 'object' && body !== null ? body : {}) as { entry?: unknown; wallet?: unknown }
      return { entry: sanitizeLedgerEntry(v.entry), wallet: sanitizeWallet(v.wallet) }
    },
    updateAutoRecharge: async (settings) =>
      sanitizeWallet(
        await send({
          method: 'PUT',
          path: '/wallet/auto-recharge',
          body: settings,
          idempotencyKey: newIdempotencyKey(),
        }),
      ),

    updateWalletNotifications: async (settings) =>
      sanitizeWallet(
        await send({
          method: 'PUT',
          path: '/wallet/notifications',
          body: settings,
          idempotencyKey: newIdempotencyKey(),
        }),
      ),

    getSpendSummary: async ({ from, to, granularity }) =>
      sanitizeSpendSummary(
        await send({ method: 'GET', path: '/spend-summary', query: new URLSearchParams({ from, to, granularity }) }),
      ),
  }

  const enabled = new Set<string>(options.capabilities ?? OPTIONAL_METHODS)
  const adapter: Partial<BillingAdapter> = {}
  for (const name of Object.keys(all) as (keyof BillingAdapter)[]) {
    const optional = (OPTIONAL_METHODS as readonly string[]).includes(name)
    if (!optional || enabled.has(name)) (adapter as Record<string, unknown>)[name] = all[name]
  }
  return adapter as BillingAdapter
}
