/**
 * `runDueWork()`: what the outbox holds that is due now, run once by whichever instance claims
 * it first. A claim is a lock until `now + leaseMs`; a worker that dies mid-job leaves the row
 * to be claimed again when the lock passes, so nothing is lost (a delivery may repeat, which is
 * why every event has an id and every email a stable Message-ID). Failures are retried with
 * exponential backoff, then set aside as `dead` after `MAX_JOB_ATTEMPTS`.
 */
import type { BillingEvent } from '../webhooks'
import { SIGNATURE_HEADER, signBillingWebhook } from '../webhooks'
import type { JobRecord } from '../store/wallet-work-queries'
import { runAutoRecharge, rechargeRetryDelayMs } from './auto-recharge'
import { type ServiceDeps, iso } from './context'
import { sweepCredits } from './credits'
import { sendAccountEmail } from './emails'
import type { EmailJob } from './outbox'
import { rechargeSettings } from './wallet'

export const MAX_JOB_ATTEMPTS = 10
/** Jobs claimed (and run side by side) at a time. */
const CLAIM_SIZE = 8
/** Finished jobs are forgotten after a week. */
const KEEP_DONE_MS = 7 * 24 * 3_600_000

/** 30 s, 2 min, 8 min, 32 min… at most 6 hours. */
export const jobRetryDelayMs = (attempts: number) => Math.min(6 * 3_600_000, 30_000 * 4 ** Math.max(0, attempts - 1))

export interface DueWorkResult {
  /** Jobs claimed and run. */
  ran: number
  succeeded: number
  /** Failed this time, to be tried again later. */
  retried: number
  /** Failed for the last time. */
  abandoned: number
  creditsExpired: number
  expiryNotices: number
}

export interface RunDueWorkOptions {
  /** At most this many jobs per call; default 100. */
  limit?: number
}

class DeliveryError extends Error {}

async function deliverWebhook(deps: ServiceDeps, event: BillingEvent): Promise<void> {
  const hook = deps.notify.webhook
  if (!hook) return
  const body = JSON.stringify(event)
  let response: Response
  try {
    response = await fetch(hook.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        [SIGNATURE_HEADER]: signBillingWebhook(body, hook.secret, deps.now()),
        'Billing-Event-Id': event.id,
        'User-Agent': 'react-billing-panel-webhooks',
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(hook.timeoutMs),
    })
  } catch (error) {
    throw new DeliveryError(`The webhook endpoint could not be reached: ${(error as Error).message}`)
  }
  await response.body?.cancel().catch(() => {})
  if (response.status < 200 || response.status >= 300) {
    throw new DeliveryError(`The webhook endpoint answered ${response.status}.`)
  }
}

/** Runs one job; answers when to run it again, or null when it is done. */
async function runJob(deps: ServiceDeps, job: JobRecord): Promise<Date | null> {
  const payload = JSON.parse(job.payload) as unknown
  switch (job.kind) {
    case 'event.hook':
      await deps.notify.onEvent?.(payload as BillingEvent)
      return null
    case 'event.webhook':
      await deliverWebhook(deps, payload as BillingEvent)
      return null
    case 'email':
      if (job.accountId) await sendAccountEmail(deps, job.accountId, payload as EmailJob)
      return null
    case 'auto_recharge': {
      if (!job.accountId) return null
      await runAutoRecharge(deps, job.accountId)
      const reads = deps.store.read
      const [account, wallet, stored, last] = [
        await reads.account(job.accountId),
        await reads.wallet(job.accountId),
        await reads.autoRecharge(job.accountId),
        await reads.lastRechargeAttempt(job.accountId),
      ]
      if (!account || !wallet) return null
      const r = rechargeSettings(account, stored)
      // Still due after a failed attempt: try again later (three in a row pause it).
      const due = r.enabled && !r.pausedReason && wallet.balance <= r.threshold && last?.outcome === 'failed'
      return due ? new Date(deps.now().getTime() + rechargeRetryDelayMs(r.consecutiveFailures)) : null
    }
    default:
      throw new Error(`react-billing-panel: No handler for job kind "${job.kind}".`)
  }
}

async function runClaimed(
  deps: ServiceDeps,
  job: JobRecord,
  result: DueWorkResult,
  onError?: (error: unknown, job: JobRecord) => void,
): Promise<void> {
  result.ran += 1
  try {
    const again = await runJob(deps, job)
    await deps.store.transaction((tx) =>
      again
        ? tx.retryJob(job.id, job.attempts, iso(again), 'still due', iso(deps.now()))
        : tx.finishJob(job.id, job.attempts, iso(deps.now())),
    )
    result.succeeded += 1
  } catch (error) {
    onError?.(error, job)
    const message = error instanceof Error ? error.message : String(error)
    const now = deps.now()
    if (job.attempts >= MAX_JOB_ATTEMPTS) {
      await deps.store.transaction((tx) => tx.abandonJob(job.id, job.attempts, message, iso(now)))
      result.abandoned += 1
    } else {
      const next = new Date(now.getTime() + jobRetryDelayMs(job.attempts))
      await deps.store.transaction((tx) => tx.retryJob(job.id, job.attempts, iso(next), message, iso(now)))
      result.retried += 1
    }
  }
}

export async function runDueWork(
  deps: ServiceDeps,
  options: RunDueWorkOptions = {},
  onError?: (error: unknown, job: JobRecord) => void,
): Promise<DueWorkResult> {
  const sweep = await sweepCredits(deps)
  const result: DueWorkResult = {
    ran: 0,
    succeeded: 0,
    retried: 0,
    abandoned: 0,
    creditsExpired: sweep.expired,
    expiryNotices: sweep.noticed,
  }
  // Claimed a few at a time and run side by side, so a batch finishes (one slow webhook at most)
  // well inside its lock, and a job is never run by two workers at once.
  let left = options.limit ?? 100
  while (left > 0) {
    const at = deps.now()
    const jobs = await deps.store.transaction((tx) =>
      tx.claimJobs(iso(at), iso(new Date(at.getTime() + deps.leaseMs)), Math.min(CLAIM_SIZE, left)),
    )
    if (jobs.length === 0) break
    left -= jobs.length
    await Promise.all(jobs.map((job) => runClaimed(deps, job, result, onError)))
  }
  await deps.store.transaction((tx) => tx.pruneJobs(iso(new Date(deps.now().getTime() - KEEP_DONE_MS))))
  return result
}
