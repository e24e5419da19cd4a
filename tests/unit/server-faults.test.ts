// @vitest-environment node
import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createHttpAdapter, type HttpAdapterOptions } from '../../src/adapter/http'
import { SEED_CARDS } from '../../src/adapter/memory'
import { isBillingError, type BillingError } from '../../src/adapter/errors'
import { toNodeListener } from '../../src/server/node'
import { FULL_ACCESS, startStack, type TestStack } from '../../examples/server/test-kit'

const NOW = new Date('2026-11-26T15:00:00Z')
const TOKENS = {
  'token-a': { accountId: 'acct_a', permissions: FULL_ACCESS },
  'token-b': { accountId: 'acct_b', permissions: FULL_ACCESS },
}
const AUTH = { Authorization: 'Bearer token-a' }
const TOP_UP = { amount: { amount: 2500, currency: 'USD' }, paymentMethodId: SEED_CARDS.visa }

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

async function stack(options: Parameters<typeof startStack>[0] = {}): Promise<TestStack> {
  const s = await startStack({
    now: () => NOW,
    accounts: [{ accountId: 'acct_a' }, { accountId: 'acct_b', seed: 2 }],
    tokens: TOKENS,
    ...options,
  })
  cleanups.push(() => s.close())
  return s
}

async function serve(
  listener: (req: IncomingMessage, res: import('node:http').ServerResponse) => void,
): Promise<{ url: string; server: Server }> {
  const server = createServer(listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  )
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

/** What the ledger and balance of an account are, straight from the database. */
async function money(s: TestStack, account = 'acct_a') {
  return (await s.store.sql.get(
    `SELECT COUNT(*) AS entries, COALESCE(SUM(CASE WHEN status = 'succeeded' THEN wallet_delta END), 0) AS balance
     FROM ledger_entries WHERE account_id = ?`,
    [account],
  )) as { entries: number; balance: number }
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

function adapter(url: string, extra: Partial<HttpAdapterOptions> = {}) {
  return createHttpAdapter({ baseUrl: url, headers: AUTH, retryDelayMs: 1, ...extra })
}

function post(url: string, body: BodyInit | null, headers: Record<string, string>) {
  return fetch(`${url}/v1/wallet/top-ups`, {
    method: 'POST',
    headers: { ...AUTH, ...headers },
    body,
    duplex: 'half',
  } as RequestInit)
}

describe('client timeouts', () => {
  it('a server that never answers ends in timeout after the retries, every attempt with the same key', async () => {
    const seen: Array<{ method?: string; key?: string }> = []
    const { url } = await serve((req) => {
      seen.push({ method: req.method, key: req.headers['idempotency-key'] as string | undefined })
      // Never answers.
    })
    const read = await caught(adapter(url, { timeoutMs: 80, retries: 2 }).getWallet())
    expect(read.code).toBe('timeout')
    expect(seen.filter((r) => r.method === 'GET')).toHaveLength(3)

    seen.length = 0
    const write = await caught(
      adapter(url, { timeoutMs: 80, retries: 1 }).addFunds!({ ...TOP_UP, idempotencyKey: 'slow-key' }),
    )
    expect(write.code).toBe('timeout')
    expect(seen).toEqual([
      { method: 'POST', key: 'slow-key' },
      { method: 'POST', key: 'slow-key' },
    ])
  })

  it('a server that sends headers and then stalls the body also times out', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.write('{"currency":')
    })
    const error = await caught(adapter(url, { timeoutMs: 80, retries: 0 }).getWallet())
    expect(error.code).toBe('timeout')
  })
})

