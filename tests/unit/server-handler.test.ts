// @vitest-environment node
import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { createHttpAdapter } from '../../src/adapter/http'
import { BILLING_ERROR_CODES, BillingError, isBillingError, type BillingErrorCode } from '../../src/adapter/errors'
import { createMemoryAdapter, type MemoryBillingAdapter } from '../../src/adapter/memory'
import { OPTIONAL_METHODS, type BillingAdapter } from '../../src/adapter/types'
import { BILLING_ROUTES, createBillingHandler, type BillingService } from '../../src/server/handler'
import { SERVER_ROUTES } from '../../src/server/usage-handler'
import { describeBillingAdapter } from '../../src/testing/conformance'
import { listen, type RunningServer } from '../../examples/server/listen'
import { readOperations } from '../../stories/docs/OpenApiReference'

const NOW = new Date('2026-11-26T15:00:00Z')
const FULL = { read: true, write: true, moveMoney: true }
const servers: RunningServer[] = []
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
})

function handlerFor(
  service: Partial<BillingService>,
  options: { basePath?: string; onError?: (e: unknown) => void } = {},
) {
  return createBillingHandler({
    resolve: () => ({ service: service as BillingService, permissions: FULL }),
    ...options,
  })
}

const request = (path: string, init: RequestInit = {}) => new Request(`http://billing.test${path}`, init)

async function caught(action: Promise<unknown>): Promise<BillingError> {
  try {
    await action
  } catch (error) {
    if (isBillingError(error)) return error
    throw error
  }
  throw new Error('expected a BillingError, but the call succeeded')
}

describe('errors over the wire', () => {
  const thrown: Array<[BillingErrorCode, number, BillingErrorCode]> = [
    ['validation', 422, 'validation'],
    ['unauthorized', 401, 'unauthorized'],
    ['forbidden', 403, 'forbidden'],
    ['not_found', 404, 'not_found'],
    ['conflict', 409, 'conflict'],
    ['card_declined', 402, 'card_declined'],
    ['requires_action', 402, 'requires_action'],
    ['rate_limited', 429, 'rate_limited'],
    ['unavailable', 503, 'unavailable'],
    ['timeout', 504, 'unavailable'],
    ['network', 502, 'unavailable'],
    ['invalid_response', 502, 'unavailable'],
    ['unknown', 500, 'unavailable'],
  ]

  it('covers every error code', () => {
    expect(thrown.map(([code]) => code).toSorted()).toEqual([...BILLING_ERROR_CODES].toSorted())
  })

  it.each(thrown)('a service throwing %s answers %i and the adapter reads %s', async (code, status, read) => {
    const error = new BillingError(code, {
      message: `service says ${code}`,
      fieldErrors: { amount: 'below_min' },
      declineCode: 'insufficient_funds',
      clientSecret: 'pi_1_secret_2',
      retryAfterMs: 2500,
    })
    const handler = handlerFor({ getWallet: async () => Promise.reject(error) })
    const response = await handler(request('/v1/wallet'))
    expect(response.status).toBe(status)
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    const body = (await response.json()).error
    expect(body.code).toBe(code)
    expect(body.message).toBe(`service says ${code}`)
    // Each extra travels only with the code it belongs to.
    expect(['fieldErrors' in body, 'declineCode' in body, 'clientSecret' in body]).toEqual([
      code === 'validation',
      code === 'card_declined',
      code === 'requires_action',
    ])
    if (code === 'rate_limited') expect(response.headers.get('Retry-After')).toBe('3')

    const adapter = createHttpAdapter({
      baseUrl: 'http://billing.test',
      fetch: ((input: RequestInfo | URL, init?: RequestInit) => handler(new Request(input, init))) as typeof fetch,
      retries: 0,
    })
    const received = await caught(adapter.getWallet())
    expect([received.code, received.status]).toEqual([read, status])
    if (code === 'card_declined') expect(received.declineCode).toBe('insufficient_funds')
    if (code === 'requires_action') expect(received.clientSecret).toBe('pi_1_secret_2')
    if (code === 'validation') expect(received.fieldErrors).toEqual({ amount: 'below_min' })
    if (code === 'rate_limited') expect(received.retryAfterMs).toBe(3000)
  })

  it('anything else thrown is a bare 500 that leaks nothing, reported to onError', async () => {
    const onError = vi.fn()
    const handler = handlerFor(
      { getWallet: async () => Promise.reject(new Error('SQLITE_CORRUPT at /srv/secret/path.db')) },
      { onError },
    )
    const response = await handler(request('/v1/wallet'))
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(text).not.toMatch(/SQLITE|secret/)
    expect(JSON.parse(text).error.code).toBe('unknown')
    expect(onError).toHaveBeenCalledTimes(1)
  })
})

