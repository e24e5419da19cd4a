/**
 * The billing adapter conformance suite: checks any adapter keeps the contract in
 * src/adapter/types.ts, written against the contract only, so a host can run it against its own
 * adapter (over its own test backend) in Vitest or Jest.
 *
 * Checks never import a test framework: they throw `ConformanceError`, which any runner reports.
 */
import { BILLING_ERROR_CODES, isBillingError, type BillingError, type BillingErrorCode } from '../adapter/errors'
import {
  CARD_BRANDS,
  LEDGER_ENTRY_STATUSES,
  LEDGER_ENTRY_TYPES,
  OPTIONAL_METHODS,
  REQUIRED_METHODS,
  SUBSCRIPTION_STATUSES,
  USAGE_CATEGORY_PATTERN,
  type AutoRechargeSettings,
  type BillingAdapter,
  type BillingProfile,
  type LedgerEntry,
  type LedgerFilter,
  type Money,
  type PaymentMethod,
  type SpendSummary,
  type Subscription,
  type Wallet,
} from '../adapter/types'

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

export interface ConformanceContext {
  /**
   * Spends `amount` (wallet currency, minor units) through the adapter's own usage path, e.g.
   * `(adapter, amount) => adapter.simulateUsage({ unit: 'sms', quantity: 1, cost: amount })`.
   * Gets the adapter exactly as `makeAdapter` returned it. Turns on the auto-recharge checks.
   */
  usage?: (adapter: BillingAdapter, amount: Money) => Promise<void>
}

export interface ConformanceCheck {
  name: string
  /** Needs `ConformanceContext.usage`; `describeBillingAdapter` leaves it out without one. */
  needsUsage?: boolean
  run(adapter: BillingAdapter, context?: ConformanceContext): Promise<void>
}

type TestFn = () => unknown
export interface ConformanceTestApi {
  describe: (name: string, body: () => void) => unknown
  it: (name: string, body: TestFn, timeout?: number) => unknown
  /** Accepted for symmetry with the runner's globals; checks throw their own errors. */
  expect?: unknown
}

export interface DescribeBillingAdapterOptions extends ConformanceContext {
  /** Defaults to the runner's globals (`describe`, `it`). */
  test?: ConformanceTestApi
  /** Per-check timeout in ms. Default 20 000. */
  timeout?: number
}

/** What a fresh adapter must already hold for the suite to exercise every rule. */
export const CONFORMANCE_SEED_REQUIREMENTS = [
  'at least 2 payment methods, exactly one of them the default',
  'at least one active or trialing subscription that is not already set to cancel',
  'at least 5 ledger entries of at least 2 types, at least one with an invoice',
  'a wallet whose top-up limits allow at least two top-ups, and a default card that is charged successfully',
] as const

/** A broken contract rule. Its message says what the adapter did and what was expected. */
export class ConformanceError extends Error {
  override readonly name = 'ConformanceError'
}

/**
 * Registers one test per conformance check. Each test gets a fresh adapter from `makeAdapter`.
 *
 * ```ts
 * describeBillingAdapter('my adapter', () => createMyAdapter(testBackend()), {
 *   usage: (adapter, amount) => testBackend().spend(amount),
 * })
 * ```
 */
export function describeBillingAdapter(
  name: string,
  makeAdapter: () => BillingAdapter | Promise<BillingAdapter>,
  options: DescribeBillingAdapterOptions = {},
): void {
  const api = resolveTestApi(options.test)
  const context: ConformanceContext = { usage: options.usage }
  const timeout = options.timeout ?? 20_000
  api.describe(`billing adapter conformance: ${name}`, () => {
    for (const check of conformanceChecks) {
      if (check.needsUsage && !options.usage) continue
      api.it(
        check.name,
        async () => {
          const adapter = await makeAdapter()
          await check.run(adapter, context)
        },
        timeout,
      )
    }
  })
}

function resolveTestApi(given?: ConformanceTestApi): ConformanceTestApi {
  const g = globalThis as { describe?: unknown; it?: unknown; test?: unknown }
  const describe = given?.describe ?? g.describe
  const it = given?.it ?? g.it ?? g.test
  if (typeof describe !== 'function' || typeof it !== 'function') {
    throw new Error(
      "describeBillingAdapter needs describe/it/expect: enable Vitest's globals or pass { test: { describe, it, expect } }",
    )
  }
  return { describe: describe as ConformanceTestApi['describe'], it: it as ConformanceTestApi['it'] }
}

// ---------------------------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------------------------

function fail(message: string): never {
  throw new ConformanceError(message)
}

function assert(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) fail(typeof message === 'function' ? message() : message)
}

function show(value: unknown): string {
  try {
    const text = JSON.stringify(value)
    if (text !== undefined) return text.length > 300 ? `${text.slice(0, 300)}…` : text
  } catch {
    // Circular values fall through to String().
  }
  return String(value)
}

function seedMissing(what: string): never {
  fail(
    `The adapter must be seeded with ${what} for this check. A fresh adapter needs: ${CONFORMANCE_SEED_REQUIREMENTS.join('; ')}.`,
  )
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

function assertMoney(value: unknown, where: string, currency?: string): asserts value is Money {
  assert(isObject(value), `${where} must be Money { amount, currency }, got ${show(value)}`)
  assert(
    Number.isSafeInteger(value.amount),
    `${where}.amount must be a safe integer in minor units, got ${show(value.amount)}`,
  )
  assert(
    typeof value.currency === 'string' && /^[A-Z]{3}$/.test(value.currency),
    `${where}.currency must be a 3-letter upper-case ISO 4217 code, got ${show(value.currency)}`,
  )
  if (currency) assert(value.currency === currency, `${where}.currency must be ${currency}, got ${value.currency}`)
}

function assertDate(value: unknown, where: string, nullable: boolean): void {
  if (nullable && (value === null || value === undefined)) return
  assert(
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)),
    `${where} must be an ISO 8601 date-time${nullable ? ' or null' : ''}, got ${show(value)}`,
  )
}

function assertOneOf(value: unknown, allowed: readonly unknown[], where: string): void {
  assert(allowed.includes(value), `${where} must be one of ${allowed.join(', ')}; got ${show(value)}`)
}

function assertHttpUrl(value: unknown, where: string): void {
  if (value === null || value === undefined) return
  let ok = false
  try {
    ok = typeof value === 'string' && ['http:', 'https:'].includes(new URL(value).protocol)
  } catch {
    ok = false
  }
  assert(ok, `${where} must be an http(s) URL or null, got ${show(value)}`)
}

/** Awaits `action` and requires a BillingError with one of `codes` (and a field error, if named). */
async function expectBillingError(
  action: () => Promise<unknown>,
  codes: readonly BillingErrorCode[],
  what: string,
  field?: string,
): Promise<BillingError> {
  let result: unknown
  try {
    result = await action()
  } catch (error) {
    if (error instanceof ConformanceError) throw error
    assert(isBillingError(error), `${what}: expected a BillingError, got ${show(error)}`)
    assert(
      codes.includes(error.code),
      `${what}: expected a BillingError with code ${codes.join(' or ')}, got "${error.code}" (${error.message})`,
    )
    if (field) {
      const message = error.fieldErrors?.[field]
      assert(
        typeof message === 'string' && message.length > 0,
        `${what}: expected fieldErrors.${field} so the form can point at the field, got fieldErrors ${show(error.fieldErrors)}`,
      )
    }
    return error
  }
  fail(`${what}: expected a BillingError (${codes.join(' or ')}), but it resolved with ${show(result)}`)
}

// ---------------------------------------------------------------------------------------------
// Adapter access
// ---------------------------------------------------------------------------------------------

type AnyFn = (...args: unknown[]) => unknown

/**
 * The adapter as the checks use it: every failure must be a BillingError with a known code, so
 * any other throw fails the check at the call that made it.
 */
const FAILED_CALL = new WeakMap<object, string>()

function strict(adapter: BillingAdapter): BillingAdapter {
  const out: Record<string, unknown> = {}
  for (const name of [...REQUIRED_METHODS, ...OPTIONAL_METHODS]) {
    const method = adapter[name] as AnyFn | undefined
    if (typeof method !== 'function') continue
    out[name] = async (...args: unknown[]) => {
      try {
        return await method.apply(adapter, args)
      } catch (error) {
        if (!isBillingError(error)) {
          fail(
            `${name} threw ${show(error instanceof Error ? `${error.name}: ${error.message}` : error)}, not a BillingError. Wrap failures with toBillingError or throw new BillingError(code).`,
          )
        }
        assert(
          (BILLING_ERROR_CODES as readonly string[]).includes(error.code),
          `${name} threw a BillingError with the unknown code "${error.code}"; use one of ${BILLING_ERROR_CODES.join(', ')}`,
        )
        FAILED_CALL.set(error, `${name}(${args.map(show).join(', ')})`)
        throw error
      }
    }
  }
  return out as unknown as BillingAdapter
}