describe('dropped connections', () => {
  it('a connection dropped before the server acted is retried with the same key and charges once', async () => {
    const s = await stack()
    const before = await money(s)
    const listener = toNodeListener(s.handler)
    let drops = 1
    const { url } = await serve((req, res) => {
      if (req.method === 'POST' && drops-- > 0) return void req.socket.destroy()
      listener(req, res)
    })
    const result = await adapter(url).addFunds!({ ...TOP_UP, idempotencyKey: 'dropped-before' })
    expect(result.wallet.balance.amount).toBe(before.balance + 2500)
    expect(await money(s)).toEqual({ entries: before.entries + 1, balance: before.balance + 2500 })
  })

  it('an answer lost after the server committed: the retry gets the same entry and nothing moves twice', async () => {
    const s = await stack()
    const before = await money(s)
    let drops = 1
    const { url } = await serve((req, res) => {
      const drop = req.method === 'POST' && drops-- > 0
      toNodeListener(async (request) => {
        const response = await s.handler(request)
        if (drop) req.socket.destroy()
        return response
      })(req, res)
    })
    const result = await adapter(url).addFunds!({ ...TOP_UP, idempotencyKey: 'dropped-after' })
    expect(await money(s)).toEqual({ entries: before.entries + 1, balance: before.balance + 2500 })
    const stored = (await s.store.sql.get(
      "SELECT id FROM ledger_entries WHERE account_id = 'acct_a' ORDER BY seq DESC LIMIT 1",
    )) as { id: string }
    expect(result.entry.id).toBe(stored.id)
  })

  it('without retries a dropped connection is a network error, and a refused port is too', async () => {
    const { url } = await serve((req) => req.socket.destroy())
    expect((await caught(adapter(url, { retries: 0 }).getWallet())).code).toBe('network')
    const closed = await serve(() => {})
    const port = new URL(closed.url).port
    await new Promise<void>((resolve) => closed.server.close(() => resolve()))
    expect((await caught(adapter(`http://127.0.0.1:${port}`, { retries: 0 }).getWallet())).code).toBe('network')
  })
})

describe('bodies the server refuses', () => {
  it('malformed JSON is a 400 validation error and nothing is written', async () => {
    const s = await stack()
    const before = await money(s)
    const res = await post(s.url, '{"amount": {"amount": 2500, ', {
      'Content-Type': 'application/json',
      'Idempotency-Key': 'bad-json',
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect((await res.json()).error.code).toBe('validation')
    expect(await money(s)).toEqual(before)
  })

  it('a body that is not JSON is a 415 and nothing is written', async () => {
    const s = await stack()
    const before = await money(s)
    const res = await post(s.url, 'amount=2500', {
      'Content-Type': 'application/x-www-form-urlencoded',
      'Idempotency-Key': 'form',
    })
    expect(res.status).toBe(415)
    expect((await res.json()).error.code).toBe('validation')
    expect(await money(s)).toEqual(before)
  })

  it('a huge body is a 413, whether it declares its length or streams without one', async () => {
    const s = await stack({ maxBodyBytes: 64_000 })
    const before = await money(s)
    const huge = JSON.stringify({ ...TOP_UP, padding: 'x'.repeat(200_000) })
    const declared = await post(s.url, huge, { 'Content-Type': 'application/json', 'Idempotency-Key': 'huge-1' })
    expect(declared.status).toBe(413)
    expect((await declared.json()).error.code).toBe('validation')

    const chunk = new TextEncoder().encode('x'.repeat(16_000))
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk)
        else controller.close()
      },
    })
    const streamed = await post(s.url, stream, { 'Content-Type': 'application/json', 'Idempotency-Key': 'huge-2' })
    expect(streamed.status).toBe(413)
    expect(await money(s)).toEqual(before)
    // The server is still healthy afterwards.
    expect((await adapter(s.url).getWallet()).balance.amount).toBe(before.balance)
  })

  it('a top-up without an Idempotency-Key is refused before anything happens', async () => {
    const s = await stack()
    const before = await money(s)
    const res = await post(s.url, JSON.stringify(TOP_UP), { 'Content-Type': 'application/json' })
    expect(res.status).toBe(400)
    expect((await res.json()).error.fieldErrors).toEqual({ 'Idempotency-Key': 'required' })
    expect(await money(s)).toEqual(before)
  })

  it('unknown fields are ignored: they cannot set a balance or reach another account', async () => {
    const s = await stack()
    const a = await money(s)
    const b = await money(s, 'acct_b')
    const res = await post(
      s.url,
      JSON.stringify({
        ...TOP_UP,
        accountId: 'acct_b',
        balance: 99_999_999,
        walletDelta: 99_999_999,
        status: 'refunded',
      }),
      { 'Content-Type': 'application/json', 'Idempotency-Key': 'extra-fields' },
    )
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.entry.amount).toEqual({ amount: 2500, currency: 'USD' })
    expect(body.entry.status).toBe('succeeded')
    expect(await money(s)).toEqual({ entries: a.entries + 1, balance: a.balance + 2500 })
    expect(await money(s, 'acct_b')).toEqual(b)
  })

  it('wrong types are 422 with field errors, and the adapter reports them as validation', async () => {
    const s = await stack()
    const before = await money(s)
    const res = await post(s.url, JSON.stringify({ amount: { amount: '2500', currency: 'usd' }, paymentMethodId: 7 }), {
      'Content-Type': 'application/json',
      'Idempotency-Key': 'wrong-types',
    })
    expect(res.status).toBe(422)
    expect((await res.json()).error.fieldErrors).toEqual({ amount: 'invalid', paymentMethodId: 'invalid' })
    const error = await caught(
      adapter(s.url).addFunds!({
        amount: { amount: 10.5, currency: 'USD' },
        paymentMethodId: SEED_CARDS.visa,
        idempotencyKey: 'fraction',
      }),
    )
    expect([error.code, error.status, error.fieldErrors]).toEqual(['validation', 422, { amount: 'invalid' }])
    expect(await money(s)).toEqual(before)
  })
})

