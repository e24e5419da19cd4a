// @vitest-environment node
/**
 * Several real server processes on one database, as behind a load balancer: simultaneous starts,
 * concurrent money movements across instances, and a crash (`kill -9`) in the middle of the load.
 * Traffic goes to 127.0.0.1 only; each process is stopped by its own pid.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { createBillingService } from '../../src/server/service/index'
import type { BillingStore } from '../../src/server/store/repository'
import { MIGRATIONS } from '../../src/server/store/schema'
import { openStore } from '../../examples/server/test-kit'
import { type ExampleServer, startExampleServer } from '../support/example-server'
import { createTestDatabase } from '../support/postgres-cluster'

const ACCOUNT = 'acct_demo_en'
const TOKEN = 'demo-en'

const running: ExampleServer[] = []
const cleanups: Array<() => unknown> = []
afterAll(async () => {
  await Promise.all(running.map((s) => s.kill('SIGKILL')))
  for (const fn of cleanups.reverse()) await fn()
})

interface Answer {
  status: number
  body: string
  retryAfter: number | null
}

async function send(base: string, method: string, route: string, body?: unknown, key?: string): Promise<Answer> {
  try {
    const response = await fetch(`${base}/v1${route}`, {
      method,
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(key ? { 'Idempotency-Key': key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const retryAfter = response.headers.get('Retry-After')
    return { status: response.status, body: await response.text(), retryAfter: retryAfter ? Number(retryAfter) : null }
  } catch {
    // A connection the crashed instance dropped: the outcome is unknown to the client.
    return { status: 0, body: '', retryAfter: null }
  }
}

async function usage(base: string, cost: number): Promise<Answer> {
  const response = await fetch(`${base}/dev/usage`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ unit: 'sms', quantity: 1, cost: { amount: cost, currency: 'USD' } }),
  })
  return { status: response.status, body: await response.text(), retryAfter: null }
}

/** Runs the tasks with at most `width` in flight. */
async function pool<T>(tasks: Array<() => Promise<T>>, width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length)
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++
        results[i] = await tasks[i]()
      }
    }),
  )
  return results
}

/** Retries a top-up until it is acknowledged, honouring Retry-After (a key left in flight by a crash). */
async function settle(bases: string[], body: unknown, key: string): Promise<Answer> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const answer = await send(bases[attempt % bases.length], 'POST', '/wallet/top-ups', body, key)
    if (answer.status === 200) return answer
    if (answer.status !== 409 && answer.status !== 0)
      throw new Error(`top-up ${key} answered ${answer.status}: ${answer.body}`)
    await new Promise((r) => setTimeout(r, Math.min(2000, (answer.retryAfter ?? 0.05) * 1000)))
  }
  throw new Error(`top-up ${key} was never acknowledged`)
}

const balanceOf = async (base: string) => JSON.parse((await send(base, 'GET', '/wallet')).body).balance.amount as number

