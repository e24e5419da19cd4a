/**
 * Wires the example together: bearer tokens → sub-account and permissions → the SQLite service,
 * served by the web-standard handler. Used by `server/dev.ts` and by the tests.
 */
import type Database from 'better-sqlite3'
import { createBillingHandler, type BillingPermissions } from '../src/server/handler'
import type { PaymentProvider } from './payments'
import { createSqliteBillingService } from './sqlite-service'

export const FULL_ACCESS: BillingPermissions = { read: true, write: true, moveMoney: true }
export const READ_ONLY: BillingPermissions = { read: true, write: false, moveMoney: false }

export interface AccessToken {
  accountId: string
  permissions: BillingPermissions
}

export interface SqliteBillingHandlerOptions {
  db: Database.Database
  /** Bearer token → the one sub-account it may reach. A real host checks its own sessions here. */
  tokens: Record<string, AccessToken>
  now?: () => Date
  stripe?: PaymentProvider
  basePath?: string
  maxBodyBytes?: number
  onError?(error: unknown, request: Request): void
}

export function bearerToken(request: Request): string | null {
  const header = request.headers.get('Authorization')
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null
  return match ? match[1] : null
}

export function createSqliteBillingHandler(
  options: SqliteBillingHandlerOptions,
): (request: Request) => Promise<Response> {
  const tokens = new Map(Object.entries(options.tokens))
  return createBillingHandler({
    basePath: options.basePath,
    maxBodyBytes: options.maxBodyBytes,
    onError: options.onError,
    // The account comes from the token alone; nothing in the path or body can name another.
    resolve(request) {
      const token = bearerToken(request)
      const access = token ? tokens.get(token) : undefined
      if (!access) return null
      return {
        service: createSqliteBillingService(options.db, {
          accountId: access.accountId,
          now: options.now,
          stripe: options.stripe,
        }),
        permissions: access.permissions,
      }
    },
  })
}
