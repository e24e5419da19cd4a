/**
 * Idempotency keys as rows, unique per account: the request's fingerprint, its state
 * (`in_flight` under a lease, `requires_action`, `done`) and the first response, replayed as the
 * same JSON to every retry. A key reused for other parameters is a 409; a key still in flight
 * elsewhere is a retryable 409 with Retry-After. An in-flight charge whose instance died is taken
 * over when its lease ends: the processor is asked for that key's outcome before charging
 * again (with the same processor key), and the ledger's unique key fences the credit, so a
 * takeover can never credit twice.
 */
import { BillingError } from '../../adapter/errors'
import type { ServiceContext } from '../handler'
import type { ChargeCard, ChargeOutcome, ChargeRequest } from '../payments/provider'
import type { LedgerRecord } from '../store/records'
import { type ServiceDeps, type WriteScope, asStored, conflict, iso, validation, write } from './context'

function reused(key: string): BillingError {
  return conflict(`The idempotency key "${key}" was already used with different parameters.`)
}

/** Shares one attempt between concurrent calls with one key in this process. */
function shared<T>(deps: ServiceDeps, lock: string, fingerprint: string, run: () => Promise<T>): Promise<T> {
  const busy = deps.inFlight.get(lock)
  if (busy) {
    if (busy.fingerprint !== fingerprint) return Promise.reject(reused(lock.split('\u0000')[1]))
    return busy.promise as Promise<T>
  }
  const promise = run()
  deps.inFlight.set(lock, { fingerprint, promise })
  const release = () => {
    if (deps.inFlight.get(lock)?.promise === promise) deps.inFlight.delete(lock)
  }
  promise.then(release, release)
  return promise
}

type StoredOutcome<T> = { ok: T } | { declined: string }
/** What `settle` decided: a stored outcome, a 3-D Secure request, or a charge still processing. */
type Settled<T> = StoredOutcome<T> | { action: string } | { pending: T | null }

function replay<T>(response: string | null): T {
  const stored = JSON.parse(response ?? 'null') as StoredOutcome<T> | null
  if (stored && 'declined' in stored) throw new BillingError('card_declined', { declineCode: stored.declined })
  return (stored && 'ok' in stored ? stored.ok : null) as T
}

/**
 * A write that moves no money, with the request's Idempotency-Key when it sent one: a retry of
 * an applied request answers what the first one answered (not, say, "already canceled").
 */
export function onceWrite<T>(
  deps: ServiceDeps,
  accountId: string,
  context: ServiceContext | undefined,
  operation: string,
  args: unknown,
  work: (scope: WriteScope) => Promise<T>,
): Promise<T> {
  const key = context?.idempotencyKey
  if (!key) return write(deps, accountId, work)
  const fingerprint = `${operation}|${JSON.stringify(args ?? null)}`
  return shared(deps, `${accountId}\u0000${key}`, fingerprint, () =>
    write(deps, accountId, async (scope) => {
      const record = await scope.tx.idempotencyKey(accountId, key)
      if (record) {
        if (record.fingerprint !== fingerprint) throw reused(key)
        if (record.state === 'done') return replay<T>(record.response)
      }
      const result = asStored(await work(scope))
      const at = iso(scope.at)
      await scope.tx.insertIdempotencyKey(
        accountId,
        {
          key,
          operation,
          fingerprint,
          state: 'done',
          response: JSON.stringify({ ok: result }),
          attempt: 1,
          leaseUntil: null,
          createdAt: at,
        },
        at,
      )
      return result
    }),
  )
}

export interface Charge {
  card: ChargeCard
  amount: { amount: number; currency: string }
  description: string
}

