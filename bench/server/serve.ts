/**
 * One bench server process: the shipped service and handler over the store named by the
 * environment (DATABASE_URL or BILLING_DB), with a token per account (`tok-<account>`).
 * Prints "listening <url>" once it serves.
 */
import { createBillingHandler } from '../../src/server/handler'
import { createBillingService } from '../../src/server/service/index'
import { createPostgresStore } from '../../src/server/postgres'
import { createSqliteStore } from '../../src/server/sqlite'
import { listen } from '../../examples/server/listen'

const env = process.env
const store = env.DATABASE_URL
  ? createPostgresStore({ connectionString: env.DATABASE_URL, max: 16 })
  : createSqliteStore({ filename: env.BILLING_DB })
await store.migrate()
const billing = createBillingService({ store })
const handler = createBillingHandler({
  resolve(request) {
    const token = /^Bearer (tok-\S+)$/.exec(request.headers.get('Authorization') ?? '')?.[1]
    if (!token) return null
    return {
      service: billing.forAccount(token.slice(4)),
      permissions: { read: true, write: true, moveMoney: true },
    }
  },
})
const server = await listen(handler, { port: 0 })
console.log(`listening ${server.url}`)
process.on('SIGTERM', async () => {
  await server.close()
  await store.close()
  process.exit(0)
})