/**
 * The strict form of an optional method, or null after checking the host really left it out
 * (undefined) rather than shipping a stub.
 */
function capability<K extends (typeof OPTIONAL_METHODS)[number]>(
  a: BillingAdapter,
  raw: BillingAdapter,
  name: K,
): NonNullable<BillingAdapter[K]> | null {
  const method = raw[name]
  if (typeof method === 'function') return a[name] as NonNullable<BillingAdapter[K]>
  assert(
    method === undefined,
    `${name} must be a function or absent (undefined) so the UI can hide the action, got ${show(method)}`,
  )
  return null
}

const MAX_LEDGER_WALK = 20_000

async function walkLedger(adapter: BillingAdapter, filter: LedgerFilter | undefined, limit: number) {
  const entries: LedgerEntry[] = []
  const totals: number[] = []
  const seenCursors = new Set<string>()
  let cursor: string | null = null
  let pages = 0
  for (;;) {
    const page = await adapter.listLedger({ filter, cursor, limit })
    pages++
    assert(
      isObject(page) && Array.isArray(page.entries),
      `listLedger must return { entries, nextCursor }, got ${show(page)}`,
    )
    assert(
      page.entries.length <= limit,
      `listLedger returned ${page.entries.length} entries for limit ${limit}; a page must not exceed the limit`,
    )
    if (typeof page.totalCount === 'number') totals.push(page.totalCount)
    entries.push(...page.entries)
    if (page.nextCursor === null) break
    assert(typeof page.nextCursor === 'string', `nextCursor must be a string or null, got ${show(page.nextCursor)}`)
    assert(
      page.entries.length > 0,
      `listLedger returned an empty page with a nextCursor (${page.nextCursor}); the last page must have nextCursor null`,
    )
    assert(
      !seenCursors.has(page.nextCursor),
      `listLedger returned the cursor ${page.nextCursor} twice; pagination loops`,
    )
    seenCursors.add(page.nextCursor)
    assert(
      entries.length <= MAX_LEDGER_WALK,
      `listLedger kept returning pages past ${MAX_LEDGER_WALK} entries; seed a smaller ledger for conformance`,
    )
    cursor = page.nextCursor
  }
  return { entries, totals, pages }
}

function assertNoDuplicates(entries: LedgerEntry[], what: string): void {
  const seen = new Set<string>()
  for (const e of entries) {
    assert(!seen.has(e.id), `${what}: entry ${e.id} appeared twice while paginating`)
    seen.add(e.id)
  }
}

function assertNewestFirst(entries: LedgerEntry[], what: string): void {
  for (let i = 1; i < entries.length; i++) {
    const prev = Date.parse(entries[i - 1].createdAt)
    const cur = Date.parse(entries[i].createdAt)
    assert(
      cur <= prev,
      `${what}: entries must be newest first, but ${entries[i].id} (${entries[i].createdAt}) follows ${entries[i - 1].id} (${entries[i - 1].createdAt})`,
    )
  }
}

function sameIds(actual: LedgerEntry[], expected: LedgerEntry[], what: string): void {
  const a = actual.map((e) => e.id)
  const b = expected.map((e) => e.id)
  assert(a.length === b.length && a.every((id, i) => id === b[i]), () => {
    const missing = b.filter((id) => !a.includes(id))
    const extra = a.filter((id) => !b.includes(id))
    return (
      `${what}: got ${a.length} entries, expected ${b.length}` +
      (missing.length ? `; missing ${missing.slice(0, 5).join(', ')}` : '') +
      (extra.length ? `; unexpected ${extra.slice(0, 5).join(', ')}` : '') +
      (!missing.length && !extra.length ? '; same entries in a different order' : '')
    )
  })
}

async function allEntries(adapter: BillingAdapter, filter?: LedgerFilter): Promise<LedgerEntry[]> {
  return (await walkLedger(adapter, filter, 100)).entries
}

async function seededLedger(adapter: BillingAdapter): Promise<LedgerEntry[]> {
  const entries = await allEntries(adapter)
  if (entries.length < 5) seedMissing(`at least 5 ledger entries (it has ${entries.length})`)
  return entries
}

async function paymentMethods(
  adapter: BillingAdapter,
): Promise<{ all: PaymentMethod[]; def: PaymentMethod; others: PaymentMethod[] }> {
  const all = await adapter.listPaymentMethods()
  if (!Array.isArray(all) || all.length < 2)
    seedMissing(`at least 2 payment methods (it has ${Array.isArray(all) ? all.length : 0})`)
  const defaults = all.filter((pm) => pm.isDefault)
  assert(defaults.length === 1, `exactly one payment method must be the default, found ${defaults.length}`)
  return { all, def: defaults[0], others: all.filter((pm) => !pm.isDefault) }
}

async function activeSubscription(adapter: BillingAdapter): Promise<Subscription> {
  const subs = await adapter.listSubscriptions()
  const sub = subs.find((s) => (s.status === 'active' || s.status === 'trialing') && !s.cancelAtPeriodEnd)
  return sub ?? seedMissing('an active or trialing subscription that is not already set to cancel')
}

interface Snapshot {
  wallet: Wallet
  ledger: LedgerEntry[]
}

async function snapshot(adapter: BillingAdapter): Promise<Snapshot> {
  return { wallet: await adapter.getWallet(), ledger: await allEntries(adapter) }
}

function newEntries(before: Snapshot, after: Snapshot): LedgerEntry[] {
  const known = new Set(before.ledger.map((e) => e.id))
  return after.ledger.filter((e) => !known.has(e.id))
}

async function assertNothingMoved(adapter: BillingAdapter, before: Snapshot, what: string): Promise<void> {
  const after = await snapshot(adapter)
  assert(
    after.wallet.balance.amount === before.wallet.balance.amount,
    `${what}: the balance moved from ${before.wallet.balance.amount} to ${after.wallet.balance.amount}; a refused request must not move money`,
  )
  const added = newEntries(before, after)
  assert(added.length === 0, `${what}: a refused request added ledger entries ${show(added.map((e) => e.id))}`)
}

function topUpAmount(wallet: Wallet, factor = 1): number {
  const { min, max } = wallet.topUp
  return Math.min(max.amount, Math.max(min.amount, min.amount * factor))
}

function money(wallet: Wallet, amount: number): Money {
  return { amount, currency: wallet.currency }
}

let keyCounter = 0
function newKey(label: string): string {
  keyCounter++
  return `conformance-${label}-${Date.now().toString(36)}-${keyCounter}-${Math.random().toString(36).slice(2, 8)}`
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 3000): Promise<T> {
  const until = Date.now() + ms
  let value = await read()
  while (!done(value) && Date.now() < until) {
    await sleep(25)
    value = await read()
  }
  return value
}

// ---------------------------------------------------------------------------------------------
// Shape checks
// ---------------------------------------------------------------------------------------------

function checkSubscriptionShape(s: Subscription, where: string): void {
  assert(isObject(s), `${where} must be an object, got ${show(s)}`)
  assert(typeof s.id === 'string' && s.id !== '', `${where}.id must be a non-empty string`)
  assertOneOf(s.kind, ['platform', 'resale', 'marketplace'], `${where}.kind`)
  assertOneOf(s.status, [...SUBSCRIPTION_STATUSES, 'unknown'], `${where}.status`)
  assert(typeof s.name === 'string', `${where}.name must be a string`)
  if (s.price !== null) assertMoney(s.price, `${where}.price`)
  assert(Number.isSafeInteger(s.quantity) && s.quantity >= 0, `${where}.quantity must be a non-negative integer`)
  if (s.interval !== null) assertOneOf(s.interval, ['day', 'week', 'month', 'year'], `${where}.interval`)
  assert(
    Number.isSafeInteger(s.intervalCount) && s.intervalCount >= 1,
    `${where}.intervalCount must be a positive integer`,
  )
  assertDate(s.startDate, `${where}.startDate`, true)
  assertDate(s.currentPeriodEnd, `${where}.currentPeriodEnd`, true)
  assertDate(s.canceledAt, `${where}.canceledAt`, true)
  assertDate(s.trialEnd, `${where}.trialEnd`, true)
  assert(typeof s.cancelAtPeriodEnd === 'boolean', `${where}.cancelAtPeriodEnd must be a boolean`)
  assert(
    s.paymentMethodId === null || typeof s.paymentMethodId === 'string',
    `${where}.paymentMethodId must be a string or null`,
  )
  assertHttpUrl(s.manageUrl, `${where}.manageUrl`)
}

