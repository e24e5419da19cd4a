/**
 * Demo only, behind BILLING_DEMO_USAGE=1: `POST /dev/usage { unit?, quantity?, cost? }` spends
 * from the caller's wallet through the same usage path as the host's usage API (credits first,
 * refused with 402 when the wallet cannot cover it), so auto-recharge can be watched in the demo. Checked like the
 * contract: a write token, a JSON body of at most 4 KB, known fields only, nothing spent on a
 * malformed request.
 */
import { isBillingError } from '../../src/adapter/errors'
import { readTextWithin } from '../../src/server/body'
import { USAGE_CATEGORY_PATTERN, type Money, type UsageUnit } from '../../src/adapter/types'
import type { BillingServiceInstance, SourcedAccountBillingService } from '../../src/server/service/index'
import { type AccessToken, bearerToken } from './app'

const MAX_BODY_BYTES = 4096

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } })
const problem = (status: number, code: string, message: string, fieldErrors?: Record<string, string>) =>
  json(status, { error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } })

export function createDemoUsage(options: {
  /** Either service: subscriptions in our store, or from a source (no plan changes then). */
  billing: BillingServiceInstance<SourcedAccountBillingService>
  tokens: Record<string, AccessToken>
}): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'POST') return problem(405, 'validation', 'Use POST.')
    const access = options.tokens[bearerToken(request) ?? '']
    if (!access) return problem(401, 'unauthorized', 'Send a demo token.')
    if (!access.permissions.write) return problem(403, 'forbidden', 'Read-only token.')
    const text = await readTextWithin(request, MAX_BODY_BYTES)
    if (text === null) return problem(413, 'validation', `The body is larger than ${MAX_BODY_BYTES} bytes.`)
    let body: unknown
    try {
      body = text.trim() === '' ? {} : JSON.parse(text)
    } catch {
      return problem(400, 'validation', 'The body is not valid JSON.')
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return problem(400, 'validation', 'The body must be a JSON object.')
    }
    const input = body as { unit?: unknown; quantity?: unknown; cost?: unknown }
    const unknownFields = Object.keys(input).filter((k) => !['unit', 'quantity', 'cost'].includes(k))
    if (unknownFields.length > 0) {
      return problem(422, 'validation', 'Unknown fields.', Object.fromEntries(unknownFields.map((f) => [f, 'unknown'])))
    }
    if (input.unit !== undefined && (typeof input.unit !== 'string' || !USAGE_CATEGORY_PATTERN.test(input.unit))) {
      return problem(422, 'validation', 'Unknown usage unit.', { unit: 'invalid' })
    }
    try {
      const result = await options.billing.forAccount(access.accountId).recordUsage({
        unit: input.unit as UsageUnit | undefined,
        quantity: input.quantity as number | undefined,
        cost: input.cost as Money | undefined,
      })
      // The same path as the host's usage API: an event the wallet cannot cover is refused.
      if (result.result?.status === 'rejected') {
        return json(402, { error: { code: 'insufficient_funds', message: result.result.error?.message }, ...result })
      }
      return json(200, result)
    } catch (error) {
      if (isBillingError(error) && error.code === 'validation') {
        return problem(422, 'validation', error.message, error.fieldErrors)
      }
      if (isBillingError(error) && error.code === 'not_found') return problem(404, 'not_found', error.message)
      return problem(500, 'unknown', 'The usage could not be recorded.')
    }
  }
}
