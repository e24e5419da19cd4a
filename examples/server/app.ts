/**
 * The example's wiring: bearer token → sub-account and permissions → the shipped service, served
 * by the shipped handler; signed invoice and receipt PDFs under /documents. A real host checks
 * its own sessions in `resolve` instead of a token table.
 */
import { createBillingHandler, type CallerPermissions } from '../../src/server/handler'
import { createUsageHandler } from '../../src/server/usage-handler'
import type { BillingServiceInstance, SourcedAccountBillingService } from '../../src/server/service/index'

export const FULL_ACCESS: CallerPermissions = { read: true, write: true, moveMoney: true }
export const READ_ONLY: CallerPermissions = { read: true, write: false, moveMoney: false }

export interface AccessToken {
  accountId: string
  permissions: CallerPermissions
}

export interface ExampleAppOptions {
  /** Either service: subscriptions in our store, or from a source (no plan changes then). */
  billing: BillingServiceInstance<SourcedAccountBillingService>
  /** Bearer token → the one sub-account it may reach. */
  tokens: Record<string, AccessToken>
  maxBodyBytes?: number
  onError?(error: unknown, request: Request): void
  /** Turns on the host's usage API (`POST /v1/accounts/{accountId}/usage`) behind this secret. */
  serverSecret?: string
}

export function bearerToken(request: Request): string | null {
  const header = request.headers.get('Authorization')
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null
  return match ? match[1] : null
}

export const DOCUMENTS_PATH = '/documents/'

export function createExampleApp(options: ExampleAppOptions): (request: Request) => Promise<Response> {
  const tokens = new Map(Object.entries(options.tokens))
  const api = createBillingHandler({
    maxBodyBytes: options.maxBodyBytes,
    onError: options.onError,
    // The account comes from the token alone; nothing in the path or body can name another.
    resolve(request) {
      const token = bearerToken(request)
      const access = token ? tokens.get(token) : undefined
      if (!access) return null
      return { service: options.billing.forAccount(access.accountId), permissions: access.permissions }
    },
  })
  const usage = options.serverSecret
    ? createUsageHandler({ billing: options.billing, secret: options.serverSecret, onError: options.onError })
    : null
  return async (request) => {
    if (new URL(request.url).pathname.startsWith(DOCUMENTS_PATH)) return options.billing.serveDocument(request)
    return (await usage?.(request)) ?? api(request)
  }
}