function checkLedgerEntryShape(e: LedgerEntry, where: string): void {
  assert(isObject(e), `${where} must be an object, got ${show(e)}`)
  assert(typeof e.id === 'string' && e.id !== '', `${where}.id must be a non-empty string`)
  assertDate(e.createdAt, `${where}.createdAt`, false)
  assertOneOf(e.type, [...LEDGER_ENTRY_TYPES, 'unknown'], `${where}.type`)
  assertOneOf(e.status, [...LEDGER_ENTRY_STATUSES, 'unknown'], `${where}.status`)
  assert(typeof e.description === 'string', `${where}.description must be a string`)
  if (e.amount !== null) assertMoney(e.amount, `${where}.amount`)
  if (e.balanceAfter != null) assertMoney(e.balanceAfter, `${where}.balanceAfter`)
  if (e.usage != null) {
    assert(
      typeof e.usage.unit === 'string' && USAGE_CATEGORY_PATTERN.test(e.usage.unit),
      `${where}.usage.unit must be a category key like "sms" or "ai_tokens", got ${show(e.usage.unit)}`,
    )
    assert(e.usage.label == null || typeof e.usage.label === 'string', `${where}.usage.label must be a string or null`)
    assert(
      typeof e.usage.quantity === 'number' && e.usage.quantity >= 0,
      `${where}.usage.quantity must be a non-negative number`,
    )
  }
  if (e.invoice != null) {
    assert(
      typeof e.invoice.id === 'string' && e.invoice.id !== '' && typeof e.invoice.number === 'string',
      `${where}.invoice must be { id, number }, got ${show(e.invoice)}`,
    )
  }
}

function checkWalletShape(w: Wallet, where = 'getWallet()'): void {
  assert(isObject(w), `${where} must return a wallet object, got ${show(w)}`)
  assert(
    typeof w.currency === 'string' && /^[A-Z]{3}$/.test(w.currency),
    `${where}.currency must be a 3-letter upper-case code, got ${show(w.currency)}`,
  )
  const c = w.currency
  assertMoney(w.balance, `${where}.balance`, c)
  assert(Array.isArray(w.credits), `${where}.credits must be an array`)
  w.credits.forEach((credit, i) => {
    assert(typeof credit.id === 'string', `${where}.credits[${i}].id must be a string`)
    assertMoney(credit.remaining, `${where}.credits[${i}].remaining`, c)
    assert(credit.remaining.amount >= 0, `${where}.credits[${i}].remaining must not be negative`)
    assertDate(credit.expiresAt, `${where}.credits[${i}].expiresAt`, true)
    assertDate(credit.grantedAt, `${where}.credits[${i}].grantedAt`, true)
  })
  assertMoney(w.topUp.min, `${where}.topUp.min`, c)
  assertMoney(w.topUp.max, `${where}.topUp.max`, c)
  assert(w.topUp.min.amount > 0, `${where}.topUp.min must be positive, got ${w.topUp.min.amount}`)
  assert(
    w.topUp.min.amount <= w.topUp.max.amount,
    `${where}.topUp.min (${w.topUp.min.amount}) must be ≤ max (${w.topUp.max.amount})`,
  )
  assert(Array.isArray(w.topUp.presets), `${where}.topUp.presets must be an array`)
  w.topUp.presets.forEach((p, i) => {
    assertMoney(p, `${where}.topUp.presets[${i}]`, c)
    assert(
      p.amount >= w.topUp.min.amount && p.amount <= w.topUp.max.amount,
      `${where}.topUp.presets[${i}] (${p.amount}) must lie within min..max, or choosing it fails validation`,
    )
  })
  const ar = w.autoRecharge
  assert(isObject(ar), `${where}.autoRecharge must be an object`)
  assert(typeof ar.enabled === 'boolean', `${where}.autoRecharge.enabled must be a boolean`)
  assertMoney(ar.threshold, `${where}.autoRecharge.threshold`, c)
  assertMoney(ar.amount, `${where}.autoRecharge.amount`, c)
  assertOneOf(ar.mode, ['fixed', 'target'], `${where}.autoRecharge.mode`)
  if (ar.monthlyCap !== null) assertMoney(ar.monthlyCap, `${where}.autoRecharge.monthlyCap`, c)
  assertMoney(ar.chargedThisMonth, `${where}.autoRecharge.chargedThisMonth`, c)
  assert(
    Number.isSafeInteger(ar.consecutiveFailures) && ar.consecutiveFailures >= 0,
    `${where}.autoRecharge.consecutiveFailures must be a non-negative integer`,
  )
  if (ar.paused !== null) {
    assertOneOf(
      ar.paused.reason,
      ['card_declined', 'no_payment_method', 'unknown'],
      `${where}.autoRecharge.paused.reason`,
    )
    assertDate(ar.paused.since, `${where}.autoRecharge.paused.since`, false)
  }
  if (ar.lastAttempt !== null) {
    assertDate(ar.lastAttempt.at, `${where}.autoRecharge.lastAttempt.at`, false)
    assertOneOf(
      ar.lastAttempt.outcome,
      ['succeeded', 'failed', 'skipped_cap'],
      `${where}.autoRecharge.lastAttempt.outcome`,
    )
    assertMoney(ar.lastAttempt.amount, `${where}.autoRecharge.lastAttempt.amount`, c)
  }
}

function checkProfileShape(p: BillingProfile, where: string): void {
  assert(isObject(p), `${where} must be a billing profile or null, got ${show(p)}`)
  assert(typeof p.name === 'string', `${where}.name must be a string`)
  assert(typeof p.email === 'string', `${where}.email must be a string`)
  assert(isObject(p.address), `${where}.address must be an object`)
  assert(
    typeof p.address.line1 === 'string' && typeof p.address.city === 'string',
    `${where}.address needs line1 and city strings`,
  )
  assert(
    /^[A-Z]{2}$/.test(p.address.country),
    `${where}.address.country must be ISO 3166-1 alpha-2 upper case, got ${show(p.address.country)}`,
  )
  assert(typeof p.walletReceipts === 'boolean', `${where}.walletReceipts must be a boolean`)
  if (p.taxId != null)
    assert(
      typeof p.taxId.type === 'string' && typeof p.taxId.value === 'string',
      `${where}.taxId must be { type, value }`,
    )
}

// ---------------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------------

/** Spends wallet money through the host's usage hook (only usage checks call it). */
type Spend = (amount: Money) => Promise<void>
type Body = (adapter: BillingAdapter, raw: BillingAdapter, spend: Spend, canSpend: boolean) => Promise<void>

function check(name: string, body: Body, needsUsage = false): ConformanceCheck {
  return {
    name,
    needsUsage,
    async run(adapter, context = {}) {
      if (needsUsage && !context.usage) {
        fail(`"${name}" needs a usage hook: pass { usage: (adapter, amount) => … } to spend wallet money`)
      }
      try {
        const usage = context.usage
        const spend: Spend = async (amount) => {
          if (!usage) fail(`"${name}" needs a usage hook`)
          await usage(adapter, amount)
        }
        await body(strict(adapter), adapter, spend, Boolean(usage))
      } catch (error) {
        if (error instanceof ConformanceError || !isBillingError(error)) throw error
        // A BillingError nobody asked for: say which call failed, and that unsupported actions are left out.
        const call = FAILED_CALL.get(error) ?? 'a call'
        throw new ConformanceError(
          `${call} failed with BillingError "${error.code}": ${error.message}. ` +
            'A valid request must succeed; an action the adapter cannot perform must be left out (undefined) so the UI hides it.',
          { cause: error },
        )
      }
    },
  }
}

const ADVERSARIAL_NAME = "Ñandú Café — 東京 O'Brien"

