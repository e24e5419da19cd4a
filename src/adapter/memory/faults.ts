import { BILLING_ERROR_CODES, BillingError, type BillingErrorCode } from '../errors'
import { type BillingAdapterMethod, OPTIONAL_METHODS, REQUIRED_METHODS } from '../types'
import { token } from './random'

export type FaultCode = BillingErrorCode

export interface FaultRule {
  code: FaultCode
  /** always (default), once (then cleared), or with a probability 0–1 per call. */
  mode?: 'always' | 'once' | { rate: number }
  declineCode?: string
  fieldErrors?: Record<string, string>
}

export type FaultPlan = Partial<Record<BillingAdapterMethod, FaultCode | FaultRule>>

export const ADAPTER_METHODS: readonly BillingAdapterMethod[] = [...REQUIRED_METHODS, ...OPTIONAL_METHODS]

/** Field errors a validation fault reports when the plan names none, per form. */
const DEFAULT_FIELD_ERRORS: Partial<Record<BillingAdapterMethod, Record<string, string>>> = {
  addFunds: { amount: 'invalid' },
  updateBillingProfile: { email: 'invalid' },
  updateAutoRecharge: { threshold: 'invalid' },
  changePlan: { planId: 'invalid' },
  listLedger: { 'filter.from': 'invalid' },
}

/**
 * Parses the URL-parameter format `method:code[:once|:always|:<rate>][:<declineCode>]`, comma
 * separated, e.g. `addFunds:card_declined:insufficient_funds,listLedger:network:once,getWallet:timeout:0.3`.
 * Unknown methods or codes are skipped with a warning, so a typo in a URL never breaks the page.
 */
export function parseFaults(textInput: string): FaultPlan {
  const plan: FaultPlan = {}
  for (const part of textInput.split(',')) {
    const piece = part.trim()
    if (piece === '') continue
    const [method, code, ...rest] = piece.split(':').map((s) => s.trim())
    if (
      !(ADAPTER_METHODS as readonly string[]).includes(method) ||
      !(BILLING_ERROR_CODES as readonly string[]).includes(code)
    ) {
      console.warn(
        `react-billing-panel: createMemoryAdapter ignored the fault "${piece}": expected method:code[:once|:always|:rate], e.g. "addFunds:card_declined" or "listLedger:network:once".`,
      )
      continue
    }
    const rule: FaultRule = { code: code as FaultCode }
    for (const option of rest) {
      if (option === 'once' || option === 'always') rule.mode = option
      else if (/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(option)) rule.mode = { rate: Number(option) }
      else if (/^\d{1,3}%$/.test(option)) rule.mode = { rate: Math.min(100, Number(option.slice(0, -1))) / 100 }
      else if (option !== '' && code === 'card_declined') rule.declineCode = option
    }
    plan[method as BillingAdapterMethod] = rule.mode === undefined && rule.declineCode === undefined ? rule.code : rule
  }
  return plan
}

/** Decides, per call, whether a planned fault fires, and builds the error it throws. */
export class Faults {
  private plan: FaultPlan = {}
  private readonly random: () => number

  constructor(random: () => number, plan: FaultPlan = {}) {
    this.random = random
    this.set(plan)
  }

  set(plan: FaultPlan): void {
    this.plan = { ...plan }
  }

  take(method: BillingAdapterMethod): BillingError | null {
    const planned = this.plan[method]
    if (planned === undefined) return null
    const rule: FaultRule = typeof planned === 'string' ? { code: planned } : planned
    const mode = rule.mode ?? 'always'
    if (typeof mode === 'object') {
      if (!(this.random() < mode.rate)) return null
    } else if (mode === 'once') {
      delete this.plan[method]
    }
    return faultError(method, rule, this.random)
  }
}

function faultError(method: BillingAdapterMethod, rule: FaultRule, random: () => number): BillingError {
  const message = `Simulated ${rule.code} in ${method}`
  switch (rule.code) {
    case 'validation':
      return new BillingError('validation', {
        message,
        fieldErrors: { ...(rule.fieldErrors ?? DEFAULT_FIELD_ERRORS[method] ?? {}) },
      })
    case 'card_declined':
      return new BillingError('card_declined', { message, declineCode: rule.declineCode ?? 'card_declined' })
    case 'requires_action':
      return new BillingError('requires_action', {
        message,
        clientSecret: `pi_${token(random, 24)}_secret_${token(random, 24)}`,
      })
    case 'rate_limited':
      return new BillingError('rate_limited', { message, retryAfterMs: 1000, status: 429 })
    default:
      return new BillingError(rule.code, { message, fieldErrors: rule.fieldErrors })
  }
}