export interface MoneyMovement<T> {
  operation: 'addFunds' | 'changePlan'
  key: string | undefined
  fingerprint: string
  /** Validates and says what to charge; a throw stores nothing, so the fixed request may reuse the key. */
  prepare(scope: WriteScope): Promise<Charge | null>
  /**
   * Writes the effect of a successful (or unneeded) charge, tagging its ledger entry with the
   * key, and returns the response every retry gets.
   */
  commit(scope: WriteScope, charge: Charge | null, reference: string | null): Promise<T>
  /** The response for a key whose entry exists but whose response was not stored (a crash between the two). */
  answerFor?(scope: WriteScope, entry: LedgerRecord): Promise<T>
  /**
   * The response while the processor has accepted the charge but not finished it. Never stored:
   * each retry asks the processor again. Without it, a retryable conflict answers instead.
   */
  pendingAnswer?(scope: WriteScope, charge: Charge): Promise<T>
}

type Claim<T> = { replay: T } | { charge: Charge; attempt: number; authenticated: boolean; takeover: boolean }

/** Moves money once per key, across retries, instances and crashes. */
export function moveMoneyOnce<T>(deps: ServiceDeps, accountId: string, spec: MoneyMovement<T>): Promise<T> {
  const { key, fingerprint, operation } = spec
  if (typeof key !== 'string' || key.trim() === '') {
    return Promise.reject(validation({ idempotencyKey: 'required' }, 'idempotencyKey is required.'))
  }
  return shared(deps, `${accountId}\u0000${key}`, fingerprint, async () => {
    const claim = await write<Claim<T>>(deps, accountId, async (scope) => {
      const { tx, at } = scope
      const record = await tx.idempotencyKey(accountId, key)
      let authenticated = false
      let takeover = false
      if (record) {
        if (record.fingerprint !== fingerprint) throw reused(key)
        if (record.state === 'done') return { replay: replay<T>(record.response) }
        if (record.state === 'in_flight') {
          const left = Date.parse(record.leaseUntil ?? '') - at.getTime()
          if (left > 0) {
            throw conflict('A request with this idempotency key is still being processed; retry shortly.', {
              retryable: true,
              retryAfterMs: left,
            })
          }
          takeover = true
          // The abandoned attempt may have charged and credited before its instance died.
          const entry = await tx.entryByKey(accountId, key)
          if (entry && spec.answerFor) {
            const answer = asStored(await spec.answerFor(scope, entry))
            await tx.updateIdempotencyKey(
              accountId,
              key,
              record.attempt,
              { state: 'done', response: JSON.stringify({ ok: answer }), leaseUntil: null },
              iso(at),
            )
            return { replay: answer }
          }
        }
        // Asked again after a 3-D Secure challenge: the customer has answered it.
        authenticated = record.state === 'requires_action'
      }
      const charge = await spec.prepare(scope)
      if (!charge) {
        const answer = asStored(await spec.commit(scope, null, null))
        const stored = JSON.stringify({ ok: answer })
        if (record)
          await tx.updateIdempotencyKey(
            accountId,
            key,
            record.attempt,
            { state: 'done', response: stored, leaseUntil: null },
            iso(at),
          )
        else
          await tx.insertIdempotencyKey(
            accountId,
            {
              key,
              operation,
              fingerprint,
              state: 'done',
              response: stored,
              attempt: 1,
              leaseUntil: null,
              createdAt: iso(at),
            },
            iso(at),
          )
        return { replay: answer }
      }
      const leaseUntil = iso(new Date(at.getTime() + deps.leaseMs))
      const attempt = (record?.attempt ?? 0) + 1
      if (record) {
        await tx.updateIdempotencyKey(
          accountId,
          key,
          record.attempt,
          { state: 'in_flight', response: null, leaseUntil, attempt },
          iso(at),
        )
      } else {
        await tx.insertIdempotencyKey(
          accountId,
          { key, operation, fingerprint, state: 'in_flight', response: null, attempt, leaseUntil, createdAt: iso(at) },
          iso(at),
        )
      }
      return { charge, attempt, authenticated, takeover }
    })
    if ('replay' in claim) return claim.replay

    const request: ChargeRequest = {
      accountId,
      card: claim.charge.card,
      amount: claim.charge.amount,
      idempotencyKey: `${accountId}:${operation}:${key}`,
      session: 'on',
      authenticated: claim.authenticated,
      description: claim.charge.description,
    }
    const outcome = await withLease(deps, accountId, key, claim.attempt, async () => {
      try {
        const known =
          claim.takeover && deps.payments.findCharge ? await deps.payments.findCharge(request, deps.now()) : null
        return known ?? (await deps.payments.charge(request, deps.now()))
      } catch (error) {
        // The processor could not be reached: nothing was charged under our key, so free it.
        await write(deps, accountId, (s) => s.tx.deleteIdempotencyKey(accountId, key, claim.attempt))
        throw new BillingError('unavailable', {
          message: 'The card processor did not answer; nothing was charged. Try again.',
          retryable: true,
          cause: error,
        })
      }
    })
    return settle(deps, accountId, spec, claim.attempt, claim.charge, outcome)
  })
}