const readChecks: ConformanceCheck[] = [
  check('exposes every required method, and each optional one as a function or not at all', async (_a, raw) => {
    for (const name of REQUIRED_METHODS) {
      assert(typeof raw[name] === 'function', `${name} is required and must be a function`)
    }
    for (const name of OPTIONAL_METHODS) capability(raw, raw, name)
  }),

  check('getWallet returns integer money in the wallet currency and sane top-up limits', async (a) => {
    checkWalletShape(await a.getWallet())
  }),

  check('listSubscriptions returns known kinds and statuses, integer prices and ISO dates', async (a) => {
    const subs = await a.listSubscriptions()
    assert(Array.isArray(subs), `listSubscriptions must return an array, got ${show(subs)}`)
    if (subs.length === 0) seedMissing('at least one subscription')
    for (const [i, s] of subs.entries()) checkSubscriptionShape(s, `listSubscriptions()[${i}]`)
    assert(new Set(subs.map((s) => s.id)).size === subs.length, 'subscription ids must be unique')
  }),

  check('listPaymentMethods returns well-formed cards with exactly one default', async (a) => {
    const { all } = await paymentMethods(a)
    all.forEach((pm, i) => {
      const where = `listPaymentMethods()[${i}]`
      assert(typeof pm.id === 'string' && pm.id !== '', `${where}.id must be a non-empty string`)
      assertOneOf(pm.type, ['card', 'bank_account', 'unknown'], `${where}.type`)
      assertOneOf(pm.brand, [...CARD_BRANDS, 'unknown'], `${where}.brand`)
      assert(
        typeof pm.last4 === 'string' && /^\d{4}$/.test(pm.last4),
        `${where}.last4 must be 4 digits, got ${show(pm.last4)}`,
      )
      assert(
        pm.expMonth === null || (Number.isInteger(pm.expMonth) && pm.expMonth >= 1 && pm.expMonth <= 12),
        `${where}.expMonth must be 1..12 or null`,
      )
      assert(
        pm.expYear === null || (Number.isInteger(pm.expYear) && pm.expYear >= 1970),
        `${where}.expYear must be a 4-digit year or null`,
      )
      assert(typeof pm.isDefault === 'boolean', `${where}.isDefault must be a boolean`)
    })
    assert(new Set(all.map((pm) => pm.id)).size === all.length, 'payment method ids must be unique')
  }),

  check('getBillingProfile returns a profile or null', async (a) => {
    const profile = await a.getBillingProfile()
    if (profile !== null) checkProfileShape(profile, 'getBillingProfile()')
  }),
]

const ledgerChecks: ConformanceCheck[] = [
  check('listLedger returns well-formed entries, newest first', async (a) => {
    const entries = await seededLedger(a)
    for (const [i, e] of entries.entries()) checkLedgerEntryShape(e, `ledger entry ${i} (${e.id})`)
    assertNoDuplicates(entries, 'listLedger')
    assertNewestFirst(entries, 'listLedger')
    if (new Set(entries.map((e) => e.type)).size < 2) seedMissing('ledger entries of at least 2 types')
  }),

  check('listLedger pages by cursor without gaps or duplicates and respects limit', async (a) => {
    const full = await seededLedger(a)
    for (const limit of [1, 2, 3]) {
      const first = await a.listLedger({ limit })
      assert(
        first.entries.length >= 1 && first.entries.length <= limit,
        `listLedger({ limit: ${limit} }) returned ${first.entries.length} entries; expected 1..${limit}`,
      )
      assert(
        typeof first.nextCursor === 'string',
        `listLedger({ limit: ${limit} }) must return a nextCursor while more entries remain`,
      )
    }
    // A small window walked in tiny pages must yield exactly the same entries as one big walk.
    const window = full.slice(0, Math.min(full.length, 40))
    const walked: LedgerEntry[] = []
    let cursor: string | null = null
    while (walked.length < window.length) {
      const page = await a.listLedger({ cursor, limit: 3 })
      assert(page.entries.length <= 3, `listLedger({ limit: 3 }) returned ${page.entries.length} entries`)
      walked.push(...page.entries)
      if (page.nextCursor === null) break
      cursor = page.nextCursor
    }
    sameIds(walked.slice(0, window.length), window, 'walking pages of 3 vs one large walk')
    const small = await walkLedger(a, undefined, 7)
    sameIds(small.entries, full, 'walking every page of 7 vs pages of 100')
  }),

  check('listLedger applies a type filter itself, and totalCount matches what pagination yields', async (a) => {
    const full = await seededLedger(a)
    const types = [...new Set(full.map((e) => e.type))]
    const unfiltered = await walkLedger(a, undefined, 4)
    for (const total of unfiltered.totals) {
      assert(total === full.length, `totalCount without a filter is ${total}, but pagination yields ${full.length}`)
    }
    for (const selection of [[types[0]], types.slice(0, 2)]) {
      const expected = full.filter((e) => selection.includes(e.type))
      const got = await walkLedger(a, { types: selection }, 2)
      for (const e of got.entries) {
        assert(selection.includes(e.type), `filter types ${show(selection)} returned entry ${e.id} of type ${e.type}`)
      }
      sameIds(got.entries, expected, `filter types ${show(selection)}`)
      for (const total of got.totals) {
        assert(
          total === expected.length,
          `totalCount for types ${show(selection)} is ${total}, but pagination yields ${expected.length}`,
        )
      }
    }
    const empty = await walkLedger(a, { types: [] }, 100)
    sameIds(empty.entries, full, 'an empty types filter means every type')
  }),

  check('listLedger applies a date filter itself (from inclusive, to exclusive)', async (a) => {
    const full = await seededLedger(a)
    const times = [...new Set(full.map((e) => e.createdAt))]
    if (times.length < 3) seedMissing('ledger entries at 3 or more distinct times')
    // newest first: a later index is older
    const from = times[Math.min(times.length - 1, Math.floor((times.length * 3) / 4))]
    const to = times[Math.floor(times.length / 4)]
    const fromMs = Date.parse(from)
    const toMs = Date.parse(to)
    const expected = full.filter((e) => Date.parse(e.createdAt) >= fromMs && Date.parse(e.createdAt) < toMs)
    const got = await walkLedger(a, { from, to }, 2)
    for (const e of got.entries) {
      const t = Date.parse(e.createdAt)
      assert(t >= fromMs && t < toMs, `date filter ${from} ≤ t < ${to} returned entry ${e.id} at ${e.createdAt}`)
    }
    sameIds(got.entries, expected, `date filter from ${from} to ${to}`)
    for (const total of got.totals) {
      assert(
        total === expected.length,
        `totalCount for the date filter is ${total}, but pagination yields ${expected.length}`,
      )
    }
    const onlyFrom = await walkLedger(a, { from }, 50)
    sameIds(
      onlyFrom.entries,
      full.filter((e) => Date.parse(e.createdAt) >= fromMs),
      `from ${from} alone`,
    )
  }),

  check('listLedger answers an unknown cursor with data or a BillingError', async (a) => {
    try {
      const page = await a.listLedger({ cursor: 'conformance-not-a-cursor', limit: 5 })
      assert(Array.isArray(page.entries), `listLedger with an unknown cursor returned ${show(page)}`)
    } catch (error) {
      if (error instanceof ConformanceError) throw error
      assert(isBillingError(error), `listLedger with an unknown cursor threw ${show(error)}`)
    }
  }),
]

const invoiceChecks: ConformanceCheck[] = [
  check(
    'getInvoiceLinks gives http(s) links for an invoice in the ledger, not_found for an unknown one',
    async (a, raw) => {
      const getInvoiceLinks = capability(a, raw, 'getInvoiceLinks')
      if (!getInvoiceLinks) return
      const entries = await seededLedger(a)
      const invoice = entries.find((e) => e.invoice)?.invoice ?? seedMissing('a ledger entry with an invoice')
      const links = await getInvoiceLinks(invoice.id)
      assert(isObject(links), `getInvoiceLinks must return { viewUrl, downloadUrl }, got ${show(links)}`)
      assertHttpUrl(links.viewUrl, 'getInvoiceLinks().viewUrl')
      assertHttpUrl(links.downloadUrl, 'getInvoiceLinks().downloadUrl')
      assert(links.viewUrl || links.downloadUrl, `getInvoiceLinks(${invoice.id}) returned no link at all`)
      assertDate(links.expiresAt, 'getInvoiceLinks().expiresAt', true)
      await expectBillingError(
        () => getInvoiceLinks('in_conformance_unknown'),
        ['not_found'],
        'getInvoiceLinks(unknown id)',
      )
    },
  ),
]

