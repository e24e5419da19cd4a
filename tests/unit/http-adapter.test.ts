// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { createHttpAdapter, fetchCapabilities, type HttpAdapterOptions } from '../../src/adapter/http'
import { isBillingError, type BillingError, type BillingErrorCode } from '../../src/adapter/errors'
import { OPTIONAL_METHODS, REQUIRED_METHODS, type BillingAdapter } from '../../src/adapter/types'

interface Seen {
  url: string
  method: string
  headers: Headers
  body: string | null
  credentials?: RequestCredentials
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })

const WALLET = {
  currency: 'USD',
  balance: { amount: 4250, currency: 'USD' },
  credits: [],
  topUp: { min: { amount: 1000, currency: 'USD' }, max: { amount: 100000, currency: 'USD' }, presets: [] },
  autoRecharge: {
    enabled: false,
    threshold: { amount: 0, currency: 'USD' },
    mode: 'fixed',
    amount: { amount: 2500, currency: 'USD' },
    monthlyCap: null,
  },
}
const ENTRY = {
  id: 'txn_1',
  createdAt: '2026-11-26T15:00:00.000Z',
  type: 'top_up',
  status: 'succeeded',
  description: 'Top-up',
  amount: { amount: 2500, currency: 'USD' },
}
const SUB = {
  id: 'sub_1',
  kind: 'platform',
  name: 'Pro',
  status: 'active',
  price: { amount: 29700, currency: 'USD' },
  cancelAtPeriodEnd: true,
  manageUrl: 'javascript:alert(1)',
}
const CARD = { id: 'pm_1', type: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030, isDefault: true }
const PROFILE = {
  name: 'Ana',
  email: 'a@example.com',
  address: { line1: 'Calle 1', city: 'Madrid', country: 'ES' },
  walletReceipts: false,
}

/** A fetch double answering from `respond`, recording every request. */
function fakeFetch(respond: (req: Seen, n: number) => Response | Promise<Response>) {
  const seen: Seen[] = []
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const req: Seen = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : null,
      credentials: init.credentials,
    }
    seen.push(req)
    return respond(req, seen.length)
  })
  return { fetch: fetch as unknown as typeof globalThis.fetch, seen }
}

function make(respond: Parameters<typeof fakeFetch>[0], options: Partial<HttpAdapterOptions> = {}) {
  const f = fakeFetch(respond)
  const adapter = createHttpAdapter({
    baseUrl: 'https://crm.example.com/api/billing/',
    fetch: f.fetch,
    retryDelayMs: 0,
    ...options,
  })
  return { adapter, seen: f.seen }
}

async function caught(action: Promise<unknown>): Promise<BillingError> {
  try {
    await action
  } catch (error) {
    if (isBillingError(error)) return error
    throw error
  }
  throw new Error('expected a BillingError, but the call succeeded')
}

