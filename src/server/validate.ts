/**
 * Strict shape checks for request bodies and queries. Only the fields the contract names are
 * read and handed to the service; anything else in a body is ignored, so a newer client can talk
 * to an older server and no extra field (an account id, a balance) can reach the service.
 * Semantic rules (limits, address formats, card ownership) stay with the service.
 */
import type { FieldErrors } from '../adapter/errors'
import {
  CANCEL_REASONS,
  LEDGER_ENTRY_TYPES,
  SPEND_GRANULARITIES,
  type AddFundsInput,
  type AttachPaymentMethodInput,
  type AutoRechargeSettings,
  type BillingProfile,
  type CancelReason,
  type LedgerEntryType,
  type ListLedgerInput,
  type Money,
  type SpendGranularity,
  type SpendSummaryInput,
  type WalletNotifications,
} from '../adapter/types'

export type Obj = Record<string, unknown>

/** A request the handler refuses before the service sees it. */
export class RequestProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: 'validation' | 'not_found' | 'unauthorized' | 'forbidden' | 'unavailable',
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message)
  }
}

export const MAX_LEDGER_LIMIT = 200

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Collects field errors while reading one body, so the caller learns every problem at once. */
class Reader {
  readonly errors: FieldErrors = {}

  fail(path: string, code: 'required' | 'invalid'): undefined {
    this.errors[path] ??= code
    return undefined
  }

  string(o: Obj, key: string, path: string, max: number): string | undefined {
    const v = o[key]
    if (v === undefined || v === null) return this.fail(path, 'required')
    if (typeof v !== 'string' || v.length > max) return this.fail(path, 'invalid')
    return v
  }

  optString(o: Obj, key: string, path: string, max: number): string | null | undefined {
    const v = o[key]
    if (v === undefined || v === null) return null
    if (typeof v !== 'string' || v.length > max) return this.fail(path, 'invalid')
    return v
  }

  bool(o: Obj, key: string, path: string, fallback?: boolean): boolean | undefined {
    const v = o[key]
    if (v === undefined && fallback !== undefined) return fallback
    if (typeof v !== 'boolean') return this.fail(path, v === undefined ? 'required' : 'invalid')
    return v
  }

  money(
    o: Obj,
    key: string,
    path: string,
    options: { positive?: boolean; nullable?: boolean } = {},
  ): Money | null | undefined {
    const v = o[key]
    if ((v === undefined || v === null) && options.nullable) return null
    if (v === undefined || v === null) return this.fail(path, 'required')
    if (!isObj(v)) return this.fail(path, 'invalid')
    const amount = v.amount
    const currency = v.currency
    // Reported on the money field itself, where the form shows it.
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || (options.positive ? amount <= 0 : amount < 0)) {
      return this.fail(path, 'invalid')
    }
    if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return this.fail(path, 'invalid')
    return { amount, currency }
  }

  done<T>(value: T): T {
    if (Object.keys(this.errors).length > 0) {
      throw new RequestProblem(422, 'validation', 'The request body does not match the contract.', this.errors)
    }
    return value
  }
}

const ID_MAX = 200

export function readCancel(body: Obj): { reason?: CancelReason; comment?: string } {
  const r = new Reader()
  let reason: CancelReason | undefined
  if (body.reason !== undefined && body.reason !== null) {
    if (typeof body.reason === 'string' && (CANCEL_REASONS as readonly string[]).includes(body.reason)) {
      reason = body.reason as CancelReason
    } else r.fail('reason', 'invalid')
  }
  const comment = r.optString(body, 'comment', 'comment', 2000)
  return r.done({ ...(reason ? { reason } : {}), ...(comment ? { comment } : {}) })
}

export function readPlanId(body: Obj): string {
  const r = new Reader()
  const planId = r.string(body, 'planId', 'planId', ID_MAX)
  if (planId === '') r.fail('planId', 'required')
  return r.done(planId as string)
}

export function readAttach(body: Obj): AttachPaymentMethodInput {
  const r = new Reader()
  const setupIntentId = r.string(body, 'setupIntentId', 'setupIntentId', 500)
  if (setupIntentId === '') r.fail('setupIntentId', 'required')
  const paymentMethodId = r.optString(body, 'paymentMethodId', 'paymentMethodId', ID_MAX)
  const makeDefault = r.bool(body, 'makeDefault', 'makeDefault', false)
  return r.done({
    setupIntentId: setupIntentId as string,
    paymentMethodId: paymentMethodId || null,
    makeDefault: makeDefault as boolean,
  })
}