describe('keep-alive connections', () => {
  it('a body sent to an operation that takes none is discarded and the same socket serves the next request', async () => {
    const s = await stack()
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    cleanups.push(() => agent.destroy())
    const send = (method: string, path: string, body?: string) =>
      new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
        const req = httpRequest(
          `${s.url}${path}`,
          { method, agent, headers: { ...AUTH, 'Content-Type': 'application/json', 'Idempotency-Key': `ka-${path}` } },
          (res) => {
            res.resume()
            res.on('end', () => resolve({ status: res.statusCode ?? 0, socket: req.socket }))
          },
        )
        req.on('error', reject)
        req.end(body)
      })
    const first = await send(
      'POST',
      `/v1/payment-methods/${SEED_CARDS.visa}/default`,
      JSON.stringify({ padding: 'x'.repeat(2_000_000) }),
    )
    const second = await send('GET', '/v1/wallet')
    expect([first.status, second.status]).toEqual([200, 200])
    expect(second.socket).toBe(first.socket)
  })
})

describe('a failure inside the money transaction', () => {
  it('rolls back the whole top-up: no entry, no key, the same balance', async () => {
    const s = await stack()
    const before = await money(s)
    // Stands in for a full disk or a lost connection at the last write of the transaction.
    await s.store.sql.run(`CREATE TEMP TRIGGER explode BEFORE INSERT ON idempotency_keys WHEN NEW.key = 'explode'
               BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`)
    const error = await caught(adapter(s.url).addFunds!({ ...TOP_UP, idempotencyKey: 'explode' }))
    expect([error.code, error.status]).toEqual(['unavailable', 500])
    expect(await money(s)).toEqual(before)
    expect(await s.store.sql.get("SELECT COUNT(*) AS n FROM idempotency_keys WHERE key = 'explode'")).toEqual({ n: 0 })
    await s.store.sql.run('DROP TRIGGER explode')
    await adapter(s.url).addFunds!({ ...TOP_UP, idempotencyKey: 'explode' })
    expect(await money(s)).toEqual({ entries: before.entries + 1, balance: before.balance + 2500 })
  })
})
