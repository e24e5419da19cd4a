/**
 * The REST contract of openapi.yaml as one web-standard function, `(Request) => Response`, so it
 * runs unchanged in Node (see `toNodeListener`), Hono, Next.js route handlers, Deno, Bun or a
 * worker. It owns the wire: routing, authorisation through `resolve`, strict body checks and the
 * error mapping. The billing rules themselves live in the service it is given.
 */
import { BillingError, isBillingError, toBillingError, type BillingErrorCode } from '../adapter/errors'
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_PATTERN, STATUS_FOR_CODE, type WireErrorBody } from '../adapter/http/wire'
import {
  accessOf,
  type HttpVerb,
  METHODS,
  type MethodAccess,
  type MethodRegistry,
  type MethodSpec,
  type OptionalMethod,
  routeOf,
} from '../adapter/methods'
import type { BillingAdapter } from '../adapter/types'
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

/** What the caller `resolve` found may do on the wire: read, write, and move money. */
export interface CallerPermissions {
  read: boolean
  write: boolean
  /** Top-ups, plan changes and auto-recharge settings (which may charge at once). Defaults to `write`. */
  moveMoney?: boolean
}

/**
 * @deprecated Renamed `CallerPermissions`, so the name no longer means two things (the panel's
 * `BillingPermissions` is what the UI offers). This alias goes in the next minor version.
 */
export type BillingPermissions = CallerPermissions