const addFundsChecks: ConformanceCheck[] = [
  check('addFunds adds exactly the amount and one ledger entry', async (a, raw) => {
    const addFunds = capability(a, raw, 'addFunds')
    if (!addFunds) return
    const { def } = await paymentMethods(a)
    const before = await snapshot(a)
    const amount = topUpAmount(before.wallet, 2)
    const result = await addFunds({
      amount: money(before.wallet, amount),
      paymentMethodId: def.id,
      idempotencyKey: newKey('add'),
    })
    checkLedgerEntryShape(result.entry, 'addFunds().entry')
    checkWalletShape(result.wallet, 'addFunds().wallet')
    const expected = before.wallet.balance.amount + amount
    assert(
      result.wallet.balance.amount === expected,
      `addFunds().wallet.balance is ${result.wallet.balance.amount}, expected ${expected}`,
    )
    assert(
      result.entry.amount?.amount === amount && result.entry.amount.currency === before.wallet.currency,
      `addFunds().entry.amount must be +${amount} ${before.wallet.currency}, got ${show(result.entry.amount)}`,
    )
    const after = await snapshot(a)
    assert(
      after.wallet.balance.amount === expected,
      `getWallet() after addFunds shows ${after.wallet.balance.amount}, expected ${expected}`,
    )
    const added = newEntries(before, after)
    assert(
      added.length === 1 && added[0].id === result.entry.id,
      `addFunds must add exactly its own ledger entry; new entries: ${show(added.map((e) => e.id))}`,
    )
  }),

  check('addFunds with the same idempotency key twice moves money once', async (a, raw) => {
    const addFunds = capability(a, raw, 'addFunds')
    if (!addFunds) return
    const { def } = await paymentMethods(a)
    const before = await snapshot(a)
    const amount = topUpAmount(before.wallet)
    const input = { amount: money(before.wallet, amount), paymentMethodId: def.id, idempotencyKey: newKey('retry') }
    const first = await addFunds(input)
    const second = await addFunds({ ...input, amount: { ...input.amount } })
    assert(
      second.entry.id === first.entry.id,
      `a retry with the same key returned entry ${second.entry.id}, the first call returned ${first.entry.id}`,
    )
    const after = await snapshot(a)
    const expected = before.wallet.balance.amount + amount
    assert(
      after.wallet.balance.amount === expected,
      `after a retried top-up the balance is ${after.wallet.balance.amount}, expected ${expected} (charged once)`,
    )
    assert(
      newEntries(before, after).length === 1,
      `a retried top-up added ${newEntries(before, after).length} ledger entries, expected 1`,
    )
  }),

  check('addFunds with the same idempotency key concurrently moves money once', async (a, raw) => {
    const addFunds = capability(a, raw, 'addFunds')
    if (!addFunds) return
    const { def } = await paymentMethods(a)
    const before = await snapshot(a)
    const amount = topUpAmount(before.wallet)
    const key = newKey('double-click')
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        addFunds({ amount: money(before.wallet, amount), paymentMethodId: def.id, idempotencyKey: key }),
      ),
    )
    const ids = new Set(results.map((r) => r.entry.id))
    assert(ids.size === 1, `5 concurrent calls with one key returned ${ids.size} different entries: ${show([...ids])}`)
    const after = await snapshot(a)
    const expected = before.wallet.balance.amount + amount
    assert(
      after.wallet.balance.amount === expected,
      `after 5 concurrent calls with one key the balance is ${after.wallet.balance.amount}, expected ${expected}`,
    )
    assert(
      newEntries(before, after).length === 1,
      `5 concurrent calls with one key added ${newEntries(before, after).length} ledger entries, expected 1`,
    )
  }),

  check('addFunds: 50 concurrent calls over 10 keys add exactly 10 entries and the exact balance', async (a, raw) => {
    const addFunds = capability(a, raw, 'addFunds')
    if (!addFunds) return
    const { def } = await paymentMethods(a)
    const before = await snapshot(a)
    const { min, max } = before.wallet.topUp
    const keys = Array.from({ length: 10 }, (_, i) => ({
      key: newKey(`burst-${i}`),
      amount: Math.min(max.amount, min.amount + i),
    }))
    const calls = Array.from({ length: 50 }, (_, i) => keys[i % 10])
    const results = await Promise.all(
      calls.map(({ key, amount }) =>
        addFunds({ amount: money(before.wallet, amount), paymentMethodId: def.id, idempotencyKey: key }),
      ),
    )
    const byKey = new Map<string, Set<string>>()
    results.forEach((r, i) => {
      const set = byKey.get(calls[i].key) ?? new Set<string>()
      set.add(r.entry.id)
      byKey.set(calls[i].key, set)
    })
    for (const [key, ids] of byKey) assert(ids.size === 1, `key ${key} returned ${ids.size} different entries`)
    const after = await snapshot(a)
    const added = newEntries(before, after)
    assert(added.length === 10, `50 concurrent top-ups over 10 keys added ${added.length} ledger entries, expected 10`)
    const expected = before.wallet.balance.amount + keys.reduce((sum, k) => sum + k.amount, 0)
    assert(
      after.wallet.balance.amount === expected,
      `50 concurrent top-ups over 10 keys left the balance at ${after.wallet.balance.amount}, expected ${expected}`,
    )
  }),

  check('addFunds refuses to reuse a key for a different amount', async (a, raw) => {
    const addFunds = capability(a, raw, 'addFunds')
    if (!addFunds) return
    const { def } = await paymentMethods(a)
    const wallet = await a.getWallet()
    const amount = topUpAmount(wallet)
    const other = amount + 1 <= wallet.topUp.max.amount ? amount + 1 : amount - 1
    const key = newKey('reuse')
    await addFunds({ amount: money(wallet, amount), paymentMethodId: def.id, idempotencyKey: key })
    const before = await snapshot(a)
    await expectBillingError(
      () => addFunds({ amount: money(wallet, other), paymentMethodId: def.id, idempotencyKey: key }),
      ['conflict', 'validation'],
      'addFunds reusing a key with a different amount',
    )
    await assertNothingMoved(a, before, 'addFunds reusing a key with a different amount')
  }),

  check('addFunds validates the amount: below min, above max, fractional, wrong currency', async (a, raw) => {
    const addFunds = capability(a, raw, 'addFunds')
    if (!addFunds) return
    const { def } = await paymentMethods(a)
    const before = await snapshot(a)
    const w = before.wallet
    const otherCurrency = w.currency === 'USD' ? 'EUR' : 'USD'
    const cases: Array<[string, Money]> = [
      ['below the minimum', money(w, w.topUp.min.amount - 1)],
      ['above the maximum', money(w, w.topUp.max.amount + 1)],
      ['a fractional amount', money(w, w.topUp.min.amount + 0.5)],
      ['in another currency', { amount: topUpAmount(w), currency: otherCurrency }],
    ]
    for (const [label, amount] of cases) {
      await expectBillingError(
        () => addFunds({ amount, paymentMethodId: def.id, idempotencyKey: newKey('invalid') }),
        ['validation'],
        `addFunds ${label} (${show(amount)})`,
        label.startsWith('below') || label.startsWith('above') ? 'amount' : undefined,
      )
    }
    await assertNothingMoved(a, before, 'addFunds with invalid amounts')
  }),

  check('addFunds with an unknown payment method fails without moving money', async (a, raw) => {
    const addFunds = capability(a, raw, 'addFunds')
    if (!addFunds) return
    const before = await snapshot(a)
    await expectBillingError(
      () =>
        addFunds({
          amount: money(before.wallet, topUpAmount(before.wallet)),
          paymentMethodId: 'pm_conformance_unknown',
          idempotencyKey: newKey('unknown-pm'),
        }),
      ['not_found', 'validation'],
      'addFunds with an unknown payment method',
    )
    await assertNothingMoved(a, before, 'addFunds with an unknown payment method')
  }),
]

function sameMoney(a: Money | null, b: Money | null): boolean {
  return a === b || (!!a && !!b && a.amount === b.amount && a.currency === b.currency)
}

function assertSettings(actual: AutoRechargeSettings, expected: AutoRechargeSettings, where: string): void {
  const ok =
    actual.enabled === expected.enabled &&
    actual.mode === expected.mode &&
    sameMoney(actual.threshold, expected.threshold) &&
    sameMoney(actual.amount, expected.amount) &&
    sameMoney(actual.monthlyCap, expected.monthlyCap)
  assert(ok, () => {
    const pick = ({ enabled, mode, threshold, amount, monthlyCap }: AutoRechargeSettings) => ({
      enabled,
      mode,
      threshold,
      amount,
      monthlyCap,
    })
    return `${where}: expected auto-recharge ${show(pick(expected))}, got ${show(pick(actual))}`
  })
}

