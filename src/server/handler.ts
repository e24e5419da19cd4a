/**
 * The REST contract of openapi.yaml as one web-standard function, `(Request) => Response`, so it
 * runs unchanged in Node (see `toNodeListener`), Hono, Next.js route handlers, Deno, Bun or a
 * worker. It owns the wire: routing, authorisation through `resolve`, strict body checks and the
 * error mapping. The billing rules themselves live in the service it is given.
 */
import { BillingError, isBillingError, toBillingError, type BillingErrorCode } from '../adapter/errors'
import {
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  STATUS_FOR_CODE,
  type OptionalMethod,
  type WireErrorBody,
} from '../adapter/http/wire'
import { OPTIONAL_METHODS, type BillingAdapter } from '../adapter/types'
import {
  isObj,
  readAttach,
  readAutoRecharge,
  readBillingProfile,
  readCancel,
  readLedgerQuery,
  readPlanId,
  readSpendQuery,
  readTopUp,
  readWalletNotifications,
  RequestProblem,
  type Obj,
} from './validate'
import { readBodyWithin } from './body'

/** What the handler tells the service about the request beyond the method's own arguments. */
export interface ServiceContext {
  /** The request's Idempotency-Key, when it sent one; required for top-ups and plan changes. */
  idempotencyKey: string | null
  request: Request
}

type WithContext<F> = F extends (...args: infer A) => infer R ? (...args: [...A, context?: ServiceContext]) => R : never

/**
 * The server side of the adapter contract for one caller's sub-account: the same methods as
 * `BillingAdapter`, each also handed a `ServiceContext`. Any `BillingAdapter` (the memory
 * adapter, for one) is a valid service.
 */
export type BillingService = { [K in keyof BillingAdapter]: WithContext<NonNullable<BillingAdapter[K]>> }

export interface BillingPermissions {
  read: boolean
  write: boolean
  /** Top-ups, plan changes and auto-recharge settings (which may charge at once). Defaults to `write`. */
  moveMoney?: boolean
}

export interface ResolvedCaller {
  service: BillingService
  permissions: BillingPermissions
}

export interface BillingHandlerOptions {
  /**
   * Decides who is calling, from the request alone (a bearer token, a session cookie), and
   * returns the service for that caller's sub-account. `null` answers 401. The account is never
   * taken from the path or the body, so no parameter can reach another account.
   */
  resolve(request: Request): Promise<ResolvedCaller | null> | ResolvedCaller | null
  /** Path prefix in front of the routes, `/v1` by default; e.g. "/api/billing/v1" behind a Next.js route. */
  basePath?: string
  /** Larger bodies are refused with 413 before they are parsed. Default 64 000 bytes. */
  maxBodyBytes?: number
  /** Called with failures that are not BillingErrors (bugs, a lost database), which answer a bare 500. */
  onError?(error: unknown, request: Request): void
}

type Access = 'read' | 'write' | 'money'
type Operation = OptionalMethod | (typeof READS)[number] | 'getCapabilities'

const READS = ['getBillingProfile', 'listSubscriptions', 'listPaymentMethods', 'getWallet', 'listLedger'] as const

interface RouteInput {
  params: string[]
  body: Obj
  query: URLSearchParams
  context: ServiceContext
}

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Path segments after the base path; ":" marks a parameter. */
  path: string[]
  op: Operation
  access: Access
  /** required: 400 without one; optional: passed on when sent. */
  key: 'required' | 'optional' | 'none'
  /** Whether the operation reads a JSON body. Bodies of other operations are never read. */
  body: boolean
  /** 204 answers carry no body. */
  status?: 200 | 204
  run(service: BillingService, input: RouteInput): Promise<unknown>
}

/** Who may call each operation; capabilities are filtered by the same table. */
const ACCESS: Record<Operation, Access> = {
  getCapabilities: 'read',
  getBillingProfile: 'read',
  listSubscriptions: 'read',
  listPaymentMethods: 'read',
  getWallet: 'read',
  listLedger: 'read',
  getInvoiceLinks: 'read',
  listPlans: 'read',
  getSpendSummary: 'read',
  previewPlanChange: 'write',
  cancelSubscription: 'write',
  resumeSubscription: 'write',
  createSetupIntent: 'write',
  attachPaymentMethod: 'write',
  removePaymentMethod: 'write',
  setDefaultPaymentMethod: 'write',
  updateBillingProfile: 'write',
  addFunds: 'money',
  changePlan: 'money',
  updateAutoRecharge: 'money',
  updateWalletNotifications: 'write',
}

