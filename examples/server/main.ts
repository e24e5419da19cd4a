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
 *   BILLING_SERVER_SECRET    turns on the host's usage API, POST /v1/accounts/{accountId}/usage (≥ 32 bytes)
 *   BILLING_USAGE_FLOOR      let usage take the balance below zero down to this many minor units (e.g. -5000); default: refuse
 *   BILLING_WORK_INTERVAL_MS how often due work runs (retries, credit expiry, webhooks, emails); default 5000
 *   BILLING_WEBHOOK_URL / BILLING_WEBHOOK_SECRET   signed outgoing webhooks for every billing event (secret ≥ 32 bytes)
 *   SMTP_URL                 receipts and balance alerts by email, e.g. smtp://user:pass@smtp.example.com:587
 *   BILLING_EMAIL_FROM       their sender (default "<BILLING_BRAND_NAME> <billing@example.com>")
 *   STRIPE_SECRET_KEY        real Stripe (test mode: sk_test_…) instead of the simulated processor
 *   STRIPE_WEBHOOK_SECRET    mounts POST /webhooks/stripe, verified with this signing secret
 *   STRIPE_API_HOST / STRIPE_API_PORT / STRIPE_API_PROTOCOL   another Stripe API server (stripe-mock, offline runs)
 *   STRIPE_BILLING=1         subscriptions and invoices from Stripe Billing (needs STRIPE_SECRET_KEY; no plan changes)
 *   STRIPE_BILLING_GROUP_KEY the Subscription / Price / Product metadata key naming platform, resale or marketplace (default billing_group)
 *   STRIPE_BILLING_CUSTOMERS existing Customers to link, e.g. "acct_demo_es=cus_123,acct_demo_en=cus_456"
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
if (env.STRIPE_BILLING === '1' && !stripe) throw new Error('STRIPE_BILLING=1 needs STRIPE_SECRET_KEY.')
const stripeModule = stripe ? await import('../../src/server/stripe') : null
const stripeBilling =
  stripe && stripeModule && env.STRIPE_BILLING === '1'
    ? stripeModule.createStripeBillingSource({
        stripe,
        groupMetadataKey: env.STRIPE_BILLING_GROUP_KEY || 'billing_group',
      })
    : undefined
if (stripe && stripeModule && stripeBilling) {
  for (const pair of (env.STRIPE_BILLING_CUSTOMERS ?? '').split(',').filter((p) => p.trim())) {
    const [accountId, customerId] = pair.split('=').map((part) => part.trim())
    // Linking twice is a no-op; a Customer already linked elsewhere stops the start.
    if ((await store.read.processorCustomer(accountId)) !== customerId) {
      await stripeModule.linkStripeCustomer({ stripe, store, accountId, customerId })
    }
  }
}
const mailer = env.SMTP_URL ? (await import('../../src/server/email')).createSmtpMailer({ url: env.SMTP_URL }) : null
const brandName = env.BILLING_BRAND_NAME ?? 'Demo CRM'
const usageFloor = env.BILLING_USAGE_FLOOR ? Number(env.BILLING_USAGE_FLOOR) : null
const billing = createBillingService({
  usage: usageFloor === null ? undefined : { insufficientFunds: 'allowNegative', floor: usageFloor },
  webhooks:
    env.BILLING_WEBHOOK_URL && env.BILLING_WEBHOOK_SECRET
      ? { url: env.BILLING_WEBHOOK_URL, secret: env.BILLING_WEBHOOK_SECRET }
      : undefined,
  email: mailer ? { mailer, from: env.BILLING_EMAIL_FROM ?? `${brandName} <billing@example.com>` } : undefined,
  store,
  leaseMs,
  payments: stripe && stripeModule ? stripeModule.createStripePayments({ stripe, store }) : undefined,
  subscriptions: stripeBilling,
  documents: {
    secret: env.BILLING_DOCUMENT_SECRET ?? randomBytes(32).toString('hex'),
    baseUrl: `${publicUrl}/documents`,
    brandName,
  },
})
const app = createExampleApp({
  billing,
  tokens: TOKENS,
  serverSecret: env.BILLING_SERVER_SECRET,
  onError: (error, request) =>
    console.error(`[billing] ${request.method} ${new URL(request.url).pathname} failed:`, error),
})
const stripeWebhook =
  stripe && stripeModule && env.STRIPE_WEBHOOK_SECRET
    ? stripeModule.createStripeWebhookHandler({
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
    ? `Payments: Stripe${stripeWebhook ? `, webhook at ${server.url}/webhooks/stripe` : ' (set STRIPE_WEBHOOK_SECRET for the webhook route)'}${stripeBilling ? '; subscriptions and invoices from Stripe Billing' : ''}`
    : 'Payments: simulated (Stripe test cards, no network); set STRIPE_SECRET_KEY for real Stripe',
)

let stopping = false
const worker = billing.startWorker({
  intervalMs: env.BILLING_WORK_INTERVAL_MS ? Number(env.BILLING_WORK_INTERVAL_MS) : 5000,
  onError: (error) => console.error('[billing] due work failed:', error),
})
if (env.BILLING_SERVER_SECRET)
  console.log(`Usage API: POST ${server.url}/v1/accounts/{accountId}/usage (server secret)`)

async function stop() {
  if (stopping) return
  stopping = true
  await server.close()
  await worker.stop()
  mailer?.close()
  await store.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