const notificationChecks: ConformanceCheck[] = [
  check(
    'updateWalletNotifications round-trips the alert threshold and receipts, and refuses a negative one',
    async (a, raw) => {
      const update = capability(a, raw, 'updateWalletNotifications')
      if (!update) return
      // Where the emails go: without a billing email the adapter may refuse them (needs_billing_email).
      if (!(await a.getBillingProfile())?.email) return
      const w = await a.getWallet()
      const variants = [
        { lowBalanceEmail: money(w, w.topUp.min.amount), receipts: true },
        { lowBalanceEmail: null, receipts: false },
      ]
      for (const settings of variants) {
        const returned = await update(settings)
        checkWalletShape(returned, 'updateWalletNotifications()')
        for (const [where, wallet] of [
          ['updateWalletNotifications() result', returned],
          ['getWallet() after updateWalletNotifications', await a.getWallet()],
        ] as const) {
          assert(
            JSON.stringify(wallet.notifications) === JSON.stringify(settings),
            `${where}: expected notifications ${show(settings)}, got ${show(wallet.notifications)}`,
          )
        }
      }
      await expectBillingError(
        () => update({ lowBalanceEmail: money(w, -1), receipts: false }),
        ['validation'],
        'updateWalletNotifications with a negative threshold',
        'lowBalanceEmail',
      )
    },
  ),
]

const autoRechargeChecks: ConformanceCheck[] = [
  check('updateAutoRecharge round-trips settings', async (a, raw) => {
    const updateAutoRecharge = capability(a, raw, 'updateAutoRecharge')
    if (!updateAutoRecharge) return
    await paymentMethods(a)
    const w = await a.getWallet()
    const threshold = w.topUp.min.amount
    const variants: AutoRechargeSettings[] = [
      {
        enabled: true,
        mode: 'fixed',
        threshold: money(w, threshold),
        amount: money(w, topUpAmount(w, 2)),
        monthlyCap: money(w, topUpAmount(w, 2) * 3),
      },
      {
        enabled: true,
        mode: 'target',
        threshold: money(w, threshold),
        amount: money(w, threshold + topUpAmount(w)),
        monthlyCap: null,
      },
      {
        enabled: false,
        mode: 'fixed',
        threshold: money(w, threshold),
        amount: money(w, topUpAmount(w)),
        monthlyCap: null,
      },
    ]
    for (const settings of variants) {
      const returned = await updateAutoRecharge(settings)
      checkWalletShape(returned, 'updateAutoRecharge()')
      assertSettings(returned.autoRecharge, settings, 'updateAutoRecharge() result')
      assertSettings((await a.getWallet()).autoRecharge, settings, 'getWallet() after updateAutoRecharge')
    }
  }),

  check('updateAutoRecharge rejects a negative threshold and a target not above the threshold', async (a, raw) => {
    const updateAutoRecharge = capability(a, raw, 'updateAutoRecharge')
    if (!updateAutoRecharge) return
    const w = await a.getWallet()
    const valid: AutoRechargeSettings = {
      enabled: true,
      mode: 'target',
      threshold: money(w, w.topUp.min.amount),
      amount: money(w, w.topUp.min.amount * 2),
      monthlyCap: null,
    }
    await updateAutoRecharge(valid)
    await expectBillingError(
      () => updateAutoRecharge({ ...valid, threshold: money(w, -1) }),
      ['validation'],
      'updateAutoRecharge with a negative threshold',
      'threshold',
    )
    await expectBillingError(
      () => updateAutoRecharge({ ...valid, amount: money(w, valid.threshold.amount) }),
      ['validation'],
      'updateAutoRecharge with target equal to the threshold',
      'amount',
    )
    assertSettings((await a.getWallet()).autoRecharge, valid, 'auto-recharge after refused updates must be unchanged')
  }),
]

/**
 * Brings the wallet to a known start for auto-recharge: auto-recharge off, credits spent (so
 * later usage draws on the paid balance whatever order the adapter spends in) and a paid balance
 * with room above a threshold.
 */
async function prepareAutoRecharge(
  a: BillingAdapter,
  updateAutoRecharge: NonNullable<BillingAdapter['updateAutoRecharge']>,
  spend: Spend,
) {
  const { def } = await paymentMethods(a)
  let w = await a.getWallet()
  const off: AutoRechargeSettings = {
    enabled: false,
    mode: 'fixed',
    threshold: money(w, 0),
    amount: money(w, w.topUp.min.amount),
    monthlyCap: null,
  }
  await updateAutoRecharge(off)
  const credits = w.credits.reduce((sum, c) => sum + c.remaining.amount, 0)
  if (credits > 0) await spend(money(w, credits))
  w = await a.getWallet()
  const floor = w.topUp.min.amount * 2
  if (w.balance.amount < floor) {
    const addFunds =
      a.addFunds ?? seedMissing(`a paid wallet balance of at least ${floor} (or addFunds) to test auto-recharge`)
    await addFunds({
      amount: money(w, Math.min(w.topUp.max.amount, floor)),
      paymentMethodId: def.id,
      idempotencyKey: newKey('prep'),
    })
    w = await a.getWallet()
  }
  const threshold = Math.floor(w.balance.amount / 2)
  return { wallet: w, threshold }
}

async function autoRechargeEntries(a: BillingAdapter): Promise<LedgerEntry[]> {
  return allEntries(a, { types: ['auto_recharge'] })
}

const autoRechargeUsageChecks: ConformanceCheck[] = [
  check(
    'auto-recharge (fixed) adds the amount once when usage brings the balance to the threshold',
    async (a, raw, spend) => {
      const updateAutoRecharge = capability(a, raw, 'updateAutoRecharge')
      if (!updateAutoRecharge) return
      const { wallet, threshold } = await prepareAutoRecharge(a, updateAutoRecharge, spend)
      const add = topUpAmount(wallet)
      await updateAutoRecharge({
        enabled: true,
        mode: 'fixed',
        threshold: money(wallet, threshold),
        amount: money(wallet, add),
        monthlyCap: null,
      })
      const before = await autoRechargeEntries(a)
      await spend(money(wallet, wallet.balance.amount - threshold))
      const expected = threshold + add
      const after = await eventually(
        () => a.getWallet(),
        (w) => w.balance.amount === expected,
      )
      assert(
        after.balance.amount === expected,
        `after usage brought the balance to the threshold ${threshold}, auto-recharge of ${add} should leave ${expected}; the balance is ${after.balance.amount}`,
      )
      const added = (await autoRechargeEntries(a)).filter((e) => !before.some((b) => b.id === e.id))
      assert(added.length === 1, `auto-recharge must add one auto_recharge ledger entry, found ${added.length}`)
      assert(added[0].amount?.amount === add, `the auto_recharge entry must be +${add}, got ${show(added[0].amount)}`)
      assert(
        after.autoRecharge.lastAttempt?.outcome === 'succeeded',
        `autoRecharge.lastAttempt must record the success, got ${show(after.autoRecharge.lastAttempt)}`,
      )
    },
    true,
  ),

  check(
    'auto-recharge (target) restores the balance to the target',
    async (a, raw, spend) => {
      const updateAutoRecharge = capability(a, raw, 'updateAutoRecharge')
      if (!updateAutoRecharge) return
      const { wallet, threshold } = await prepareAutoRecharge(a, updateAutoRecharge, spend)
      const target = Math.min(threshold + topUpAmount(wallet), threshold + wallet.topUp.max.amount)
      await updateAutoRecharge({
        enabled: true,
        mode: 'target',
        threshold: money(wallet, threshold),
        amount: money(wallet, target),
        monthlyCap: null,
      })
      await spend(money(wallet, wallet.balance.amount - threshold))
      const after = await eventually(
        () => a.getWallet(),
        (w) => w.balance.amount === target,
      )
      assert(
        after.balance.amount === target,
        `target auto-recharge must restore the balance to ${target}; it is ${after.balance.amount}`,
      )
    },
    true,
  ),

  check(
    'auto-recharge does nothing while disabled',
    async (a, raw, spend) => {
      const updateAutoRecharge = capability(a, raw, 'updateAutoRecharge')
      if (!updateAutoRecharge) return
      const { wallet, threshold } = await prepareAutoRecharge(a, updateAutoRecharge, spend)
      await updateAutoRecharge({
        enabled: false,
        mode: 'fixed',
        threshold: money(wallet, threshold),
        amount: money(wallet, topUpAmount(wallet)),
        monthlyCap: null,
      })
      const before = await autoRechargeEntries(a)
      await spend(money(wallet, wallet.balance.amount - threshold))
      await sleep(100)
      const after = await a.getWallet()
      assert(
        after.balance.amount === threshold,
        `with auto-recharge disabled the balance must stay at ${threshold}; it is ${after.balance.amount}`,
      )
      assert(
        (await autoRechargeEntries(a)).length === before.length,
        'a disabled auto-recharge added an auto_recharge entry',
      )
    },
    true,
  ),
]

