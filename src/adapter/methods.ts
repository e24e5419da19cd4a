/**
 * The method registry: one entry per adapter method, and everything the package derives from it.
 *
 * - the guard cleans each result with `clean` (the only place a result is sanitized);
 * - `optional` methods are capabilities: missing, their action is hidden;
 * - the HTTP adapter builds each request from `http` (and `idFrom`, `send`, `idempotency`), and
 *   the reference handler serves the same route, refusing callers without `access`;
 * - `capability` names the key of `BillingCapabilities` the method turns on, shared by every
 *   method it needs (changing plans needs listPlans, previewPlanChange and changePlan);
 *   `permission` is the panel permission it needs and `stripe` says it also needs Stripe.
 *
 * Plain data and the sanitizers, nothing else: the browser ships all of it, the server reads it
 * too. A new method is its entry here, its signature on `BillingAdapter` (types.ts checks that the
 * two agree) and its route in openapi.yaml (tests/unit/method-registry.test.ts checks that).
 */
import {
  sanitizeBillingProfile,
  sanitizeDefaultChange,
  sanitizePaymentMethod,
  sanitizePaymentMethods,
  sanitizeSetupIntent,
} from './sanitize'

type ActivityChecks = typeof import('./sanitizeActivity')
let activityChecks: Promise<ActivityChecks> | undefined
const loadActivityChecks = () => {
  activityChecks ??= import('./sanitizeActivity')
  return activityChecks
}

/**
 * A cleaner from `sanitizeActivity.ts`, loaded with the first result that needs it so the first
 * view (cards and the billing profile) does not download the later sections' checks. `prepare`
 * lets the guard start that download while the adapter call is still running.
 */
function activity<K extends keyof ActivityChecks>(name: K) {
  type Result = ReturnType<ActivityChecks[K]>
  const clean = (value: unknown): Promise<Result> =>
    loadActivityChecks().then((checks) => (checks[name] as (value: unknown) => Result)(value))
  return Object.assign(clean, { prepare: loadActivityChecks })
}

/** What the server's caller must be allowed: to read, to write, or to move money (top-ups, plan changes). */
export type MethodAccess = 'read' | 'write' | 'money'

/** The panel's own permissions (`BillingProvider`'s `permissions` prop). */
export type PanelPermission = 'manageSubscriptions' | 'managePaymentMethods' | 'editBillingInfo' | 'manageWallet'

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'DELETE'

/**
 * How a request is made safe to repeat.
 * - `read`: changes nothing, so it carries no key and is retried (every GET, the plan-change preview);
 * - `unkeyed`: a write without a key, never retried (creating a SetupIntent);
 * - `per-call`: a fresh key per call, reused by the adapter's own retries; the server honours it;
 * - `per-intent`: the caller's `input.idempotencyKey`, one per intent; the server requires it.
 */
export type Idempotency = 'read' | 'unkeyed' | 'per-call' | 'per-intent'

interface MethodBase {
  /**
   * Turns whatever the adapter returned into what the method promises, or throws invalid_response.
   * It may answer a promise, and may carry `prepare()`, which the guard calls when the method is.
   */
  clean: ((value: unknown) => unknown) & { prepare?: () => unknown }
  /** Optional methods are capabilities: an adapter may leave them out. */
  optional?: true
  /** What the server's caller needs; `read` for a GET and `write` for other verbs unless it says. */
  access?: MethodAccess
  /** The `BillingCapabilities` key it turns on; an optional method's own name unless it says. */
  capability?: string
  /** The panel permission its capability needs; none for what read-only users keep. */
  permission?: PanelPermission
  /** Its capability also needs Stripe configured. */
  stripe?: true
  /**
   * The route's `{id}`: the method's argument when that is a string, else this field of it. The
   * other fields of an object argument travel as the JSON body or the query string (`send`); a
   * per-intent key travels as the Idempotency-Key header.
   */
  idFrom?: string
  send?: 'body' | 'query'
  /** Answers 204 without a body. */
  empty?: true
}

/** `http` is the verb and the path under `/v1`, as openapi.yaml writes them. Writes get a key per call unless they say. */
export type MethodSpec = MethodBase &
  (
    | { http: `GET /${string}`; idempotency?: 'read' }
    | { http: `${Exclude<HttpVerb, 'GET'>} /${string}`; idempotency?: Idempotency }
  )

export type MethodRegistry = Readonly<Record<string, MethodSpec>>

