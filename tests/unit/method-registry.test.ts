// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { guardAdapter, guardWith } from '../../src/adapter/guard'
import { createHttpAdapterFor } from '../../src/adapter/http'
import {
  type Idempotency,
  METHODS,
  type MethodRegistry,
  type MethodSpec,
  OPTIONAL_METHODS,
  routeOf,
} from '../../src/adapter/methods'
import { sanitizeSubscription } from '../../src/adapter/sanitizeActivity'
import type { BillingAdapter, Subscription } from '../../src/adapter/types'
import { capabilitiesFrom, capabilitiesOf } from '../../src/data/capabilities'
import { BILLING_ROUTES, createBillingHandlerFor, type ServiceContext } from '../../src/server/handler'
import { readPlanId } from '../../src/server/validate'

interface Operation {
  method: string
  path: string
  operationId: string
  /** The operation's lines in openapi.yaml. */
  text: string
}

/** Every operation under `paths:` in openapi.yaml, with the text of its block. */
function documentedOperations(yaml: string): Operation[] {
  const section = yaml.slice(yaml.indexOf('\npaths:\n'), yaml.indexOf('\ncomponents:\n'))
  const out: Operation[] = []
  let path = ''
  let current: Operation | null = null
  for (const line of section.split('\n')) {
    const p = /^ {2}(\/\S+):$/.exec(line)
    const m = /^ {4}(get|put|post|delete|patch):$/.exec(line)
    if (p || m) current = null
    if (p) path = p[1]
    if (m) {
      current = { method: m[1].toUpperCase(), path, operationId: '', text: '' }
      out.push(current)
    }
    if (!current) continue
    current.text += `${line}\n`
    const op = /^ {6}operationId: (\w+)$/.exec(line)
    if (op) current.operationId = op[1]
  }
  return out
}

/** The header parameter openapi.yaml names for each idempotency rule. */
const KEY_PARAMETER: Record<Idempotency, string | undefined> = {
  read: undefined,
  unkeyed: undefined,
  'per-call': 'IdempotencyKeyOptional',
  'per-intent': 'IdempotencyKeyRequired',
}