const paymentMethodChecks: ConformanceCheck[] = [
  check('setDefaultPaymentMethod moves the single default', async (a, raw) => {
    const setDefaultPaymentMethod = capability(a, raw, 'setDefaultPaymentMethod')
    if (!setDefaultPaymentMethod) return
    const { others } = await paymentMethods(a)
    const target = others[0]
    const returned = await setDefaultPaymentMethod(target.id)
    assert(Array.isArray(returned), `setDefaultPaymentMethod must return the payment methods, got ${show(returned)}`)
    for (const [where, list] of [
      ['setDefaultPaymentMethod() result', returned],
      ['listPaymentMethods() after', await a.listPaymentMethods()],
    ] as const) {
      const defaults = list.filter((pm) => pm.isDefault)
      assert(
        defaults.length === 1 && defaults[0].id === target.id,
        `${where}: the only default must be ${target.id}, got ${show(defaults.map((pm) => pm.id))}`,
      )
    }
    await expectBillingError(
      () => setDefaultPaymentMethod('pm_conformance_unknown'),
      ['not_found'],
      'setDefaultPaymentMethod(unknown id)',
    )
  }),

  check('removePaymentMethod removes a card that is not the default', async (a, raw) => {
    const removePaymentMethod = capability(a, raw, 'removePaymentMethod')
    if (!removePaymentMethod) return
    const { all, def, others } = await paymentMethods(a)
    const used = new Set(
      (await a.listSubscriptions()).filter((s) => s.status !== 'canceled').map((s) => s.paymentMethodId),
    )
    const target =
      others.find((pm) => !used.has(pm.id)) ?? seedMissing('a non-default card that no live subscription pays with')
    await removePaymentMethod(target.id)
    const after = await a.listPaymentMethods()
    assert(!after.some((pm) => pm.id === target.id), `removePaymentMethod(${target.id}) did not remove it`)
    assert(after.length === all.length - 1, `removing one card left ${after.length} of ${all.length}`)
    assert(after.find((pm) => pm.isDefault)?.id === def.id, 'removing another card must not change the default')
    await expectBillingError(
      () => removePaymentMethod('pm_conformance_unknown'),
      ['not_found'],
      'removePaymentMethod(unknown id)',
    )
  }),

  check('removePaymentMethod refuses the default card while something depends on it', async (a, raw) => {
    const removePaymentMethod = capability(a, raw, 'removePaymentMethod')
    if (!removePaymentMethod) return
    const { all, def } = await paymentMethods(a)
    const subs = await a.listSubscriptions()
    const live = (s: Subscription) =>
      s.status !== 'canceled' && (s.paymentMethodId === null || s.paymentMethodId === def.id)
    let depends = subs.some(live) || (await a.getWallet()).autoRecharge.enabled
    const updateAutoRecharge = capability(a, raw, 'updateAutoRecharge')
    if (!depends && updateAutoRecharge) {
      const w = await a.getWallet()
      await updateAutoRecharge({
        enabled: true,
        mode: 'fixed',
        threshold: money(w, 0),
        amount: money(w, topUpAmount(w)),
        monthlyCap: null,
      })
      depends = true
    }
    if (!depends) seedMissing('a live subscription paid by the default card')
    await expectBillingError(
      () => removePaymentMethod(def.id),
      ['conflict'],
      'removePaymentMethod(default card in use)',
    )
    const after = await a.listPaymentMethods()
    assert(
      after.length === all.length && after.some((pm) => pm.id === def.id && pm.isDefault),
      `a refused removal must change nothing, but the cards are now ${show(after.map((pm) => `${pm.id}${pm.isDefault ? '*' : ''}`))}`,
    )
  }),
]

const subscriptionChecks: ConformanceCheck[] = [
  check(
    'cancelSubscription sets cancelAtPeriodEnd and keeps the period end; a second cancel conflicts',
    async (a, raw) => {
      const cancelSubscription = capability(a, raw, 'cancelSubscription')
      if (!cancelSubscription) return
      const sub = await activeSubscription(a)
      const canceled = await cancelSubscription({
        subscriptionId: sub.id,
        reason: 'too_expensive',
        comment: ADVERSARIAL_NAME,
      })
      checkSubscriptionShape(canceled, 'cancelSubscription()')
      assert(canceled.id === sub.id, `cancelSubscription returned ${canceled.id}, expected ${sub.id}`)
      assert(canceled.cancelAtPeriodEnd === true, 'cancelSubscription must set cancelAtPeriodEnd')
      assert(
        canceled.currentPeriodEnd === sub.currentPeriodEnd,
        `cancel at period end must keep currentPeriodEnd ${sub.currentPeriodEnd}, got ${canceled.currentPeriodEnd}`,
      )
      assert(
        canceled.status === sub.status,
        `cancel at period end must keep the status ${sub.status} until the period ends, got ${canceled.status}`,
      )
      const listed = (await a.listSubscriptions()).find((s) => s.id === sub.id)
      assert(listed?.cancelAtPeriodEnd === true, 'listSubscriptions after cancel must show cancelAtPeriodEnd')
      await expectBillingError(
        () => cancelSubscription({ subscriptionId: sub.id }),
        ['conflict'],
        'cancelSubscription twice',
      )
      await expectBillingError(
        () => cancelSubscription({ subscriptionId: 'sub_conformance_unknown' }),
        ['not_found'],
        'cancelSubscription(unknown id)',
      )
    },
  ),

  check('resumeSubscription clears cancelAtPeriodEnd', async (a, raw) => {
    const resumeSubscription = capability(a, raw, 'resumeSubscription')
    if (!resumeSubscription) return
    const cancelSubscription = capability(a, raw, 'cancelSubscription')
    const subs = await a.listSubscriptions()
    let sub = subs.find((s) => s.cancelAtPeriodEnd && s.status !== 'canceled')
    if (!sub) {
      if (!cancelSubscription) seedMissing('a subscription set to cancel at period end (the adapter cannot cancel one)')
      const active = await activeSubscription(a)
      sub = await cancelSubscription({ subscriptionId: active.id })
    }
    const resumed = await resumeSubscription(sub.id)
    checkSubscriptionShape(resumed, 'resumeSubscription()')
    assert(resumed.cancelAtPeriodEnd === false, 'resumeSubscription must clear cancelAtPeriodEnd')
    assert(resumed.currentPeriodEnd === sub.currentPeriodEnd, 'resumeSubscription must keep currentPeriodEnd')
    const listed = (await a.listSubscriptions()).find((s) => s.id === sub.id)
    assert(listed?.cancelAtPeriodEnd === false, 'listSubscriptions after resume must show cancelAtPeriodEnd false')
  }),
]

const profileChecks: ConformanceCheck[] = [
  check('updateBillingProfile round-trips unicode and rejects a bad email with fieldErrors.email', async (a, raw) => {
    const updateBillingProfile = capability(a, raw, 'updateBillingProfile')
    if (!updateBillingProfile) return
    const profile: BillingProfile = {
      name: ADVERSARIAL_NAME,
      company: `${ADVERSARIAL_NAME} S.L.`,
      email: 'facturas@example.com',
      address: {
        line1: 'Calle de Alcalá 45, 3º izq.',
        line2: null,
        city: 'Madrid',
        region: 'Madrid',
        postalCode: '28014',
        country: 'ES',
      },
      taxId: null,
      walletReceipts: true,
    }
    const saved = await updateBillingProfile(profile)
    for (const [where, got] of [
      ['updateBillingProfile() result', saved],
      ['getBillingProfile() after', await a.getBillingProfile()],
    ] as const) {
      assert(got, `${where} must be the saved profile, got null`)
      checkProfileShape(got, where)
      const mismatches = (
        [
          ['name', got.name, profile.name],
          ['company', got.company ?? null, profile.company],
          ['email', got.email, profile.email],
          ['address.line1', got.address.line1, profile.address.line1],
          ['address.line2', got.address.line2 ?? null, null],
          ['address.city', got.address.city, profile.address.city],
          ['address.postalCode', got.address.postalCode ?? null, profile.address.postalCode],
          ['address.country', got.address.country, 'ES'],
          ['walletReceipts', got.walletReceipts, true],
        ] as const
      ).filter(([, actual, expected]) => actual !== expected)
      assert(
        mismatches.length === 0,
        `${where} changed ${mismatches.map(([f, x, y]) => `${f}: ${show(y)} → ${show(x)}`).join('; ')}`,
      )
    }
    await expectBillingError(
      () => updateBillingProfile({ ...profile, email: 'not-an-email' }),
      ['validation'],
      'updateBillingProfile with a bad email',
      'email',
    )
    assert(
      (await a.getBillingProfile())?.email === profile.email,
      'a refused profile update must not change the saved profile',
    )
  }),
]

const DAY_MS = 24 * 60 * 60 * 1000