/** Types only: whether a name may be empty or a postal code fits the country is the service's call. */
export function readBillingProfile(body: Obj): BillingProfile {
  const r = new Reader()
  if (!isObj(body.address)) r.fail('address', body.address === undefined ? 'required' : 'invalid')
  const address: Obj = isObj(body.address) ? body.address : {}
  let taxId: BillingProfile['taxId'] = null
  if (body.taxId !== undefined && body.taxId !== null) {
    if (isObj(body.taxId)) {
      const type = r.string(body.taxId, 'type', 'taxId.type', 32)
      const value = r.string(body.taxId, 'value', 'taxId.value', 64)
      taxId = { type: type as string, value: value as string }
    } else r.fail('taxId', 'invalid')
  }
  const profile: BillingProfile = {
    name: r.string(body, 'name', 'name', 500) as string,
    company: r.optString(body, 'company', 'company', 500) as string | null,
    email: r.string(body, 'email', 'email', 320) as string,
    address: {
      line1: r.string(address, 'line1', 'address.line1', 500) as string,
      line2: r.optString(address, 'line2', 'address.line2', 500) as string | null,
      city: r.string(address, 'city', 'address.city', 200) as string,
      region: r.optString(address, 'region', 'address.region', 200) as string | null,
      postalCode: r.optString(address, 'postalCode', 'address.postalCode', 32) as string | null,
      country: r.string(address, 'country', 'address.country', 2) as string,
    },
    taxId,
    walletReceipts: r.bool(body, 'walletReceipts', 'walletReceipts', false) as boolean,
  }
  return r.done(profile)
}

export function readTopUp(body: Obj, idempotencyKey: string): AddFundsInput {
  const r = new Reader()
  const amount = r.money(body, 'amount', 'amount', { positive: true })
  const paymentMethodId = r.string(body, 'paymentMethodId', 'paymentMethodId', ID_MAX)
  if (paymentMethodId === '') r.fail('paymentMethodId', 'required')
  return r.done({ amount: amount as Money, paymentMethodId: paymentMethodId as string, idempotencyKey })
}

export function readAutoRecharge(body: Obj): AutoRechargeSettings {
  const r = new Reader()
  const enabled = r.bool(body, 'enabled', 'enabled')
  const mode =
    body.mode === 'fixed' || body.mode === 'target'
      ? body.mode
      : r.fail('mode', body.mode === undefined ? 'required' : 'invalid')
  const settings = {
    enabled: enabled as boolean,
    threshold: r.money(body, 'threshold', 'threshold') as Money,
    mode: mode as AutoRechargeSettings['mode'],
    amount: r.money(body, 'amount', 'amount', { positive: true }) as Money,
    monthlyCap: r.money(body, 'monthlyCap', 'monthlyCap', { nullable: true }) as Money | null,
  }
  return r.done(settings)
}

export function readWalletNotifications(body: Obj): WalletNotifications {
  const r = new Reader()
  const settings = {
    lowBalanceEmail: r.money(body, 'lowBalanceEmail', 'lowBalanceEmail', { nullable: true }) as Money | null,
    receipts: r.bool(body, 'receipts', 'receipts') as boolean,
  }
  return r.done(settings)
}

function isoParam(value: string | null, name: string, r: Reader): string | null {
  if (value === null || value === '') return null
  if (value.length > 64 || Number.isNaN(Date.parse(value))) return r.fail(name, 'invalid') ?? null
  return new Date(value).toISOString()
}

export function readLedgerQuery(params: URLSearchParams): ListLedgerInput {
  const r = new Reader()
  const typesParam = params.get('types')
  let types: LedgerEntryType[] | undefined
  if (typesParam) {
    const list = typesParam
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean)
    if (list.some((t) => !(LEDGER_ENTRY_TYPES as readonly string[]).includes(t))) r.fail('types', 'invalid')
    else types = list as LedgerEntryType[]
  }
  const from = isoParam(params.get('from'), 'from', r)
  const to = isoParam(params.get('to'), 'to', r)
  const cursor = params.get('cursor')
  if (cursor !== null && cursor.length > 4096) r.fail('cursor', 'invalid')
  const limitParam = params.get('limit')
  let limit: number | undefined
  if (limitParam !== null && limitParam !== '') {
    const n = Number(limitParam)
    if (!Number.isInteger(n) || n < 1) r.fail('limit', 'invalid')
    else limit = Math.min(n, MAX_LEDGER_LIMIT)
  }
  const input: ListLedgerInput = {
    filter: { ...(types ? { types } : {}), from, to },
    cursor: cursor || null,
    ...(limit !== undefined ? { limit } : {}),
  }
  try {
    return r.done(input)
  } catch (problem) {
    // Query strings are not bodies: a bad one is a 400, not a 422.
    const p = problem as RequestProblem
    throw new RequestProblem(400, 'validation', 'The ledger query is not valid.', p.fieldErrors)
  }
}

/** `GET /spend-summary?from&to&granularity`: all three required; the service checks the range. */
export function readSpendQuery(params: URLSearchParams): SpendSummaryInput {
  const r = new Reader()
  const from = isoParam(params.get('from'), 'from', r)
  const to = isoParam(params.get('to'), 'to', r)
  const granularity = params.get('granularity')
  if (!from) r.fail('from', 'required')
  if (!to) r.fail('to', 'required')
  if (!(SPEND_GRANULARITIES as readonly (string | null)[]).includes(granularity)) {
    r.fail('granularity', granularity === null ? 'required' : 'invalid')
  }
  try {
    return r.done({ from: from as string, to: to as string, granularity: granularity as SpendGranularity })
  } catch (problem) {
    const p = problem as RequestProblem
    throw new RequestProblem(400, 'validation', 'The spend summary query is not valid.', p.fieldErrors)
  }
}