/** Keeps the key's lease alive while the processor works, so a slow charge is never taken over. */
async function withLease<R>(
  deps: ServiceDeps,
  accountId: string,
  key: string,
  attempt: number,
  work: () => Promise<R>,
): Promise<R> {
  let renewing: Promise<unknown> = Promise.resolve()
  const timer = setInterval(
    () => {
      renewing = renewing.then(() =>
        write(deps, accountId, (s) =>
          s.tx.updateIdempotencyKey(
            accountId,
            key,
            attempt,
            { state: 'in_flight', response: null, leaseUntil: iso(new Date(s.at.getTime() + deps.leaseMs)) },
            iso(s.at),
          ),
        ).catch(() => {}),
      )
    },
    Math.max(50, Math.floor(deps.leaseMs / 3)),
  )
  timer.unref?.()
  try {
    return await work()
  } finally {
    clearInterval(timer)
    await renewing
  }
}

/** Writes a claimed key's outcome once; also called when the processor reports the outcome itself. */
export async function settle<T>(
  deps: ServiceDeps,
  accountId: string,
  spec: MoneyMovement<T>,
  attempt: number,
  charge: Charge,
  outcome: ChargeOutcome,
): Promise<T> {
  const key = spec.key as string
  const result = await write<Settled<T>>(deps, accountId, async (scope) => {
    const { tx, at } = scope
    const record = await tx.idempotencyKey(accountId, key)
    if (record?.state === 'done') return JSON.parse(record.response ?? 'null') as StoredOutcome<T>
    if (!record || record.attempt !== attempt) {
      throw conflict('A request with this idempotency key is still being processed; retry shortly.', {
        retryable: true,
        retryAfterMs: Math.max(1000, Date.parse(record?.leaseUntil ?? '') - at.getTime() || 0),
      })
    }
    const done = (stored: StoredOutcome<T>) =>
      tx
        .updateIdempotencyKey(
          accountId,
          key,
          attempt,
          { state: 'done', response: JSON.stringify(stored), leaseUntil: null },
          iso(at),
        )
        .then(() => stored)
    if (outcome.status === 'declined') return done({ declined: outcome.declineCode })
    if (outcome.status === 'requires_action') {
      await tx.updateIdempotencyKey(
        accountId,
        key,
        attempt,
        { state: 'requires_action', response: null, leaseUntil: null },
        iso(at),
      )
      return { action: outcome.clientSecret }
    }
    if (outcome.status === 'pending') {
      // The key stays claimed, as after a 3-D Secure request: the processor's report settles it once.
      await tx.updateIdempotencyKey(
        accountId,
        key,
        attempt,
        { state: 'requires_action', response: null, leaseUntil: null },
        iso(at),
      )
      return { pending: spec.pendingAnswer ? asStored(await spec.pendingAnswer(scope, charge)) : null }
    }
    const existing = await tx.entryByKey(accountId, key)
    const answer =
      existing && spec.answerFor
        ? await spec.answerFor(scope, existing)
        : await spec.commit(scope, charge, outcome.reference ?? null)
    return done({ ok: asStored(answer) })
  })
  if ('action' in result) throw new BillingError('requires_action', { clientSecret: result.action })
  if ('pending' in result) {
    if (result.pending !== null) return result.pending
    throw conflict('The payment is still being processed; retry shortly.', { retryable: true, retryAfterMs: 5000 })
  }
  if ('declined' in result) throw new BillingError('card_declined', { declineCode: result.declined })
  return result.ok
}
