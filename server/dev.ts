/**
 * The example billing server for local development: the REST contract (openapi.yaml) over a
 * SQLite file, with demo accounts, on http://127.0.0.1:8787.
 *
 *   npm run dev:server            (PORT, BILLING_DB and BILLING_CORS_ORIGINS override the defaults)
 *
 * Tokens (send `Authorization: Bearer <token>`):
 *   demo-es        acct_demo_es   USD, Spanish data, every permission
 *   demo-en        acct_demo_en   USD, English data, every permission
 *   demo-eur       acct_demo_eur  EUR, Spanish data, every permission
 *   demo-readonly  acct_demo_es   read only
 *
 * Outside the contract, for the demo only: POST /dev/usage { unit?, quantity?, cost? } spends
 * from the caller's wallet like the product would (and may trigger auto-recharge).
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { BillingError, isBillingError } from '../src/adapter/errors'
import { USAGE_UNITS, type Money, type UsageUnit } from '../src/adapter/types'
import { bearerToken, createSqliteBillingHandler, FULL_ACCESS, READ_ONLY, type AccessToken } from './app'
import { withCors } from './cors'
import { listen } from './listen'
import { configureConnection, migrate } from './migrations'
import { seedAccount } from './seed'
import { createSqliteBillingService } from './sqlite-service'

const port = Number(process.env.PORT ?? 8787)
const file = process.env.BILLING_DB ?? path.join('.tmp', 'billing.db')
const origins = (
  process.env.BILLING_CORS_ORIGINS ??
  'http://127.0.0.1:5173,http://localhost:5173,http://127.0.0.1:4173,http://localhost:4173'
)
  .split(',')
  .map((o) => o.trim())
  .filter(Boolean)

const TOKENS: Record<string, AccessToken> = {
  'demo-es': { accountId: 'acct_demo_es', permissions: FULL_ACCESS },
  'demo-en': { accountId: 'acct_demo_en', permissions: FULL_ACCESS },
  'demo-eur': { accountId: 'acct_demo_eur', permissions: FULL_ACCESS },
  'demo-readonly': { accountId: 'acct_demo_es', permissions: READ_ONLY },
}

if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
const db = new Database(file)
configureConnection(db)
const version = migrate(db)
const seeded = [
  await seedAccount(db, { accountId: 'acct_demo_es', locale: 'es', currency: 'USD' }),
  await seedAccount(db, { accountId: 'acct_demo_en', locale: 'en', currency: 'USD' }),
  await seedAccount(db, { accountId: 'acct_demo_eur', locale: 'es', currency: 'EUR', seed: 2 }),
]

const billing = createSqliteBillingHandler({
  db,
  tokens: TOKENS,
  onError: (error, request) =>
    console.error(`[billing] ${request.method} ${new URL(request.url).pathname} failed:`, error),
})

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } })

/** Demo-only: spend from the wallet, so auto-recharge can be seen working. */
async function devUsage(request: Request): Promise<Response> {
  const access = TOKENS[bearerToken(request) ?? '']
  if (!access) return json(401, { error: { code: 'unauthorized', message: 'Send a demo token.' } })
  if (!access.permissions.write) return json(403, { error: { code: 'forbidden', message: 'Read-only token.' } })
  try {
    const body = (await request.json().catch(() => ({}))) as { unit?: string; quantity?: number; cost?: Money }
    const unit = (USAGE_UNITS as readonly string[]).includes(body.unit ?? '') ? (body.unit as UsageUnit) : 'sms'
    const service = createSqliteBillingService(db, { accountId: access.accountId })
    return json(200, await service.recordUsage({ unit, quantity: body.quantity, cost: body.cost }))
  } catch (error) {
    const e = isBillingError(error) ? error : new BillingError('unknown')
    return json(e.code === 'validation' ? 422 : 500, {
      error: { code: e.code, message: e.message, fieldErrors: e.fieldErrors },
    })
  }
}

const handler = withCors(
  async (request) => {
    const { pathname } = new URL(request.url)
    if (pathname === '/dev/usage' && request.method === 'POST') return devUsage(request)
    if (pathname === '/dev/health') return json(200, { ok: true, schema: version })
    return billing(request)
  },
  { origins },
)

const server = await listen(handler, { port })
console.log(
  `Billing API on ${server.url}/v1 (SQLite ${file}, schema v${version}${seeded.some(Boolean) ? ', demo accounts seeded' : ''})`,
)
console.log(
  `Tokens: ${Object.keys(TOKENS).join(', ')} — e.g. curl -H "Authorization: Bearer demo-es" ${server.url}/v1/wallet`,
)
console.log(`CORS origins: ${origins.join(', ')}`)

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await server.close()
  db.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