/** The start of the UTC day `ms` falls in. */
const utcDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS

/** What the ledger's own succeeded usage entries in [from, to) cost, per UTC period and unit. */
function expectedSpend(entries: LedgerEntry[], from: number, to: number, granularity: 'day' | 'month') {
  const out = new Map<string, number>()
  for (const e of entries) {
    const t = Date.parse(e.createdAt)
    if (e.type !== 'usage' || e.status !== 'succeeded' || !e.usage || !e.amount || t < from || t >= to) continue
    const key = `${new Date(t).toISOString().slice(0, granularity === 'day' ? 10 : 7)}|${e.usage.unit}`
    out.set(key, (out.get(key) ?? 0) - e.amount.amount)
  }
  for (const [key, amount] of out) if (amount === 0) out.delete(key)
  return out
}

/** Checks the summary's shape and that its totals add up, and returns its cells. */
function checkSpendShape(s: SpendSummary, currency: string, where: string): Map<string, number> {
  assert(isObject(s), `${where} must be a spend summary, got ${show(s)}`)
  assert(s.currency === currency, `${where}.currency must be the wallet currency ${currency}, got ${show(s.currency)}`)
  assert(Array.isArray(s.categories) && Array.isArray(s.periods), `${where} needs categories and periods arrays`)
  const keys = new Set<string>()
  for (const [i, c] of s.categories.entries()) {
    assert(typeof c.key === 'string' && c.key !== '', `${where}.categories[${i}].key must be a non-empty string`)
    assert(
      typeof c.label === 'string' && c.label.trim() !== '',
      `${where}.categories[${i}].label must be a label to show`,
    )
    assert(!keys.has(c.key), `${where}.categories has ${c.key} twice`)
    keys.add(c.key)
    assertMoney(c.total, `${where}.categories[${i}].total`, currency)
  }
  const cells = new Map<string, number>()
  const byCategory = new Map<string, number>()
  let previous = ''
  let total = 0
  const pattern = s.granularity === 'day' ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}$/
  for (const [i, p] of s.periods.entries()) {
    const at = `${where}.periods[${i}]`
    assert(
      typeof p.period === 'string' && pattern.test(p.period),
      `${at}.period must be a UTC ${s.granularity}, got ${show(p.period)}`,
    )
    assert(p.period > previous, `${where}.periods must be oldest first, each once; ${p.period} follows ${previous}`)
    previous = p.period
    assertMoney(p.total, `${at}.total`, currency)
    let sum = 0
    for (const item of p.spend) {
      assertMoney(item.amount, `${at}.spend(${item.category})`, currency)
      assert(
        item.amount.amount >= 0,
        `${at}.spend(${item.category}) must be positive (what usage cost), got ${item.amount.amount}`,
      )
      assert(keys.has(item.category), `${at} spends on ${item.category}, which is not among the categories`)
      sum += item.amount.amount
      byCategory.set(item.category, (byCategory.get(item.category) ?? 0) + item.amount.amount)
      if (item.amount.amount !== 0) cells.set(`${p.period}|${item.category}`, item.amount.amount)
    }
    assert(sum === p.total.amount, `${at}.total is ${p.total.amount}, but its categories add up to ${sum}`)
    total += sum
  }
  for (const c of s.categories) {
    assert(
      (byCategory.get(c.key) ?? 0) === c.total.amount,
      `${where}: category ${c.key} totals ${c.total.amount}, but its periods add up to ${byCategory.get(c.key) ?? 0}`,
    )
  }
  assertMoney(s.total, `${where}.total`, currency)
  assert(s.total.amount === total, `${where}.total is ${s.total.amount}, but its periods add up to ${total}`)
  return cells
}

function sameCells(got: Map<string, number>, expected: Map<string, number>, what: string): void {
  const diffs = [...new Set([...got.keys(), ...expected.keys()])]
    .filter((k) => got.get(k) !== expected.get(k))
    .map((k) => `${k}: summary ${got.get(k) ?? 0}, ledger ${expected.get(k) ?? 0}`)
  assert(diffs.length === 0, () => `${what} disagrees with the ledger's usage entries: ${diffs.slice(0, 8).join('; ')}`)
}

const insightChecks: ConformanceCheck[] = [
  check(
    'getSpendSummary adds up to the ledger’s usage entries, by day and by month',
    async (a, raw, spend, canSpend) => {
      const getSpendSummary = capability(a, raw, 'getSpendSummary')
      if (!getSpendSummary) return
      const wallet = await a.getWallet()
      let usage = await allEntries(a, { types: ['usage'] })
      const costly = (entries: LedgerEntry[]) =>
        entries.filter((e) => e.status === 'succeeded' && (e.amount?.amount ?? 0) < 0)
      if (costly(usage).length < 2 && canSpend) {
        // A small seed: make the usage to add up through the host's own usage path.
        await spend(money(wallet, 125))
        await spend(money(wallet, 310))
        usage = await allEntries(a, { types: ['usage'] })
      }
      const spent = costly(usage)
      if (spent.length < 2) seedMissing('at least 2 succeeded usage entries with a cost (or a usage hook)')
      const newest = Date.parse(spent[0].createdAt)
      // 30 UTC days up to the newest usage, then the twelve months before it.
      const dayTo = utcDay(newest) + DAY_MS
      const dayFrom = dayTo - 30 * DAY_MS
      const end = new Date(dayTo)
      const monthTo = Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 1)
      const monthFrom = Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1)
      for (const [granularity, from, to] of [
        ['day', dayFrom, dayTo],
        ['month', monthFrom, monthTo],
      ] as const) {
        const input = { from: new Date(from).toISOString(), to: new Date(to).toISOString(), granularity }
        const summary = await getSpendSummary(input)
        const where = `getSpendSummary(${show(input)})`
        assert(
          summary.granularity === granularity,
          `${where}.granularity must be ${granularity}, got ${show(summary.granularity)}`,
        )
        const cells = checkSpendShape(summary, wallet.currency, where)
        sameCells(cells, expectedSpend(usage, from, to, granularity), where)
        if (granularity === 'month') {
          assert(
            summary.total.amount > 0,
            `${where} must count the seeded usage, got a total of ${summary.total.amount}`,
          )
        }
      }
    },
  ),

  check('getSpendSummary refuses a range that ends before it starts', async (a, raw) => {
    const getSpendSummary = capability(a, raw, 'getSpendSummary')
    if (!getSpendSummary) return
    const to = new Date(utcDay(Date.now())).toISOString()
    const from = new Date(utcDay(Date.now()) + DAY_MS).toISOString()
    await expectBillingError(
      () => getSpendSummary({ from, to, granularity: 'day' }),
      ['validation'],
      'getSpendSummary with to before from',
    )
  }),

  check(
    'getSpendSummary counts new usage at its full cost, in its own day',
    async (a, raw, spend) => {
      const getSpendSummary = capability(a, raw, 'getSpendSummary')
      if (!getSpendSummary) return
      const wallet = await a.getWallet()
      const cost = Math.max(1, Math.min(wallet.topUp.min.amount, 500))
      const before = await allEntries(a, { types: ['usage'] })
      await spend(money(wallet, cost))
      const added = (await allEntries(a, { types: ['usage'] })).filter((e) => !before.some((b) => b.id === e.id))
      assert(added.length === 1, `one usage call must add one usage entry, found ${added.length}`)
      const at = Date.parse(added[0].createdAt)
      const input = {
        from: new Date(utcDay(at)).toISOString(),
        to: new Date(utcDay(at) + DAY_MS).toISOString(),
        granularity: 'day' as const,
      }
      const summary = await getSpendSummary(input)
      const cells = checkSpendShape(summary, wallet.currency, `getSpendSummary(${show(input)})`)
      const all = [...before, ...added]
      sameCells(
        cells,
        expectedSpend(all, Date.parse(input.from), Date.parse(input.to), 'day'),
        'the summary of the day of new usage',
      )
      const key = `${input.from.slice(0, 10)}|${added[0].usage?.unit}`
      assert((cells.get(key) ?? 0) >= cost, `the new usage of ${cost} is missing from ${key}: ${cells.get(key) ?? 0}`)
    },
    true,
  ),
]

/** Every check, in the order `describeBillingAdapter` registers them. */
export const conformanceChecks: readonly ConformanceCheck[] = [
  ...readChecks,
  ...ledgerChecks,
  ...invoiceChecks,
  ...addFundsChecks,
  ...autoRechargeChecks,
  ...notificationChecks,
  ...autoRechargeUsageChecks,
  ...paymentMethodChecks,
  ...subscriptionChecks,
  ...profileChecks,
  ...insightChecks,
]
