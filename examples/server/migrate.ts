/**
 * `npm run migrate`: brings the billing schema up to date and exits, as a step of a deploy (the
 * server also migrates at start; both are safe when several instances run them at once). Uses
 * DATABASE_URL (PostgreSQL) or BILLING_DB (SQLite), like the server.
 */
import path from 'node:path'

const store = process.env.DATABASE_URL
  ? (await import('../../src/server/postgres')).createPostgresStore({ connectionString: process.env.DATABASE_URL })
  : (await import('../../src/server/sqlite')).createSqliteStore({
      filename: process.env.BILLING_DB ?? path.join('.tmp', 'billing.sqlite'),
    })
try {
  console.log(`Billing schema at version ${await store.migrate()}`)
} finally {
  await store.close()
}