describe.each(['sqlite', 'postgres'] as const)('instances on one %s database', (kind) => {
  let env: Record<string, string>
  let store: BillingStore
  let servers: ExampleServer[] = []
  const acknowledged = new Map<string, { amount: number; body: string; request: unknown }>()

  async function start(): Promise<ExampleServer> {
    const server = await startExampleServer(env)
    running.push(server)
    return server
  }

  it('five instances started together on an empty database all come up; migrations and seeding ran once', async () => {
    if (kind === 'postgres') {
      const db = await createTestDatabase(inject('postgresUrl'))
      cleanups.push(() => db.drop())
      env = { DATABASE_URL: db.url, BILLING_DEMO_USAGE: '1', BILLING_LEASE_MS: '1500' }
      store = await openStore({ postgresUrl: db.url })
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), 'billing-instances-'))
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
      const filename = path.join(dir, 'billing.sqlite')
      env = { BILLING_DB: filename, BILLING_DEMO_USAGE: '1', BILLING_LEASE_MS: '1500' }
      store = { filename } as unknown as BillingStore
    }
    servers = await Promise.all(Array.from({ length: 5 }, start))
    if (kind === 'sqlite') store = await openStore({ filename: env.BILLING_DB })
    cleanups.push(() => store.close())
    const health = await Promise.all(servers.map((s) => fetch(`${s.url}/dev/health`).then((r) => r.json())))
    expect(health.map((h) => h.ok)).toEqual([true, true, true, true, true])
    expect(await store.sql.all('SELECT version FROM billing_schema_migrations')).toHaveLength(MIGRATIONS.length)
    expect(await store.sql.all('SELECT id FROM accounts ORDER BY id')).toEqual([
      { id: 'acct_demo_en' },
      { id: 'acct_demo_es' },
      { id: 'acct_demo_eur' },
    ])
    for (const extra of servers.splice(2)) await extra.kill('SIGTERM')
  })

  it('1 000 top-ups across two instances, 250 duplicate retries and concurrent usage: one entry a key, the exact balance, no 5xx', async () => {
    const [a, b] = servers.map((s) => s.url)
    // Auto-recharge off and credits spent first, so every later movement lands on the paid balance.
    const wallet = JSON.parse((await send(a, 'GET', '/wallet')).body)
    const off = { ...wallet.autoRecharge, enabled: false }
    const put = await send(
      a,
      'PUT',
      '/wallet/auto-recharge',
      {
        enabled: false,
        threshold: off.threshold,
        mode: off.mode,
        amount: off.amount,
        monthlyCap: off.monthlyCap,
      },
      'ar-off',
    )
    expect(put.status).toBe(200)
    const credits = wallet.credits.reduce(
      (sum: number, c: { remaining: { amount: number } }) => sum + c.remaining.amount,
      0,
    )
    if (credits > 0) expect((await usage(a, credits)).status).toBe(200)
    const start = await balanceOf(a)
    const { min, max } = wallet.topUp
    const card = JSON.parse((await send(a, 'GET', '/payment-methods')).body).find(
      (p: { isDefault: boolean }) => p.isDefault,
    ).id
    const topUps = Array.from({ length: 1000 }, (_, i) => ({
      key: `load-${kind}-${i}`,
      body: {
        amount: { amount: Math.min(max.amount, min.amount + (i % 40) * 10), currency: 'USD' },
        paymentMethodId: card,
      },
    }))
    const statuses: number[] = []
    const tasks: Array<() => Promise<void>> = topUps.map((t, i) => async () => {
      const answer = await send(i % 2 ? a : b, 'POST', '/wallet/top-ups', t.body, t.key)
      statuses.push(answer.status)
      if (answer.status === 200 && !acknowledged.has(t.key))
        acknowledged.set(t.key, { amount: t.body.amount.amount, body: answer.body, request: t.body })
    })
    // Duplicates go to the other instance, some while the original may still be in flight.
    for (let i = 0; i < 250; i++) {
      const t = topUps[(i * 7) % 1000]
      tasks.splice(Math.min(tasks.length, 4 * i + 3), 0, async () => {
        const answer = await send((i * 7) % 2 ? b : a, 'POST', '/wallet/top-ups', t.body, t.key)
        statuses.push(answer.status)
        if (answer.status === 200 && !acknowledged.has(t.key))
          acknowledged.set(t.key, { amount: t.body.amount.amount, body: answer.body, request: t.body })
      })
    }
    let spent = 0
    for (let i = 0; i < 100; i++) {
      tasks.splice(12 * i + 5, 0, async () => {
        const answer = await usage(i % 2 ? a : b, 37)
        statuses.push(answer.status)
        if (answer.status === 200) spent += 37
      })
    }
    await pool(tasks, 48)
    expect(statuses.filter((s) => s >= 500 || s === 0)).toEqual([])
    // A duplicate that met its original in flight was told to retry; the retry settles it.
    for (const t of topUps.filter((t) => !acknowledged.has(t.key))) {
      acknowledged.set(t.key, {
        amount: t.body.amount.amount,
        body: (await settle([a, b], t.body, t.key)).body,
        request: t.body,
      })
    }
    const added = [...acknowledged.values()].reduce((sum, v) => sum + v.amount, 0)
    expect(await balanceOf(b)).toBe(start + added - spent)
    const perKey = await store.sql.all<{ n: unknown }>(
      "SELECT COUNT(*) AS n FROM ledger_entries WHERE account_id = ? AND idempotency_key LIKE 'load-%' GROUP BY idempotency_key",
      [ACCOUNT],
    )
    expect(perKey).toHaveLength(1000)
    expect(perKey.every((r) => Number(r.n) === 1)).toBe(true)
    expect((await createBillingService({ store }).verifyLedger(ACCOUNT)).ok).toBe(true)
  }, 240_000)

  it('kill -9 mid-load: after a restart the ledger verifies, every acknowledged key has one entry, replays are the first response', async () => {
    const [victim, survivor] = servers
    const card = JSON.parse((await send(survivor.url, 'GET', '/payment-methods')).body).find(
      (p: { isDefault: boolean }) => p.isDefault,
    ).id
    const body = (i: number) => ({ amount: { amount: 1000 + i, currency: 'USD' }, paymentMethodId: card })
    const keys = Array.from({ length: 300 }, (_, i) => `crash-${kind}-${i}`)
    const before = await balanceOf(survivor.url)
    let done = 0
    let killed: Promise<void> | null = null
    const answers = await pool(
      keys.map((key, i) => async () => {
        const answer = await send(i % 2 ? survivor.url : victim.url, 'POST', '/wallet/top-ups', body(i), key)
        done += 1
        if (done === 100) killed = victim.kill('SIGKILL')
        return answer
      }),
      32,
    )
    await killed
    // The crash really cut requests off mid-flight: their clients never heard back.
    expect(answers.filter((a) => a.status === 0).length).toBeGreaterThan(0)
    expect(answers.filter((a) => a.status >= 500)).toEqual([])
    const restarted = await start()
    const bases = [restarted.url, survivor.url]
    const firstAnswers = new Map(keys.map((key, i) => [key, answers[i]]))
    for (const [i, key] of keys.entries()) {
      const first = firstAnswers.get(key)!
      if (first.status !== 200) firstAnswers.set(key, await settle(bases, body(i), key))
    }
    const report = await createBillingService({ store }).verifyLedger(ACCOUNT)
    expect(report).toMatchObject({ ok: true, chainBreaks: [], duplicateKeys: [] })
    const entries = await store.sql.all<{ idempotency_key: string }>(
      "SELECT idempotency_key FROM ledger_entries WHERE account_id = ? AND idempotency_key LIKE 'crash-%'",
      [ACCOUNT],
    )
    expect(entries.map((e) => e.idempotency_key).sort()).toEqual([...keys].sort())
    const added = keys.reduce((sum, _key, i) => sum + 1000 + i, 0)
    expect(await balanceOf(restarted.url)).toBe(before + added)
    for (const [i, key] of keys.entries()) {
      const replay = await send(bases[i % 2], 'POST', '/wallet/top-ups', body(i), key)
      expect(replay.body).toBe(firstAnswers.get(key)!.body)
    }
    // The first load's acknowledged keys still replay their first answers after the crash too.
    for (const [key, first] of [...acknowledged].slice(0, 50)) {
      const replay = await send(restarted.url, 'POST', '/wallet/top-ups', first.request, key)
      expect(replay.body).toBe(first.body)
    }
  }, 240_000)
})