function call<K extends keyof BillingAdapter>(service: BillingService, name: K): NonNullable<BillingService[K]> {
  const method = service[name]
  if (typeof method !== 'function') {
    throw new RequestProblem(501, 'unavailable', `This server does not offer ${name}.`)
  }
  return (method as (...args: unknown[]) => unknown).bind(service) as NonNullable<BillingService[K]>
}

function route(
  method: Route['method'],
  path: string,
  op: Operation,
  run: Route['run'],
  extra: Partial<Pick<Route, 'key' | 'body' | 'status'>> = {},
): Route {
  const access = ACCESS[op]
  return {
    method,
    path: path.split('/').filter(Boolean),
    op,
    access,
    key:
      extra.key ?? (method === 'GET' || op === 'previewPlanChange' || op === 'createSetupIntent' ? 'none' : 'optional'),
    body: extra.body ?? false,
    status: extra.status,
    run,
  }
}

const ROUTES: Route[] = [
  route('GET', '/capabilities', 'getCapabilities', async () => undefined),
  route(
    'GET',
    '/billing-profile',
    'getBillingProfile',
    async (s, { context }) => (await call(s, 'getBillingProfile')(context)) ?? null,
  ),
  route(
    'PUT',
    '/billing-profile',
    'updateBillingProfile',
    (s, { body, context }) => call(s, 'updateBillingProfile')(readBillingProfile(body), context),
    { body: true },
  ),
  route('GET', '/subscriptions', 'listSubscriptions', (s, { context }) => call(s, 'listSubscriptions')(context)),
  route(
    'POST',
    '/subscriptions/:id/cancel',
    'cancelSubscription',
    (s, { params, body, context }) =>
      call(s, 'cancelSubscription')({ subscriptionId: params[0], ...readCancel(body) }, context),
    { body: true },
  ),
  route('POST', '/subscriptions/:id/resume', 'resumeSubscription', (s, { params, context }) =>
    call(s, 'resumeSubscription')(params[0], context),
  ),
  route('GET', '/subscriptions/:id/plans', 'listPlans', (s, { params, context }) =>
    call(s, 'listPlans')(params[0], context),
  ),
  route(
    'POST',
    '/subscriptions/:id/plan-change-preview',
    'previewPlanChange',
    (s, { params, body, context }) =>
      call(s, 'previewPlanChange')({ subscriptionId: params[0], planId: readPlanId(body) }, context),
    { body: true },
  ),
  route(
    'POST',
    '/subscriptions/:id/change-plan',
    'changePlan',
    (s, { params, body, context }) =>
      call(s, 'changePlan')(
        { subscriptionId: params[0], planId: readPlanId(body), idempotencyKey: context.idempotencyKey as string },
        context,
      ),
    { body: true, key: 'required' },
  ),
  route('GET', '/payment-methods', 'listPaymentMethods', (s, { context }) => call(s, 'listPaymentMethods')(context)),
  route('POST', '/setup-intents', 'createSetupIntent', (s, { context }) => call(s, 'createSetupIntent')(context)),
  route(
    'POST',
    '/payment-methods',
    'attachPaymentMethod',
    (s, { body, context }) => call(s, 'attachPaymentMethod')(readAttach(body), context),
    { body: true },
  ),
  route(
    'DELETE',
    '/payment-methods/:id',
    'removePaymentMethod',
    async (s, { params, context }) => {
      await call(s, 'removePaymentMethod')(params[0], context)
    },
    { status: 204 },
  ),
  route('POST', '/payment-methods/:id/default', 'setDefaultPaymentMethod', (s, { params, context }) =>
    call(s, 'setDefaultPaymentMethod')(params[0], context),
  ),
  route('GET', '/wallet', 'getWallet', (s, { context }) => call(s, 'getWallet')(context)),
  route(
    'POST',
    '/wallet/top-ups',
    'addFunds',
    (s, { body, context }) => call(s, 'addFunds')(readTopUp(body, context.idempotencyKey as string), context),
    { body: true, key: 'required' },
  ),
  route(
    'PUT',
    '/wallet/auto-recharge',
    'updateAutoRecharge',
    (s, { body, context }) => call(s, 'updateAutoRecharge')(readAutoRecharge(body), context),
    { body: true },
  ),
  route(
    'PUT',
    '/wallet/notifications',
    'updateWalletNotifications',
    (s, { body, context }) => call(s, 'updateWalletNotifications')(readWalletNotifications(body), context),
    { body: true },
  ),
  route('GET', '/ledger', 'listLedger', (s, { query, context }) =>
    call(s, 'listLedger')(readLedgerQuery(query), context),
  ),
  route('GET', '/invoices/:id/links', 'getInvoiceLinks', (s, { params, context }) =>
    call(s, 'getInvoiceLinks')(params[0], context),
  ),
  route('GET', '/spend-summary', 'getSpendSummary', (s, { query, context }) =>
    call(s, 'getSpendSummary')(readSpendQuery(query), context),
  ),
]