describe('HTTP status → BillingError', () => {
  const table: Array<[number, unknown, Record<string, string>, BillingErrorCode, Partial<BillingError>]> = [
    [
      400,
      { error: { code: 'validation', message: 'bad', fieldErrors: { amount: 'below_min' } } },
      {},
      'validation',
      { fieldErrors: { amount: 'below_min' } },
    ],
    [
      422,
      { error: { code: 'validation', message: 'bad', fieldErrors: { email: 'invalid' } } },
      {},
      'validation',
      { fieldErrors: { email: 'invalid' } },
    ],
    [413, { error: { code: 'validation', message: 'too big' } }, {}, 'validation', {}],
    [415, { error: { code: 'validation', message: 'json please' } }, {}, 'validation', {}],
    [401, { error: { code: 'unauthorized', message: 'who?' } }, {}, 'unauthorized', {}],
    [403, { error: { code: 'forbidden', message: 'no' } }, {}, 'forbidden', {}],
    [404, { error: { code: 'not_found', message: 'gone' } }, {}, 'not_found', {}],
    [408, null, {}, 'timeout', {}],
    [409, { error: { code: 'conflict', message: 'again?' } }, {}, 'conflict', {}],
    [
      402,
      { error: { code: 'card_declined', message: 'declined', declineCode: 'insufficient_funds' } },
      {},
      'card_declined',
      { declineCode: 'insufficient_funds' },
    ],
    [
      402,
      { error: { code: 'requires_action', message: '3ds', clientSecret: 'pi_1_secret_2' } },
      {},
      'requires_action',
      { clientSecret: 'pi_1_secret_2' },
    ],
    [402, null, {}, 'card_declined', {}],
    [
      429,
      { error: { code: 'rate_limited', message: 'slow down' } },
      { 'Retry-After': '30' },
      'rate_limited',
      { retryAfterMs: 30_000 },
    ],
    [500, { error: { code: 'unknown', message: 'oops' } }, {}, 'unavailable', {}],
    [502, null, {}, 'unavailable', {}],
    [503, { error: { code: 'unavailable', message: 'later' } }, {}, 'unavailable', {}],
    [504, { error: { code: 'timeout', message: 'upstream' } }, {}, 'unavailable', {}],
  ]

  it.each(table)('%i %j → %s', async (status, body, headers, code, extra) => {
    const { adapter } = make(
      () =>
        body === null
          ? new Response('<html>error</html>', { status, headers: { 'Content-Type': 'text/html', ...headers } })
          : json(status, body, headers),
      { retries: 0 },
    )
    const error = await caught(adapter.getWallet())
    expect(error.code).toBe(code)
    expect(error.status).toBe(status)
    expect(error).toMatchObject(extra)
  })

  it('ignores field errors that are not strings and extras that do not belong to the code', async () => {
    const { adapter } = make(() =>
      json(422, {
        error: {
          code: 'validation',
          message: 'x',
          fieldErrors: { a: 'invalid', b: 42 },
          declineCode: 'x',
          clientSecret: 'y',
        },
      }),
    )
    const error = await caught(adapter.getWallet())
    expect(error.fieldErrors).toEqual({ a: 'invalid' })
    expect(error.declineCode).toBeUndefined()
    expect(error.clientSecret).toBeUndefined()
  })

  it('reads Retry-After as an HTTP date too', async () => {
    const at = new Date(Date.now() + 120_000).toUTCString()
    const { adapter } = make(
      () => json(429, { error: { code: 'rate_limited', message: 'x' } }, { 'Retry-After': at }),
      { retries: 0 },
    )
    const error = await caught(adapter.getWallet())
    expect(error.retryAfterMs).toBeGreaterThan(100_000)
    expect(error.retryAfterMs).toBeLessThanOrEqual(120_000)
  })

  it('a failed fetch is a network error; HTML or broken JSON on success is invalid_response', async () => {
    expect(
      (await caught(make(() => Promise.reject(new TypeError('fetch failed')), { retries: 0 }).adapter.getWallet()))
        .code,
    ).toBe('network')
    const html = make(
      () => new Response('<!doctype html><p>Login</p>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    )
    expect((await caught(html.adapter.getWallet())).code).toBe('invalid_response')
    const broken = make(
      () => new Response('{"currency": "USD", ', { status: 200, headers: { 'Content-Type': 'application/json' } }),
    )
    expect((await caught(broken.adapter.getWallet())).code).toBe('invalid_response')
    const wrongShape = make(() => json(200, { currency: 'USD', balance: { amount: 12.5, currency: 'USD' } }))
    expect((await caught(wrongShape.adapter.getWallet())).code).toBe('invalid_response')
    expect(html.seen).toHaveLength(1)
  })

  it('checks every answer at the boundary: unsafe links are dropped, unknown statuses become unknown', async () => {
    const { adapter } = make(() => json(200, [SUB, { ...SUB, id: 'sub_2', status: 'on_hold' }, { nonsense: true }]))
    const subs = await adapter.listSubscriptions()
    expect(subs.map((s) => [s.id, s.status, s.rawStatus, s.manageUrl])).toEqual([
      ['sub_1', 'active', null, null],
      ['sub_2', 'unknown', 'on_hold', null],
    ])
  })
})

describe('requests', () => {
  it('calls the headers function before every attempt, retries included', async () => {
    let token = 0
    const headers = vi.fn(async () => ({ Authorization: `Bearer t${++token}`, 'X-CSRF-Token': 'csrf' }))
    const { adapter, seen } = make(
      (_req, n) => (n === 1 ? json(503, { error: { code: 'unavailable', message: 'x' } }) : json(200, WALLET)),
      { headers },
    )
    await adapter.getWallet()
    await adapter.listPaymentMethods().catch(() => {})
    expect(headers).toHaveBeenCalledTimes(3)
    expect(seen.map((r) => r.headers.get('Authorization'))).toEqual(['Bearer t1', 'Bearer t2', 'Bearer t3'])
    expect(
      seen.every((r) => r.headers.get('X-CSRF-Token') === 'csrf' && r.headers.get('Accept') === 'application/json'),
    ).toBe(true)
  })

  it('sends credentials as asked and builds URLs under baseUrl + /v1 with encoded ids and the ledger query', async () => {
    const { adapter, seen } = make(() => json(200, { entries: [], nextCursor: null }), { credentials: 'include' })
    await adapter.listLedger({
      filter: { types: ['top_up', 'usage'], from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' },
      cursor: 'abc',
      limit: 25,
    })
    await adapter.getInvoiceLinks!('in/1 2').catch(() => {})
    const url = new URL(seen[0].url)
    expect(url.pathname).toBe('/api/billing/v1/ledger')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      types: 'top_up,usage',
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
      cursor: 'abc',
      limit: '25',
    })
    expect(seen[0].credentials).toBe('include')
    expect(new URL(seen[1].url).pathname).toBe('/api/billing/v1/invoices/in%2F1%202/links')
  })

  it('puts an Idempotency-Key on every write; top-ups and plan changes use the caller key, the rest a fresh one per call', async () => {
    const { adapter, seen } = make((req) => {
      const path = new URL(req.url).pathname
      if (req.method === 'DELETE') return new Response(null, { status: 204 })
      if (path.endsWith('/top-ups')) return json(200, { entry: ENTRY, wallet: WALLET })
      if (path.endsWith('/auto-recharge')) return json(200, WALLET)
      if (path.endsWith('/billing-profile')) return json(200, PROFILE)
      if (path.endsWith('/default')) return json(200, [CARD])
      if (path.endsWith('/payment-methods')) return json(200, CARD)
      if (path.endsWith('/setup-intents')) return json(200, { clientSecret: 'seti_1_secret_2' })
      if (path.endsWith('/plan-change-preview')) {
        return json(200, {
          subscriptionId: 'sub_1',
          planId: 'p',
          effective: 'now',
          dueToday: { amount: 1, currency: 'USD' },
          nextCycle: { amount: { amount: 2, currency: 'USD' }, date: ENTRY.createdAt },
          lines: [],
        })
      }
      return json(200, SUB)
    })
    await adapter.addFunds!({
      amount: { amount: 2500, currency: 'USD' },
      paymentMethodId: 'pm_1',
      idempotencyKey: 'intent-1',
    })
    await adapter.changePlan!({ subscriptionId: 'sub_1', planId: 'p', idempotencyKey: 'plan-1' })
    await adapter.attachPaymentMethod!({ setupIntentId: 'seti_1', makeDefault: true })
    await adapter.removePaymentMethod!('pm_2')
    await adapter.setDefaultPaymentMethod!('pm_1')
    await adapter.updateAutoRecharge!({
      enabled: true,
      threshold: { amount: 0, currency: 'USD' },
      mode: 'fixed',
      amount: { amount: 2500, currency: 'USD' },
      monthlyCap: null,
    })
    await adapter.updateBillingProfile!(PROFILE as never)
    await adapter.cancelSubscription!({ subscriptionId: 'sub_1', reason: 'unused' })
    await adapter.resumeSubscription!('sub_1')
    await adapter.cancelSubscription!({ subscriptionId: 'sub_1' })
    await adapter.createSetupIntent!()
    await adapter.previewPlanChange!({ subscriptionId: 'sub_1', planId: 'p' })
    await adapter.getWallet().catch(() => {})

    const key = (i: number) => seen[i].headers.get('Idempotency-Key')
    expect([key(0), key(1)]).toEqual(['intent-1', 'plan-1'])
    const generated = seen.slice(2, 10).map((r) => r.headers.get('Idempotency-Key'))
    expect(
      generated.every((k) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(k ?? '')),
    ).toBe(true)
    expect(new Set(generated).size).toBe(8)
    // Creating a SetupIntent, previewing and reading move nothing and carry no key.
    expect(seen.slice(10).map((r) => [r.method, r.headers.get('Idempotency-Key')])).toEqual([
      ['POST', null],
      ['POST', null],
      ['GET', null],
    ])
    expect(JSON.parse(seen[0].body ?? '')).toEqual({
      amount: { amount: 2500, currency: 'USD' },
      paymentMethodId: 'pm_1',
    })
    expect(seen[0].headers.get('Content-Type')).toBe('application/json')
  })

  it('a host header cannot replace the Idempotency-Key', async () => {
    const { adapter, seen } = make(() => json(200, { entry: ENTRY, wallet: WALLET }), {
      headers: { 'Idempotency-Key': 'host' },
    })
    await adapter.addFunds!({
      amount: { amount: 2500, currency: 'USD' },
      paymentMethodId: 'pm_1',
      idempotencyKey: 'mine',
    })
    expect(seen[0].headers.get('Idempotency-Key')).toBe('mine')
  })
})

describe('retries', () => {
  const unavailable = () => json(503, { error: { code: 'unavailable', message: 'x' } })

  it('retries a GET on 503 and succeeds', async () => {
    const { adapter, seen } = make((_r, n) => (n < 3 ? unavailable() : json(200, WALLET)))
    expect((await adapter.getWallet()).balance.amount).toBe(4250)
    expect(seen).toHaveLength(3)
  })

  it('gives up after `retries` extra attempts', async () => {
    const { adapter, seen } = make(unavailable, { retries: 2 })
    expect((await caught(adapter.getWallet())).code).toBe('unavailable')
    expect(seen).toHaveLength(3)
  })

  it('does not retry a 500, a 4xx or a 502', async () => {
    for (const status of [500, 502, 404, 409]) {
      const { adapter, seen } = make(() => json(status, { error: { code: 'unknown', message: 'x' } }))
      await caught(adapter.getWallet())
      expect([status, seen.length]).toEqual([status, 1])
    }
  })

  it('never retries a POST without a key', async () => {
    const { adapter, seen } = make(unavailable)
    expect((await caught(adapter.createSetupIntent!())).code).toBe('unavailable')
    expect(seen).toHaveLength(1)
  })

  it('retries a top-up only with the same key, after network errors too', async () => {
    const { adapter, seen } = make((_r, n) =>
      n === 1
        ? Promise.reject(new TypeError('fetch failed'))
        : n === 2
          ? unavailable()
          : json(200, { entry: ENTRY, wallet: WALLET }),
    )
    await adapter.addFunds!({
      amount: { amount: 2500, currency: 'USD' },
      paymentMethodId: 'pm_1',
      idempotencyKey: 'k-1',
    })
    expect(seen.map((r) => r.headers.get('Idempotency-Key'))).toEqual(['k-1', 'k-1', 'k-1'])

    const generated = make((_r, n) => (n === 1 ? unavailable() : json(200, [CARD])))
    await generated.adapter.setDefaultPaymentMethod!('pm_1')
    const [first, second] = generated.seen.map((r) => r.headers.get('Idempotency-Key'))
    expect(first).toBe(second)
  })

  it('waits for a short Retry-After on 429, and hands a long one to the caller', async () => {
    const short = make((_r, n) =>
      n === 1
        ? json(429, { error: { code: 'rate_limited', message: 'x' } }, { 'Retry-After': '0' })
        : json(200, WALLET),
    )
    await short.adapter.getWallet()
    expect(short.seen).toHaveLength(2)
    const long = make(() => json(429, { error: { code: 'rate_limited', message: 'x' } }, { 'Retry-After': '3600' }))
    const error = await caught(long.adapter.getWallet())
    expect([error.code, error.retryAfterMs, long.seen.length]).toEqual(['rate_limited', 3_600_000, 1])
  })

  it('times out a request that never answers, aborting it', async () => {
    const signals: AbortSignal[] = []
    const hang = vi.fn((_url: RequestInfo | URL, init: RequestInit = {}) => {
      signals.push(init.signal as AbortSignal)
      return new Promise<Response>((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      )
    })
    const adapter = createHttpAdapter({
      baseUrl: 'https://x.example',
      fetch: hang as unknown as typeof fetch,
      timeoutMs: 20,
      retries: 1,
      retryDelayMs: 0,
    })
    const error = await caught(adapter.getWallet())
    expect(error.code).toBe('timeout')
    expect(hang).toHaveBeenCalledTimes(2)
    expect(signals.every((s) => s.aborted)).toBe(true)
  })
})

describe('capabilities', () => {
  const noop = () => json(200, {})

  it('defines every optional method by default and only the listed ones when given', () => {
    const all = createHttpAdapter({ baseUrl: 'https://x.example', fetch: noop as unknown as typeof fetch })
    for (const name of [...REQUIRED_METHODS, ...OPTIONAL_METHODS]) expect(typeof all[name]).toBe('function')
    const some = createHttpAdapter({
      baseUrl: 'https://x.example',
      fetch: noop as unknown as typeof fetch,
      capabilities: ['addFunds', 'getInvoiceLinks'],
    })
    expect(OPTIONAL_METHODS.filter((name) => typeof (some as BillingAdapter)[name] === 'function')).toEqual([
      'getInvoiceLinks',
      'addFunds',
    ])
    for (const name of REQUIRED_METHODS) expect(typeof some[name]).toBe('function')
    expect('cancelSubscription' in some).toBe(false)
  })

  it('fetchCapabilities keeps only method names it knows', async () => {
    const { fetch } = fakeFetch(() => json(200, { methods: ['addFunds', 'teleport', 'listPlans', 42] }))
    expect(await fetchCapabilities({ baseUrl: 'https://x.example', fetch })).toEqual(['addFunds', 'listPlans'])
    const bad = fakeFetch(() => json(200, { nope: true }))
    expect((await caught(fetchCapabilities({ baseUrl: 'https://x.example', fetch: bad.fetch }))).code).toBe(
      'invalid_response',
    )
  })

  it('explains a missing baseUrl', () => {
    expect(() => createHttpAdapter({} as HttpAdapterOptions)).toThrow(/needs \{ baseUrl \}/)
  })

  it('does not import React', () => {
    const source = readFileSync(new URL('../../src/adapter/http/index.ts', import.meta.url), 'utf8')
    expect(source).not.toMatch(/from ['"]react/)
  })
})
