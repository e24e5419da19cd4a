/**
 * The usage API for the host's own back end: `POST <base>/accounts/{accountId}/usage`, as
 * openapi.yaml documents it. Server to server only: the caller proves itself with the server
 * secret (`Authorization: Bearer <secret>`, compared in constant time), never with a
 * sub-account's credentials, and names the account in the path because it may spend from any.
 * The answer lists one result per event; a batch with an event refused for lack of funds is 402.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { isBillingError } from '../adapter/errors'
import type { RecordUsageOptions, UsageBatchResult, UsageEvent } from './service/usage'
import { MAX_USAGE_BATCH } from './service/usage'
import { readTextWithin } from './body'

export interface UsageHandlerOptions {
  /** The service's `recordUsage(accountId, events, options)`. */
  billing: {
    recordUsage(
      accountId: string,
      events: readonly UsageEvent[],
      options?: RecordUsageOptions,
    ): Promise<UsageBatchResult>
  }
  /** At least 32 bytes; `BILLING_SERVER_SECRET` in the example server. */
  secret: string
  /** Default `/v1`, as for `createBillingHandler`. */
  basePath?: string
  /** Default 1 000 000 bytes (1 000 events with room for descriptions). */
  maxBodyBytes?: number
  onError?(error: unknown, request: Request): void
}

/** The routes this handler serves, as openapi.yaml documents them. */
export const SERVER_ROUTES = [
  { method: 'POST', path: '/accounts/{accountId}/usage', operationId: 'recordUsage' },
] as const

const digest = (value: string) => createHash('sha256').update(value).digest()

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  })

const problem = (status: number, code: string, message: string, fieldErrors?: Record<string, string>) =>
  json(status, { error: { code, message, ...(fieldErrors && Object.keys(fieldErrors).length ? { fieldErrors } : {}) } })

/** `(Request) => Response | null`: null when the path is not the usage route, so it composes with other handlers. */
export function createUsageHandler(options: UsageHandlerOptions): (request: Request) => Promise<Response | null> {
  if (typeof options?.billing?.recordUsage !== 'function') {
    throw new TypeError(
      'react-billing-panel: createUsageHandler needs { billing }: the service createBillingService returned.',
    )
  }
  if (typeof options.secret !== 'string' || Buffer.byteLength(options.secret) < 32) {
    throw new TypeError(
      'react-billing-panel: createUsageHandler needs a secret of at least 32 bytes; set BILLING_SERVER_SECRET.',
    )
  }
  const expected = digest(options.secret)
  const base = (options.basePath ?? '/v1').replace(/\/+$/, '')
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/accounts/([^/]+)/usage$`)
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000

  return async (request) => {
    const match = pattern.exec(new URL(request.url).pathname)
    if (!match) return null
    try {
      if (request.method !== 'POST') {
        return new Response(JSON.stringify({ error: { code: 'not_found', message: 'Use POST on this route.' } }), {
          status: 405,
          headers: { 'Content-Type': 'application/json; charset=utf-8', Allow: 'POST' },
        })
      }
      const header = request.headers.get('Authorization') ?? ''
      const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1]
      // Digests of equal length, so the comparison takes the same time whatever was sent.
      if (!token || !timingSafeEqual(digest(token), expected)) {
        return problem(401, 'unauthorized', 'The usage API takes the server secret, not a sub-account’s credentials.')
      }
      let accountId: string
      try {
        accountId = decodeURIComponent(match[1])
      } catch {
        return problem(404, 'not_found', 'No such billing account.')
      }
      const type = request.headers.get('Content-Type') ?? ''
      if (!/^application\/json\s*(?:;|$)/i.test(type)) {
        return problem(415, 'validation', 'Send the body as application/json.')
      }
      const text = await readTextWithin(request, maxBodyBytes)
      if (text === null) return problem(413, 'validation', `The body is larger than ${maxBodyBytes} bytes.`)
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        return problem(400, 'validation', 'The body is not valid JSON.')
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return problem(422, 'validation', 'The body must be a JSON object: { "events": [...] }.')
      }
      const { events, insufficientFunds, floor } = body as Record<string, unknown>
      if (!Array.isArray(events) || events.length === 0 || events.length > MAX_USAGE_BATCH) {
        return problem(422, 'validation', `Send "events": between 1 and ${MAX_USAGE_BATCH} usage events.`, {
          events: 'invalid',
        })
      }
      const policy: RecordUsageOptions = {}
      if (insufficientFunds !== undefined) policy.insufficientFunds = insufficientFunds as 'reject'
      if (floor !== undefined) policy.floor = floor as number
      const result = await options.billing.recordUsage(accountId, events as UsageEvent[], policy)
      const short = result.results.some((r) => r.error?.code === 'insufficient_funds')
      return json(
        short ? 402 : 200,
        short
          ? {
              error: { code: 'insufficient_funds', message: 'Some events were refused: the wallet cannot cover them.' },
              ...result,
            }
          : result,
      )
    } catch (error) {
      if (isBillingError(error) && error.code === 'validation') {
        return problem(422, 'validation', error.message, error.fieldErrors)
      }
      if (isBillingError(error) && error.code === 'not_found') return problem(404, 'not_found', error.message)
      options.onError?.(error, request)
      return problem(
        500,
        'unknown',
        'The usage could not be recorded; nothing was applied twice, retry with the same keys.',
      )
    }
  }
}