/** Every route, as openapi.yaml documents it: `{ method, path: '/billing-profile', operationId }`. */
export const BILLING_ROUTES: ReadonlyArray<{ method: Route['method']; path: string; operationId: Operation }> =
  ROUTES.map((r) => ({
    method: r.method,
    path: `/${r.path.map((p) => (p.startsWith(':') ? `{${p.slice(1)}}` : p)).join('/')}`,
    operationId: r.op,
  }))

function match(route: Route, segments: string[]): string[] | null {
  if (route.path.length !== segments.length) return null
  const params: string[] = []
  for (let i = 0; i < segments.length; i++) {
    if (route.path[i].startsWith(':')) params.push(segments[i])
    else if (route.path[i] !== segments[i]) return null
  }
  return params
}

function allowed(permissions: BillingPermissions, access: Access): boolean {
  if (access === 'read') return permissions.read === true
  if (access === 'write') return permissions.write === true
  return (permissions.moveMoney ?? permissions.write) === true
}

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } })
}

function errorResponse(
  status: number,
  code: BillingErrorCode,
  message: string,
  extra: Omit<WireErrorBody['error'], 'code' | 'message'> = {},
  headers: Record<string, string> = {},
): Response {
  const error: WireErrorBody['error'] = { code, message }
  if (extra.fieldErrors && Object.keys(extra.fieldErrors).length > 0) error.fieldErrors = extra.fieldErrors
  if (extra.declineCode) error.declineCode = extra.declineCode
  if (extra.clientSecret) error.clientSecret = extra.clientSecret
  return json(status, { error } satisfies WireErrorBody, headers)
}

/** BillingError → status and body: the exact inverse of the HTTP adapter's mapping. */
function fromBillingError(error: BillingError): Response {
  const headers: Record<string, string> = {}
  // A rate limit, or a request still in flight elsewhere (a retryable conflict), says when to come back.
  if ((error.code === 'rate_limited' || error.code === 'conflict') && error.retryAfterMs !== undefined) {
    headers['Retry-After'] = String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)))
  }
  return errorResponse(
    STATUS_FOR_CODE[error.code],
    error.code,
    error.message,
    {
      // Each extra travels only with the code it explains.
      fieldErrors: error.code === 'validation' ? error.fieldErrors : undefined,
      declineCode: error.code === 'card_declined' ? error.declineCode : undefined,
      clientSecret: error.code === 'requires_action' ? error.clientSecret : undefined,
    },
    headers,
  )
}

function readKey(request: Request, mode: Route['key']): string | null {
  if (mode === 'none') return null
  const key = request.headers.get(IDEMPOTENCY_HEADER)
  if (key === null || key === '') {
    if (mode === 'required') {
      throw new RequestProblem(
        400,
        'validation',
        `This request moves money and needs an ${IDEMPOTENCY_HEADER} header.`,
        {
          [IDEMPOTENCY_HEADER]: 'required',
        },
      )
    }
    return null
  }
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new RequestProblem(400, 'validation', `${IDEMPOTENCY_HEADER} must be 1–255 printable ASCII characters.`, {
      [IDEMPOTENCY_HEADER]: 'invalid',
    })
  }
  return key
}

