/**
 * The example billing server: the REST contract (openapi.yaml) over the shipped service, with
 * demo accounts, on http://127.0.0.1:8787. Configuration comes from the environment:
 *
 *   PORT                     default 8787
 *   DATABASE_URL             PostgreSQL (several instances may share it); otherwise SQLite:
 *   BILLING_DB               the SQLite file (default .tmp/billing.sqlite) or ":memory:"
 *   BILLING_CORS_ORIGINS     comma-separated browser origins allowed to call it
 *   BILLING_DOCUMENT_SECRET  HMAC secret for invoice/receipt links (≥ 32 bytes; a random one per start otherwise)
 *   BILLING_PUBLIC_URL       where this server is reached, for document links (default http://127.0.0.1:PORT)
 *   SEED_LEDGER_SIZE         ledger entries seeded into each demo account (e.g. 100000)
 *   BILLING_LEASE_MS         how long an in-flight charge owns its key before another instance may take over (default 60000)
 *   BILLING_DEMO_USAGE=1     turns on POST /dev/usage (demo only, see demo-usage.ts)
 *   STRIPE_SECRET_KEY        real Stripe (test mode: sk_test_…) instead of the simulated processor
 *   STRIPE_WEBHOOK_SECRET    mounts POST /webhooks/stripe, verified with this signing secret
 *   STRIPE_API_HOST / STRIPE_API_PORT / STRIPE_API_PROTOCOL   another Stripe API server (stripe-mock, offline runs)
 *
 * Tokens (send `Authorization: Bearer <token>`):
 *   demo-es        acct_demo_es   USD, Spanish data, every permission
 *   demo-en        acct_demo_en   USD, English data, every permission
 *   demo-eur       acct_demo_eur  EUR, Spanish data, every permission
 *   demo-readonly  acct_demo_es   read only
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { createBillingService } from '../../src/server/service/index'
import type { BillingStore } from '../../src/server/store/repository'
import { type AccessToken, createExampleApp, FULL_ACCESS, READ_ONLY } from './app'
import { withCors } from './cors'
import { createDemoUsage } from './demo-usage'
import { listen } from './listen'
import { seedAccount } from './seed'

const env = process.env
const port = Number(env.PORT ?? 8787)
const origins = (
  env.BILLING_CORS_ORIGINS ?? 'http://127.0.0.1:5173,http://localhost:5173,http://127.0.0.1:4173,http://localhost:4173'
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

async function openStore(): Promise<{ store: BillingStore; where: string }> {
  if (env.DATABASE_URL) {
    const { createPostgresStore } = await import('../../src/server/postgres')
    return { store: createPostgresStore({ connectionString: env.DATABASE_URL }), where: 'PostgreSQL' }
  }
  const file = env.BILLING_DB ?? path.join('.tmp', 'billing.sqlite')
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const { createSqliteStore } = await import('../../src/server/sqlite')
  return { store: createSqliteStore({ filename: file }), where: `SQLite ${file}` }
}

/** The `stripe` client, pointed at another API server when STRIPE_API_HOST is set (stripe-mock). */
async function openStripe(secretKey: string) {
  const { default: Stripe } = await import('stripe')
  return new Stripe(secretKey, {
    ...(env.STRIPE_API_HOST ? { host: env.STRIPE_API_HOST } : {}),
    ...(env.STRIPE_API_PORT ? { port: Number(env.STRIPE_API_PORT) } : {}),
    ...(env.STRIPE_API_PROTOCOL ? { protocol: env.STRIPE_API_PROTOCOL as 'http' | 'https' } : {}),
  })
}

const { store, where } = await openStore()
const version = await store.migrate()
const ledgerSize = env.SEED_LEDGER_SIZE ? Number(env.SEED_LEDGER_SIZE) : undefined
if (ledgerSize !== undefined && (!Number.isSafeInteger(ledgerSize) || ledgerSize < 0)) {
  throw new Error(`SEED_LEDGER_SIZE must be a whole number of entries, not "${env.SEED_LEDGER_SIZE}".`)
}
const seeded = [
  await seedAccount(store, { accountId: 'acct_demo_es', locale: 'es', currency: 'USD', ledgerSize }),
  await seedAccount(store, { accountId: 'acct_demo_en', locale: 'en', currency: 'USD', ledgerSize }),
  await seedAccount(store, { accountId: 'acct_demo_eur', locale: 'es', currency: 'EUR', seed: 2, ledgerSize }),
]

const publicUrl = (env.BILLING_PUBLIC_URL ?? `http://127.0.0.1:${port}`).replace(/\/+$/, '')
const leaseMs = env.BILLING_LEASE_MS ? Number(env.BILLING_LEASE_MS) : undefined
const stripe = env.STRIPE_SECRET_KEY ? await openStripe(env.STRIPE_SECRET_KEY) : null
const billing = createBillingService({
  store,
  leaseMs,
  payments: stripe ? (await import('../../src/server/stripe')).createStripePayments({ stripe, store }) : undefined,
  documents: {
    secret: env.BILLING_DOCUMENT_SECRET ?? randomBytes(32).toString('hex'),
    baseUrl: `${publicUrl}/documents`,
    brandName: env.BILLING_BRAND_NAME ?? 'Demo CRM',
  },
})
const app = createExampleApp({
  billing,
  tokens: TOKENS,
  onError: (error, request) =>
    console.error(`[billing] ${request.method} ${new URL(request.url).pathname} failed:`, error),
})
const stripeWebhook =
  stripe && env.STRIPE_WEBHOOK_SECRET
    ? (await import('../../src/server/stripe')).createStripeWebhookHandler({
        stripe,
        webhookSecret: env.STRIPE_WEBHOOK_SECRET,
        billing,
      })
    : null
const demoUsage = env.BILLING_DEMO_USAGE === '1' ? createDemoUsage({ billing, tokens: TOKENS }) : null

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } })

const handler = withCors(
  async (request) => {
    const { pathname } = new URL(request.url)
    if (pathname === '/dev/health') return json(200, { ok: true, schema: version })
    if (demoUsage && pathname === '/dev/usage') return demoUsage(request)
    if (stripeWebhook && pathname === '/webhooks/stripe') return stripeWebhook(request)
    return app(request)
  },
  { origins },
)

const server = await listen(handler, { port })
console.log(
  `Billing API on ${server.url}/v1 (${where}, schema v${version}${seeded.some(Boolean) ? ', demo accounts seeded' : ''})`,
)
console.log(
  `Tokens: ${Object.keys(TOKENS).join(', ')} — e.g. curl -H "Authorization: Bearer demo-es" ${server.url}/v1/wallet`,
)
console.log(`CORS origins: ${origins.join(', ')}${demoUsage ? ' · POST /dev/usage is on' : ''}`)
console.log(
  stripe
    ? `Payments: Stripe${stripeWebhook ? `, webhook at ${server.url}/webhooks/stripe` : ' (set STRIPE_WEBHOOK_SECRET for the webhook route)'}`
    : 'Payments: simulated (Stripe test cards, no network); set STRIPE_SECRET_KEY for real Stripe',
)

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await server.close()
  await store.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