describe('routing', () => {
  const memory = () => createMemoryAdapter({ now: () => NOW, ledgerSize: 20 })

  it('answers unknown routes 404, a wrong method 405 with Allow, and paths outside the base 404', async () => {
    const handler = handlerFor(memory())
    const unknown = await handler(request('/v1/wallets'))
    expect([unknown.status, (await unknown.json()).error.code]).toEqual([404, 'not_found'])
    const wrong = await handler(request('/v1/wallet', { method: 'DELETE' }))
    expect([wrong.status, wrong.headers.get('Allow')]).toEqual([405, 'GET'])
    expect((await handler(request('/wallet'))).status).toBe(404)
  })

  it('mounts under any base path, e.g. a Next.js route', async () => {
    const handler = handlerFor(memory(), { basePath: '/api/billing/v1/' })
    expect((await handler(request('/api/billing/v1/wallet'))).status).toBe(200)
    expect((await handler(request('/v1/wallet'))).status).toBe(404)
  })

  it('answers 501 for an operation the service lacks, and leaves it out of capabilities', async () => {
    const { addFunds: _, cancelSubscription: __, ...partial } = memory()
    const handler = handlerFor(partial)
    const response = await handler(
      request('/v1/wallet/top-ups', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k' },
        body: '{}',
      }),
    )
    expect([response.status, (await response.json()).error.code]).toEqual([501, 'unavailable'])
    const caps = await (await handler(request('/v1/capabilities'))).json()
    expect(caps.methods).toEqual(OPTIONAL_METHODS.filter((m) => m !== 'addFunds' && m !== 'cancelSubscription'))
  })

  it('removes with 204 and no body; every JSON answer says no-store', async () => {
    const service = memory()
    const handler = handlerFor(service)
    const cards = await service.listPaymentMethods()
    const target = cards.find((c) => !c.isDefault && c.last4 === '4444')!
    const removed = await handler(
      request(`/v1/payment-methods/${target.id}`, { method: 'DELETE', headers: { 'Idempotency-Key': 'rm-1' } }),
    )
    expect([removed.status, await removed.text()]).toEqual([204, ''])
    const wallet = await handler(request('/v1/wallet'))
    expect(wallet.headers.get('Cache-Control')).toBe('no-store')
  })

  it('rejects a malformed ledger query with 400', async () => {
    const handler = handlerFor(memory())
    for (const query of ['types=top_up,teleport', 'limit=0', 'limit=abc', 'from=yesterday']) {
      const response = await handler(request(`/v1/ledger?${query}`))
      expect([query, response.status]).toEqual([query, 400])
    }
    const ok = await (await handler(request('/v1/ledger?types=top_up,usage&limit=5'))).json()
    expect(ok.entries.length).toBeLessThanOrEqual(5)
    expect(ok.entries.every((e: { type: string }) => e.type === 'top_up' || e.type === 'usage')).toBe(true)
  })

  it('explains a missing resolve', () => {
    expect(() => createBillingHandler({} as never)).toThrow(/needs \{ resolve\(request\) \}/)
  })
})