export interface ResolvedCaller {
  service: BillingService
  permissions: CallerPermissions
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

export interface RouteInput {
  /** The path's `{id}`, decoded. */
  id: string | undefined
  body: Obj
  query: URLSearchParams
  context: ServiceContext
}

/** Turns a request into the method's argument, checking it strictly (see validate.ts). */
export type InputReader = (input: RouteInput) => unknown

/**
 * The readers of methods that take more than the path's `{id}`. A method with a body or a query
 * needs one here: only the fields a reader names ever reach the service.
 */
const READERS: Partial<Record<keyof BillingAdapter, InputReader>> = {
  updateBillingProfile: ({ body }) => readBillingProfile(body),
  cancelSubscription: ({ id, body }) => ({ subscriptionId: id, ...readCancel(body) }),
  previewPlanChange: ({ id, body }) => ({ subscriptionId: id, planId: readPlanId(body) }),
  changePlan: ({ id, body, context }) => ({
    subscriptionId: id,
    planId: readPlanId(body),
    idempotencyKey: context.idempotencyKey,
  }),
  attachPaymentMethod: ({ body }) => readAttach(body),
  addFunds: ({ body, context }) => readTopUp(body, context.idempotencyKey as string),
  updateAutoRecharge: ({ body }) => readAutoRecharge(body),
  updateWalletNotifications: ({ body }) => readWalletNotifications(body),
  listLedger: ({ query }) => readLedgerQuery(query),
  getSpendSummary: ({ query }) => readSpendQuery(query),
}

interface Route {
  method: HttpVerb
  /** Path segments after the base path; `{id}` marks the parameter. */
  path: string[]
  /** The adapter method it calls, or `getCapabilities`. */
  op: string
  access: MethodAccess
  /** required: 400 without one; optional: passed on when sent. */
  key: 'required' | 'optional' | 'none'
  /** Whether the operation reads a JSON body. Bodies of other operations are never read. */
  body: boolean
  /** 204 answers carry no body. */
  status?: 200 | 204
  /** The method's arguments, before the context; none for `getCapabilities`. */
  read(input: RouteInput): unknown[]
}

const KEY_MODE = { read: 'none', unkeyed: 'none', 'per-call': 'optional', 'per-intent': 'required' } as const

/** A method without a reader gets what its route carries: nothing, the `{id}`, or `{ [idFrom]: id, idempotencyKey }`. */
function defaultReader(name: string, spec: MethodSpec): (input: RouteInput) => unknown[] {
  if (spec.send) {
    throw new TypeError(
      `${name} sends a ${spec.send}, which the handler must check: give it a reader in READERS (src/server/handler.ts).`,
    )
  }
  const { path, idempotency } = routeOf(spec)
  const { idFrom } = spec
  if (idFrom || idempotency === 'per-intent') {
    return ({ id, context }) => [
      {
        ...(idFrom ? { [idFrom]: id } : {}),
        ...(idempotency === 'per-intent' ? { idempotencyKey: context.idempotencyKey } : {}),
      },
    ]
  }
  return path.includes('{id}') ? ({ id }) => [id] : () => []
}

function routeFor(name: string, spec: MethodSpec, reader: InputReader | undefined): Route {
  const { verb, path, idempotency } = routeOf(spec)
  return {
    method: verb,
    path: path.split('/').filter(Boolean),
    op: name,
    access: accessOf(spec),
    key: KEY_MODE[idempotency],
    body: spec.send === 'body',
    status: spec.empty ? 204 : undefined,
    read: reader ? (input) => [reader(input)] : defaultReader(name, spec),
  }
}

const CAPABILITIES_ROUTE: Route = {
  method: 'GET',
  path: ['capabilities'],
  op: 'getCapabilities',
  access: 'read',
  key: 'none',
  body: false,
  read: () => [],
}

/** The routes of a registry: `/capabilities` and one per method, as its entry describes. */
function routesFor(methods: MethodRegistry, readers: Readonly<Record<string, InputReader | undefined>>): Route[] {
  return [CAPABILITIES_ROUTE, ...Object.entries(methods).map(([name, spec]) => routeFor(name, spec, readers[name]))]
}

/** Every route, as openapi.yaml documents it: `{ method, path: '/billing-profile', operationId }`. */
export const BILLING_ROUTES: ReadonlyArray<{
  method: Route['method']
  path: string
  operationId: keyof BillingAdapter | 'getCapabilities'
}> = routesFor(METHODS, READERS).map((r) => ({
  method: r.method,
  path: `/${r.path.join('/')}`,
  operationId: r.op as keyof BillingAdapter,
}))

function match(route: Route, segments: string[]): string[] | null {
  if (route.path.length !== segments.length) return null
  const params: string[] = []
  for (let i = 0; i < segments.length; i++) {
    if (route.path[i] === '{id}') params.push(segments[i])
    else if (route.path[i] !== segments[i]) return null
  }
  return params
}

function allowed(permissions: CallerPermissions, access: MethodAccess): boolean {
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

/** The optional methods this caller's service offers and its permissions allow, in registry order. */
function capabilitiesFor(methods: MethodRegistry, caller: ResolvedCaller): OptionalMethod[] {
  const service = caller.service as Record<string, unknown>
  return Object.entries(methods).flatMap(([name, spec]) =>
    spec.optional && typeof service[name] === 'function' && allowed(caller.permissions, accessOf(spec))
      ? [name as OptionalMethod]
      : [],
  )
}

function normalizeBase(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '')
  return trimmed.startsWith('/') || trimmed === '' ? trimmed : `/${trimmed}`
}

export function createBillingHandler(options: BillingHandlerOptions): (request: Request) => Promise<Response> {
  return createBillingHandlerFor(METHODS, options)
}

/**
 * `createBillingHandler` over any registry, so a test can add a method to it. Methods that send
 * a body or a query need a reader: one of READERS, or one in `readers`.
 */
export function createBillingHandlerFor(
  methods: MethodRegistry,
  options: BillingHandlerOptions,
  readers: Readonly<Record<string, InputReader>> = {},
): (request: Request) => Promise<Response> {
  if (typeof options?.resolve !== 'function') {
    throw new TypeError(
      'createBillingHandler needs { resolve(request) }, which returns { service, permissions } for the caller, or null.',
    )
  }
  const base = normalizeBase(options.basePath ?? '/v1')
  const maxBodyBytes = options.maxBodyBytes ?? 64_000
  const routes = routesFor(methods, { ...READERS, ...readers })

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
      const candidates = routes.map((r) => ({ route: r, params: match(r, segments) })).filter((c) => c.params !== null)
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
      if (r.op === 'getCapabilities') return json(200, { methods: capabilitiesFor(methods, caller) })
      const method = (caller.service as Record<string, unknown>)[r.op]
      if (typeof method !== 'function') {
        return errorResponse(501, 'unavailable', `This server does not offer ${r.op}.`)
      }
      if (params.some((p) => p === '' || p.length > 200)) return errorResponse(404, 'not_found', 'No such item.')

      const context: ServiceContext = { idempotencyKey: readKey(request, r.key), request }
      const body = r.body ? await readBody(request, maxBodyBytes) : {}
      const args = r.read({ id: params[0], body, query: url.searchParams, context })
      const result = await method.apply(caller.service, [...args, context])
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