describe('openapi.yaml agrees with the method registry', () => {
  const yaml = readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8')
  const operations = documentedOperations(yaml)
  const entries = Object.entries(METHODS as MethodRegistry)

  it('lists exactly the optional methods as capability names, in registry order', () => {
    const enumLine = /\n {4}OptionalMethod:\n {6}type: string\n {6}enum: \[([^\]]*)\]/.exec(yaml)
    expect(enumLine?.[1].split(',').map((name) => name.trim())).toEqual([...OPTIONAL_METHODS])
  })

  it('documents every method at its verb and path, with its idempotency key, body and 204', () => {
    for (const [name, spec] of entries) {
      const op = operations.find((o) => o.operationId === name)
      const route = routeOf(spec)
      const key = KEY_PARAMETER[route.idempotency]
      expect({
        name,
        method: op?.method,
        path: op?.path,
        key: op?.text.match(/IdempotencyKey(Required|Optional)/)?.[0],
        body: op?.text.includes('      requestBody:'),
        empty: op?.text.includes("'204':"),
      }).toEqual({
        name,
        method: route.verb,
        path: `/v1${route.path}`,
        key,
        body: spec.send === 'body',
        empty: spec.empty === true,
      })
    }
  })

  it('the handler serves exactly the registry, plus /capabilities', () => {
    expect(BILLING_ROUTES.map((r) => [r.method, r.path, r.operationId])).toEqual([
      ['GET', '/capabilities', 'getCapabilities'],
      ...entries.map(([name, spec]) => [...spec.http.split(' '), name]),
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// A throwaway capability, added to a copy of the registry and nowhere else
// ---------------------------------------------------------------------------------------------

const PAUSE: MethodSpec = {
  clean: sanitizeSubscription,
  optional: true,
  access: 'write',
  permission: 'manageSubscriptions',
  http: 'POST /subscriptions/{id}/pause',
}
const WITH_PAUSE = { ...METHODS, pauseSubscription: PAUSE } satisfies MethodRegistry

interface Pausable extends BillingAdapter {
  pauseSubscription(subscriptionId: string): Promise<Subscription>
}

const RAW_SUB = {
  id: 'sub_1',
  kind: 'platform',
  name: 'Pro',
  status: 'paused',
  price: { amount: 29700, currency: 'USD' },
  manageUrl: 'javascript:alert(1)',
}
const FULL = { read: true, write: true, moveMoney: true }
const READ_ONLY = { read: true, write: false }
const PANEL = { manageSubscriptions: true, managePaymentMethods: true, editBillingInfo: true, manageWallet: true }

/** A service with the reads the handler needs and the new method. */
function pausableService() {
  const pauseSubscription = vi.fn(async (subscriptionId: string, _context?: ServiceContext) => ({
    ...RAW_SUB,
    id: subscriptionId,
  }))
  const service = {
    getBillingProfile: async () => null,
    listSubscriptions: async () => [RAW_SUB],
    listPaymentMethods: async () => [],
    getWallet: async () => ({}),
    listLedger: async () => ({ entries: [], nextCursor: null }),
    pauseSubscription,
  }
  return { service, pauseSubscription }
}

function serve(permissions: typeof FULL | typeof READ_ONLY, service: object = pausableService().service) {
  return createBillingHandlerFor(WITH_PAUSE, { resolve: () => ({ service: service as never, permissions }) })
}

const post = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://billing.test/v1${path}`, { method: 'POST', headers })

describe('a capability added only to the registry', () => {
  it('is guarded: its result is cleaned by its entry, its failures become BillingErrors', async () => {
    const host = {
      pauseSubscription: async () => RAW_SUB,
      resumeSubscription: async () => {
        throw new Error('boom')
      },
    }
    const guarded = guardWith(WITH_PAUSE, host)
    expect(await guarded.pauseSubscription()).toMatchObject({ id: 'sub_1', status: 'paused', manageUrl: null })
    await expect(guarded.resumeSubscription()).rejects.toMatchObject({ name: 'BillingError', code: 'unknown' })
    // Without the entry the guard does not know it, so it never reaches the panel unchecked.
    expect('pauseSubscription' in guardAdapter(host as unknown as BillingAdapter)).toBe(false)
  })

  it('is served: routed, refused to read-only callers, listed in capabilities', async () => {
    const { service, pauseSubscription } = pausableService()
    const handler = serve(FULL, service)
    const paused = await handler(post('/subscriptions/sub_9/pause', { 'Idempotency-Key': 'p-1' }))
    expect([paused.status, (await paused.json()).id]).toEqual([200, 'sub_9'])
    expect(pauseSubscription).toHaveBeenCalledWith('sub_9', expect.objectContaining({ idempotencyKey: 'p-1' }))

    const caps = await (await handler(new Request('http://billing.test/v1/capabilities'))).json()
    expect(caps.methods).toEqual(['pauseSubscription'])
    const wrongVerb = await handler(new Request('http://billing.test/v1/subscriptions/sub_9/pause'))
    expect([wrongVerb.status, wrongVerb.headers.get('Allow')]).toEqual([405, 'POST'])

    const readOnly = serve(READ_ONLY, service)
    expect((await readOnly(post('/subscriptions/sub_9/pause'))).status).toBe(403)
    expect((await (await readOnly(new Request('http://billing.test/v1/capabilities'))).json()).methods).toEqual([])
    expect(pauseSubscription).toHaveBeenCalledTimes(1)

    const { pauseSubscription: _, ...without } = service
    const lacking = await serve(FULL, without)(post('/subscriptions/sub_9/pause'))
    expect([lacking.status, (await lacking.json()).error.code]).toEqual([501, 'unavailable'])
  })

  it('is called by the HTTP adapter with a fresh key, its answer cleaned once', async () => {
    const { service, pauseSubscription } = pausableService()
    const handler = serve(FULL, service)
    const seen: Request[] = []
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init)
      seen.push(request.clone())
      return handler(request)
    }
    const adapter = createHttpAdapterFor<Pausable>(WITH_PAUSE, { baseUrl: 'http://billing.test', fetch })
    const paused = await adapter.pauseSubscription('sub/7')
    expect(paused).toMatchObject({ id: 'sub/7', status: 'paused', manageUrl: null })
    expect([seen[0].method, new URL(seen[0].url).pathname]).toEqual(['POST', '/v1/subscriptions/sub%2F7/pause'])
    const key = seen[0].headers.get('Idempotency-Key')
    expect(key).toMatch(/^[0-9a-f-]{36}$/)
    expect(pauseSubscription).toHaveBeenCalledWith('sub/7', expect.objectContaining({ idempotencyKey: key }))

    const limited = createHttpAdapterFor<Partial<Pausable>>(WITH_PAUSE, {
      baseUrl: 'http://billing.test',
      fetch,
      capabilities: ['addFunds'],
    })
    expect([typeof limited.pauseSubscription, typeof limited.addFunds]).toEqual(['undefined', 'function'])
  })

  it('turns on its capability when the method is there and the user may use it', () => {
    const adapter = { pauseSubscription: async () => RAW_SUB } as unknown as BillingAdapter
    expect(capabilitiesFrom(WITH_PAUSE, adapter, PANEL, false)).toMatchObject({
      pauseSubscription: true,
      resumeSubscription: false,
    })
    expect(capabilitiesFrom(WITH_PAUSE, adapter, { ...PANEL, manageSubscriptions: false }, false)).toMatchObject({
      pauseSubscription: false,
    })
    expect('pauseSubscription' in capabilitiesOf(adapter, PANEL, false)).toBe(false)
  })

  it('needs a reader in the handler when it sends a body, and gets only what the reader names', async () => {
    const RENAME: MethodSpec = {
      clean: sanitizeSubscription,
      optional: true,
      http: 'POST /subscriptions/{id}/rename',
      idFrom: 'subscriptionId',
      send: 'body',
    }
    const registry = { ...METHODS, renameSubscription: RENAME }
    const resolve = () => ({ service: pausableService().service as never, permissions: FULL })
    expect(() => createBillingHandlerFor(registry, { resolve })).toThrow(/renameSubscription sends a body.*READERS/)

    const renameSubscription = vi.fn(async (input: { subscriptionId: string; planId: string }) => ({
      ...RAW_SUB,
      id: input.subscriptionId,
    }))
    const handler = createBillingHandlerFor(
      registry,
      { resolve: () => ({ service: { renameSubscription } as never, permissions: FULL }) },
      { renameSubscription: ({ id, body }) => ({ subscriptionId: id, planId: readPlanId(body) }) },
    )
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => handler(new Request(input, init))
    const adapter = createHttpAdapterFor<{ renameSubscription(input: object): Promise<Subscription> }>(registry, {
      baseUrl: 'http://billing.test',
      fetch,
    })
    await adapter.renameSubscription({ subscriptionId: 'sub_1', planId: 'pro', accountId: 'acct_other' })
    expect(renameSubscription).toHaveBeenCalledWith({ subscriptionId: 'sub_1', planId: 'pro' }, expect.anything())
  })
})

describe('results are cleaned once', () => {
  it('the HTTP adapter is already guarded, and a copy with a host method of its own is guarded again', async () => {
    const fetch = async () => new Response(JSON.stringify(RAW_SUB), { headers: { 'Content-Type': 'application/json' } })
    const http = createHttpAdapterFor<BillingAdapter>(METHODS, { baseUrl: 'http://billing.test', fetch })
    expect(guardAdapter(http)).toBe(http)
    const copy = { ...http, resumeSubscription: async () => RAW_SUB as unknown as Subscription }
    const guarded = guardAdapter(copy)
    expect(guarded).not.toBe(copy)
    expect((await guarded.resumeSubscription?.('sub_1'))?.manageUrl).toBeNull()
  })
})
