// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { type ExampleServer, startExampleServer } from '../support/example-server'

const servers: ExampleServer[] = []
const dir = mkdtempSync(path.join(tmpdir(), 'billing-demo-usage-'))
afterAll(async () => {
  await Promise.all(servers.map((s) => s.kill()))
  rmSync(dir, { recursive: true, force: true })
})

async function start(env: Record<string, string>) {
  const server = await startExampleServer({ BILLING_DB: path.join(dir, `${servers.length}.sqlite`), ...env })
  servers.push(server)
  return server
}

const balance = async (url: string) =>
  (await (await fetch(`${url}/v1/wallet`, { headers: { Authorization: 'Bearer demo-en' } })).json()).balance.amount

const spend = (url: string, body: string, token = 'demo-en') =>
  fetch(`${url}/dev/usage`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body,
  })

describe('the demo-only usage route of the example server', () => {
  it('is not served by a default start', async () => {
    const server = await start({})
    const before = await balance(server.url)
    const response = await spend(server.url, JSON.stringify({ cost: { amount: 100, currency: 'USD' } }))
    expect(response.status).toBe(404)
    expect(await balance(server.url)).toBe(before)
  })

  it('with BILLING_DEMO_USAGE=1: spends once for a valid body, refuses a large, malformed or unknown one and spends nothing', async () => {
    const server = await start({ BILLING_DEMO_USAGE: '1' })
    const before = await balance(server.url)
    const huge = await spend(server.url, ' '.repeat(512 * 1024))
    expect(huge.status).toBe(413)
    expect((await spend(server.url, '{"cost": {"amount": 100, "currency": "USD"}')).status).toBe(400)
    expect((await spend(server.url, JSON.stringify({ cost: 5, extra: true }))).status).toBe(422)
    expect((await spend(server.url, JSON.stringify({ unit: 'fax' }))).status).toBe(422)
    expect((await spend(server.url, JSON.stringify({}), 'demo-readonly')).status).toBe(403)
    expect(await balance(server.url)).toBe(before)
    const wallet = await (
      await fetch(`${server.url}/v1/wallet`, { headers: { Authorization: 'Bearer demo-en' } })
    ).json()
    const credits = wallet.credits.reduce(
      (sum: number, c: { remaining: { amount: number } }) => sum + c.remaining.amount,
      0,
    )
    const ok = await spend(
      server.url,
      JSON.stringify({ unit: 'sms', quantity: 1, cost: { amount: credits + 100, currency: 'USD' } }),
    )
    expect(ok.status).toBe(200)
    expect(await balance(server.url)).toBe(before - 100)
  })
})