export const METHODS = {
  // Reads
  getBillingProfile: { clean: sanitizeBillingProfile, http: 'GET /billing-profile' },
  listSubscriptions: { clean: activity('sanitizeSubscriptions'), http: 'GET /subscriptions' },
  listPaymentMethods: { clean: sanitizePaymentMethods, http: 'GET /payment-methods' },
  getWallet: { clean: activity('sanitizeWallet'), http: 'GET /wallet' },
  listLedger: { clean: activity('sanitizeLedgerPage'), http: 'GET /ledger', send: 'query' },
  // Reading invoices changes nothing, so read-only users keep it.
  getInvoiceLinks: {
    clean: activity('sanitizeInvoiceLinks'),
    optional: true,
    capability: 'invoices',
    http: 'GET /invoices/{id}/links',
  },

  // Subscriptions
  cancelSubscription: {
    clean: activity('sanitizeSubscription'),
    optional: true,
    permission: 'manageSubscriptions',
    http: 'POST /subscriptions/{id}/cancel',
    idFrom: 'subscriptionId',
    send: 'body',
  },
  resumeSubscription: {
    clean: activity('sanitizeSubscription'),
    optional: true,
    permission: 'manageSubscriptions',
    http: 'POST /subscriptions/{id}/resume',
  },
  listPlans: {
    clean: activity('sanitizePlans'),
    optional: true,
    capability: 'changePlan',
    permission: 'manageSubscriptions',
    http: 'GET /subscriptions/{id}/plans',
  },
  previewPlanChange: {
    clean: activity('sanitizePlanChangePreview'),
    optional: true,
    capability: 'changePlan',
    permission: 'manageSubscriptions',
    http: 'POST /subscriptions/{id}/plan-change-preview',
    idFrom: 'subscriptionId',
    send: 'body',
    idempotency: 'read',
  },
  changePlan: {
    clean: activity('sanitizeSubscription'),
    optional: true,
    access: 'money',
    permission: 'manageSubscriptions',
    http: 'POST /subscriptions/{id}/change-plan',
    idFrom: 'subscriptionId',
    send: 'body',
    idempotency: 'per-intent',
  },

  // Payment methods
  createSetupIntent: {
    clean: sanitizeSetupIntent,
    optional: true,
    capability: 'addPaymentMethod',
    permission: 'managePaymentMethods',
    stripe: true,
    http: 'POST /setup-intents',
    idempotency: 'unkeyed',
  },
  attachPaymentMethod: {
    clean: sanitizePaymentMethod,
    optional: true,
    capability: 'addPaymentMethod',
    permission: 'managePaymentMethods',
    stripe: true,
    http: 'POST /payment-methods',
    send: 'body',
  },
  removePaymentMethod: {
    clean: () => undefined,
    optional: true,
    permission: 'managePaymentMethods',
    http: 'DELETE /payment-methods/{id}',
    empty: true,
  },
  setDefaultPaymentMethod: {
    clean: sanitizeDefaultChange,
    optional: true,
    permission: 'managePaymentMethods',
    http: 'POST /payment-methods/{id}/default',
  },

  // Billing profile
  updateBillingProfile: {
    clean: sanitizeBillingProfile,
    optional: true,
    permission: 'editBillingInfo',
    http: 'PUT /billing-profile',
    send: 'body',
  },

  // Wallet
  addFunds: {
    clean: activity('sanitizeAddFundsResult'),
    optional: true,
    access: 'money',
    permission: 'manageWallet',
    http: 'POST /wallet/top-ups',
    send: 'body',
    idempotency: 'per-intent',
  },
  updateAutoRecharge: {
    clean: activity('sanitizeWallet'),
    optional: true,
    access: 'money',
    permission: 'manageWallet',
    http: 'PUT /wallet/auto-recharge',
    send: 'body',
  },
  updateWalletNotifications: {
    clean: activity('sanitizeWallet'),
    optional: true,
    permission: 'manageWallet',
    http: 'PUT /wallet/notifications',
    send: 'body',
  },

  // Insights: reading only.
  getSpendSummary: {
    clean: activity('sanitizeSpendSummary'),
    optional: true,
    capability: 'spendInsights',
    http: 'GET /spend-summary',
    send: 'query',
  },
} as const satisfies MethodRegistry

/** A method's route with its defaults filled in, for the HTTP adapter and the handler. */
export function routeOf(spec: MethodSpec): { verb: HttpVerb; path: string; idempotency: Idempotency } {
  const [verb, path] = spec.http.split(' ') as [HttpVerb, string]
  return { verb, path, idempotency: spec.idempotency ?? (verb === 'GET' ? 'read' : 'per-call') }
}

/** What the server's caller needs to call a method. */
export function accessOf(spec: MethodSpec): MethodAccess {
  return spec.access ?? (spec.http.startsWith('GET ') ? 'read' : 'write')
}

/** The `BillingCapabilities` key a method turns on, if any. */
export function capabilityOf(name: string, spec: MethodSpec): string | undefined {
  return spec.capability ?? (spec.optional ? name : undefined)
}

type Methods = typeof METHODS

/** Optional methods, by the registry: the ones whose presence turns on an action. */
export type OptionalMethod = { [K in keyof Methods]: Methods[K] extends { optional: true } ? K : never }[keyof Methods]
export type RequiredMethod = Exclude<keyof Methods, OptionalMethod>

/** The keys of `BillingCapabilities` a registry contributes to. */
export type CapabilityName<R extends MethodRegistry = Methods> = {
  [K in keyof R]: R[K] extends { capability: infer C extends string }
    ? C
    : R[K] extends { optional: true }
      ? K & string
      : never
}[keyof R]

function namesOf(optional: boolean): string[] {
  return Object.entries(METHODS as MethodRegistry).flatMap(([name, spec]) =>
    Boolean(spec.optional) === optional ? [name] : [],
  )
}

/** Methods whose presence turns on an action in the UI, in registry order. */
export const OPTIONAL_METHODS = /* @__PURE__ */ namesOf(true) as readonly OptionalMethod[]

export const REQUIRED_METHODS = /* @__PURE__ */ namesOf(false) as readonly RequiredMethod[]

export function isOptionalMethod(value: unknown): value is OptionalMethod {
  return typeof value === 'string' && (OPTIONAL_METHODS as readonly string[]).includes(value)
}