describe('openapi.yaml', () => {
  const yaml = readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8')

  /** [method, path, operationId] of every operation, read from the document's `paths`. */
  function documented(): Array<[string, string, string]> {
    const out: Array<[string, string, string]> = []
    const section = yaml.slice(yaml.indexOf('\npaths:\n'), yaml.indexOf('\ncomponents:\n'))
    let path = ''
    let method = ''
    for (const line of section.split('\n')) {
      const p = /^ {2}(\/\S+):$/.exec(line)
      if (p) path = p[1]
      const m = /^ {4}(get|put|post|delete|patch):$/.exec(line)
      if (m) method = m[1].toUpperCase()
      const op = /^ {6}operationId: (\w+)$/.exec(line)
      if (op) out.push([method, path, op[1]])
    }
    return out
  }

  it('documents exactly the routes the handlers serve, one operation per adapter method', () => {
    const served = [...BILLING_ROUTES, ...SERVER_ROUTES].map((r) => [r.method, `/v1${r.path}`, r.operationId])
    expect(documented().toSorted()).toEqual(served.toSorted())
    const adapterMethods = createHttpAdapter({ baseUrl: 'http://x.test' }) as BillingAdapter
    const serverToServer = new Set<string>(SERVER_ROUTES.map((r) => r.operationId))
    expect(
      documented()
        .map(([, , id]) => id)
        .filter((id) => id !== 'getCapabilities' && !serverToServer.has(id))
        .toSorted(),
    ).toEqual(Object.keys(adapterMethods).toSorted())
  })

  it('the Storybook reference page lists every operation with its summary and responses', () => {
    const listed = readOperations(yaml)
    expect(listed.map((op) => [op.method, op.path, op.operationId]).toSorted()).toEqual(documented().toSorted())
    const topUp = listed.find((op) => op.operationId === 'addFunds')
    expect(topUp).toMatchObject({ method: 'POST', path: '/v1/wallet/top-ups', tag: 'Wallet' })
    expect(topUp?.summary).toBe('Charge a card and add the amount to the wallet')
    expect(topUp?.description).toContain('Charges once per Idempotency-Key.')
    expect(topUp?.statuses).toEqual(expect.arrayContaining(['200', '402', '409', '422']))
    for (const op of listed) expect([op.operationId, op.summary.length > 0]).toEqual([op.operationId, true])
  })

  it('defines every schema, response and parameter it refers to', () => {
    const refs = [...yaml.matchAll(/\$ref: '#\/components\/(\w+)\/(\w+)'/g)].map((m) => [m[1], m[2]])
    expect(refs.length).toBeGreaterThan(50)
    for (const [kind, name] of refs) {
      const section = yaml.slice(yaml.indexOf(`\n  ${kind}:\n`))
      expect([kind, name, new RegExp(`^ {4}${name}:$`, 'm').test(section)]).toEqual([kind, name, true])
    }
  })

  it('requires an Idempotency-Key exactly on the operations that charge a card', () => {
    const required = [...yaml.matchAll(/operationId: (\w+)[\s\S]*?(?=operationId:|\ncomponents:)/g)]
      .filter((m) => m[0].includes('IdempotencyKeyRequired'))
      .map((m) => m[1])
    expect(required.toSorted()).toEqual(['addFunds', 'changePlan'])
  })
})

describe('any BillingAdapter can be served', () => {
  const memories = new WeakMap<BillingAdapter, MemoryBillingAdapter>()
  describeBillingAdapter(
    'http+memory',
    async () => {
      const memory = createMemoryAdapter({ now: () => NOW, ledgerSize: 60 })
      const running = await listen(handlerFor(memory))
      servers.push(running)
      const adapter = createHttpAdapter({ baseUrl: running.url, retryDelayMs: 1 })
      memories.set(adapter, memory)
      return adapter
    },
    { usage: async (adapter, cost) => void (await memories.get(adapter)!.simulateUsage({ cost })) },
  )
})
