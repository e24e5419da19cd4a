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
import { guardWith } from '../guard'
import {
  isOptionalMethod,
  METHODS,
  type MethodRegistry,
  type MethodSpec,
  type OptionalMethod,
  routeOf,
} from '../methods'
import type { BillingAdapter } from '../types'
import { API_PREFIX, codeForStatus, IDEMPOTENCY_HEADER, isErrorCode } from './wire'

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

type Fields = Record<string, unknown>

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A query string from an input's fields: nested ones lifted (`filter.types` → `types`), lists comma-joined, blanks left out. */
function queryOf(fields: Fields, into = new URLSearchParams()): URLSearchParams {
  for (const [name, value] of Object.entries(fields)) {
    if (isFields(value)) queryOf(value, into)
    else if (Array.isArray(value)) {
      if (value.length > 0) into.set(name, value.join(','))
    } else if (value !== undefined && value !== null && value !== '') into.set(name, String(value))
  }
  return into
}

/** The request for one call of a method, by its entry in the registry (see `MethodSpec`). */
function callFor(spec: MethodSpec, input: unknown): Call {
  const { verb, path, idempotency } = routeOf(spec)
  const fields: Fields = isFields(input) ? { ...input } : {}
  const take = (field: string) => {
    const value = fields[field]
    delete fields[field]
    return value
  }
  const id = spec.idFrom ? take(spec.idFrom) : input
  const key =
    idempotency === 'per-intent' ? take('idempotencyKey') : idempotency === 'per-call' ? newIdempotencyKey() : undefined
  return {
    method: verb,
    path: path.replace('{id}', () => encodeURIComponent(String(id))),
    body: spec.send === 'body' ? fields : undefined,
    query: spec.send === 'query' ? queryOf(fields) : undefined,
    idempotencyKey: typeof key === 'string' ? key : undefined,
    safe: idempotency === 'read',
  }
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
  return createHttpAdapterFor(METHODS, options)
}

/**
 * `createHttpAdapter` over any registry: one request per method from its route, its answer
 * cleaned once by the guard every adapter passes through. Optional methods the options do not
 * list are left out.
 */
export function createHttpAdapterFor<A extends object = BillingAdapter>(
  methods: MethodRegistry,
  options: HttpAdapterOptions,
): A {
  const send = createTransport(options)
  const enabled = options.capabilities ? new Set<string>(options.capabilities) : null
  const adapter: Record<string, (input?: unknown) => Promise<unknown>> = {}
  for (const [name, spec] of Object.entries(methods)) {
    if (!spec.optional || !enabled || enabled.has(name)) adapter[name] = (input) => send(callFor(spec, input))
  }
  return guardWith(methods, adapter as A)
}