async function readBody(request: Request, maxBytes: number): Promise<Obj> {
  const type = request.headers.get('Content-Type')
  const bytes = await readBodyWithin(request, maxBytes)
  if (!bytes) {
    throw new RequestProblem(413, 'validation', `The body is larger than ${maxBytes} bytes.`, undefined, {
      Connection: 'close',
    })
  }
  if (bytes.byteLength === 0) {
    if (type !== null && !JSON_TYPE.test(type)) throw unsupportedType(type)
    return {}
  }
  if (type === null || !JSON_TYPE.test(type)) throw unsupportedType(type)
  let text: string
  let value: unknown
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    value = JSON.parse(text)
  } catch {
    throw new RequestProblem(400, 'validation', 'The body is not valid JSON.')
  }
  if (!isObj(value)) throw new RequestProblem(422, 'validation', 'The body must be a JSON object.')
  return value
}

function unsupportedType(type: string | null): RequestProblem {
  return new RequestProblem(415, 'validation', `Send the body as application/json, not "${type ?? 'no content type'}".`)
}

function capabilitiesFor(caller: ResolvedCaller): OptionalMethod[] {
  return OPTIONAL_METHODS.filter(
    (name) => typeof caller.service[name] === 'function' && allowed(caller.permissions, ACCESS[name]),
  )
}

function normaliseBase(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '')
  return trimmed.startsWith('/') || trimmed === '' ? trimmed : `/${trimmed}`
}

export function createBillingHandler(options: BillingHandlerOptions): (request: Request) => Promise<Response> {
  if (typeof options?.resolve !== 'function') {
    throw new TypeError(
      'createBillingHandler needs { resolve(request) }, which returns { service, permissions } for the caller, or null.',
    )
  }
  const base = normaliseBase(options.basePath ?? '/v1')
  const maxBodyBytes = options.maxBodyBytes ?? 64_000

  return async function handleBillingRequest(request: Request): Promise<Response> {
    try {
      const url = new URL(request.url)
      if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) {
        return errorResponse(404, 'not_found', 'No such billing route.')
      }
      let segments: string[]
      try {
        segments = url.pathname.slice(base.length).split('/').filter(Boolean).map(decodeURIComponent)
      } catch {
        return errorResponse(400, 'validation', 'The path is not valid.')
      }
      const candidates = ROUTES.map((r) => ({ route: r, params: match(r, segments) })).filter((c) => c.params !== null)
      if (candidates.length === 0) return errorResponse(404, 'not_found', 'No such billing route.')
      const hit = candidates.find((c) => c.route.method === request.method)
      if (!hit) {
        const allow = [...new Set(candidates.map((c) => c.route.method))].join(', ')
        return errorResponse(405, 'not_found', `Use ${allow} on this route.`, {}, { Allow: allow })
      }
      const { route: r } = hit
      const params = hit.params as string[]

      const caller = await options.resolve(request)
      if (!caller) return errorResponse(401, 'unauthorized', 'Sign in to see this billing account.')
      if (!allowed(caller.permissions, r.access)) {
        return errorResponse(403, 'forbidden', 'This account may not do that.')
      }
      if (r.op === 'getCapabilities') return json(200, { methods: capabilitiesFor(caller) })
      if (typeof caller.service[r.op] !== 'function') {
        return errorResponse(501, 'unavailable', `This server does not offer ${r.op}.`)
      }
      if (params.some((p) => p === '' || p.length > 200)) return errorResponse(404, 'not_found', 'No such item.')

      const context: ServiceContext = { idempotencyKey: readKey(request, r.key), request }
      const body = r.body ? await readBody(request, maxBodyBytes) : {}
      const result = await r.run(caller.service, { params, body, query: url.searchParams, context })
      if (r.status === 204) return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } })
      return json(200, result === undefined ? null : result)
    } catch (error) {
      if (error instanceof RequestProblem) {
        return errorResponse(error.status, error.code, error.message, { fieldErrors: error.fieldErrors }, error.headers)
      }
      if (error instanceof BillingError || isBillingError(error)) return fromBillingError(toBillingError(error))
      options.onError?.(error, request)
      return errorResponse(500, 'unknown', 'The billing service failed.')
    }
  }
}
