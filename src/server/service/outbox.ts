/**
 * The outbox: work that must happen after a transaction commits (a notification, a webhook, an
 * email, a recharge retry) is written as a job row inside that transaction, so it happens if
 * and only if the change it follows was kept, and survives the process that made it.
 */
import type { BillingEvent, BillingEventData, BillingEventType } from '../webhooks'
import { type ServiceDeps, type WriteScope, iso, newId } from './context'

export type JobKind = 'event.hook' | 'event.webhook' | 'email' | 'auto_recharge'

export type EmailKind = 'receipt' | 'low_balance' | 'auto_recharge_paused'

export interface EmailJob {
  kind: EmailKind
  /** The ledger entry a receipt documents. */
  entryId?: string
  eventId: string
  event: BillingEvent
}

export function enqueue(
  scope: WriteScope,
  kind: JobKind,
  payload: unknown,
  options: { runAt?: Date; dedupeKey?: string } = {},
): Promise<boolean> {
  return scope.tx.enqueueJob(
    {
      id: newId('job'),
      kind,
      accountId: scope.account.id,
      payload,
      dedupeKey: options.dedupeKey ?? null,
      runAt: iso(options.runAt ?? scope.at),
    },
    iso(scope.at),
  )
}

/** Records an event for the hook and the webhook (each its own job, so one failing never repeats the other). */
export async function emit<T extends BillingEventType>(
  deps: ServiceDeps,
  scope: WriteScope,
  type: T,
  data: BillingEventData[T],
  email?: Omit<EmailJob, 'eventId' | 'event'>,
): Promise<BillingEvent> {
  const event = { id: newId('evt'), type, accountId: scope.account.id, createdAt: iso(scope.at), data } as BillingEvent
  if (deps.notify.onEvent) await enqueue(scope, 'event.hook', event)
  if (deps.notify.webhook) await enqueue(scope, 'event.webhook', event)
  if (email && deps.notify.mailer)
    await enqueue(scope, 'email', { ...email, eventId: event.id, event } satisfies EmailJob)
  return event
}
