/**
 * Subscriptions: cancel at period end, resume, list plans, preview and change plan. An upgrade
 * is charged now, prorated for the rest of the period, once per idempotency key, with an
 * invoice; a downgrade takes effect at the next renewal.
 */
import { text } from '../../adapter/memory/text'
import {
  CANCEL_REASONS,
  type CancelSubscriptionInput,
  type ChangePlanInput,
  type Plan,
  type PlanChangePreview,
  type Subscription,
} from '../../adapter/types'
import type { ServiceContext } from '../handler'
import type { AccountRecord, SubscriptionRecord } from '../store/records'
import type { StoreReads } from '../store/repository'
import { type ServiceDeps, conflict, iso, localeOf, notFound, requireAccount, validation } from './context'
import { moveMoneyOnce, onceWrite } from './idempotency'
import { issueInvoice } from './invoices'
import { appendEntry } from './ledger'

export function toSubscription(r: SubscriptionRecord): Subscription {
  return {
    id: r.id,
    kind: r.kind as Subscription['kind'],
    name: r.name,
    description: r.description,
    status: r.status as Subscription['status'],
    rawStatus: null,
    price: r.priceAmount === null || !r.currency ? null : { amount: r.priceAmount, currency: r.currency },
    quantity: r.quantity,
    interval: r.interval as Subscription['interval'],
    intervalCount: r.intervalCount,
    startDate: r.startDate,
    currentPeriodEnd: r.currentPeriodEnd,
    cancelAtPeriodEnd: r.cancelAtPeriodEnd,
    canceledAt: r.canceledAt,
    trialEnd: r.trialEnd,
    paymentMethodId: r.paymentMethodId,
    planId: r.planId,
    manageUrl: r.manageUrl,
  }
}

export async function listSubscriptions(deps: ServiceDeps, accountId: string): Promise<Subscription[]> {
  await requireAccount(deps, accountId)
  return (await deps.store.read.subscriptions(accountId)).map(toSubscription)
}

async function subscription(reads: StoreReads, accountId: string, id: string): Promise<SubscriptionRecord> {
  const r = typeof id === 'string' ? await reads.subscription(accountId, id) : undefined
  if (!r) throw notFound(`subscription ${id}`)
  return r
}

async function plansFor(reads: StoreReads, accountId: string, sub: SubscriptionRecord): Promise<Plan[]> {
  if (sub.kind !== 'platform' || !sub.planId) return []
  return (await reads.plans(accountId, sub.product ?? 'platform')).map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    price: { amount: p.priceAmount, currency: p.currency },
    interval: p.interval as Plan['interval'],
    intervalCount: p.intervalCount,
    current: p.id === sub.planId,
  }))
}

export async function listPlans(deps: ServiceDeps, accountId: string, subscriptionId: string): Promise<Plan[]> {
  return plansFor(deps.store.read, accountId, await subscription(deps.store.read, accountId, subscriptionId))
}

function periodStart(end: Date, sub: SubscriptionRecord): Date {
  const count = sub.intervalCount || 1
  const d = new Date(end.getTime())
  switch (sub.interval) {
    case 'day':
      return new Date(end.getTime() - count * 86_400_000)
    case 'week':
      return new Date(end.getTime() - 7 * count * 86_400_000)
    case 'year':
      d.setUTCFullYear(d.getUTCFullYear() - count)
      return d
    default:
      d.setUTCMonth(d.getUTCMonth() - count)
      return d
  }
}

function quote(account: AccountRecord, sub: SubscriptionRecord, plan: Plan, at: Date): PlanChangePreview {
  if (sub.status === 'canceled') throw conflict('The subscription is canceled.')
  if (sub.planId === plan.id) throw validation({ planId: 'same_plan' })
  const t = text(localeOf(account))
  const oldTotal = (sub.priceAmount ?? 0) * sub.quantity
  const newTotal = plan.price.amount * sub.quantity
  const endIso = sub.currentPeriodEnd ?? iso(new Date(at.getTime() + 30 * 86_400_000))
  const end = new Date(endIso)
  const start = periodStart(end, sub)
  const span = end.getTime() - start.getTime()
  const fraction = span > 0 ? Math.min(1, Math.max(0, (end.getTime() - at.getTime()) / span)) : 0
  const currency = plan.price.currency
  const base = {
    subscriptionId: sub.id,
    planId: plan.id,
    nextCycle: { amount: { amount: newTotal, currency }, date: endIso },
  }
  if (newTotal <= oldTotal) return { ...base, effective: 'period_end', dueToday: { amount: 0, currency }, lines: [] }
  const credit = -Math.round(oldTotal * fraction)
  const charge = Math.round(newTotal * fraction)
  return {
    ...base,
    effective: 'now',
    dueToday: { amount: charge + credit, currency },
    lines: [
      { description: t.unusedTime(sub.name), amount: { amount: credit, currency } },
      { description: t.remainingTime(plan.name), amount: { amount: charge, currency } },
    ],
  }
}

async function planFor(reads: StoreReads, accountId: string, subscriptionId: string, planId: string) {
  const sub = await subscription(reads, accountId, subscriptionId)
  const plan = (await plansFor(reads, accountId, sub)).find((p) => p.id === planId)
  if (!plan) throw notFound(`plan ${planId} for ${sub.id}`)
  return { sub, plan }
}

export async function previewPlanChange(
  deps: ServiceDeps,
  accountId: string,
  input: { subscriptionId: string; planId: string },
): Promise<PlanChangePreview> {
  const account = await requireAccount(deps, accountId)
  const { sub, plan } = await planFor(deps.store.read, accountId, input?.subscriptionId, input?.planId)
  return quote(account, sub, plan, deps.now())
}

export async function changePlan(deps: ServiceDeps, accountId: string, input: ChangePlanInput): Promise<Subscription> {
  return moveMoneyOnce<Subscription>(deps, accountId, {
    operation: 'changePlan',
    key: input?.idempotencyKey,
    fingerprint: `changePlan|${input?.subscriptionId}|${input?.planId}`,
    async prepare({ tx, account, at }) {
      const { sub, plan } = await planFor(tx, accountId, input.subscriptionId, input.planId)
      const q = quote(account, sub, plan, at)
      if (q.effective !== 'now' || q.dueToday.amount <= 0) return null
      const payer = sub.paymentMethodId
        ? await tx.paymentMethod(accountId, sub.paymentMethodId)
        : await tx.defaultPaymentMethod(accountId)
      if (!payer) throw validation({ paymentMethodId: 'required' }, 'Add a card to pay for the upgrade.')
      return { card: payer, amount: q.dueToday, description: text(localeOf(account)).planChange(plan.name) }
    },
    async commit(scope, charge) {
      const { tx, account } = scope
      const { sub, plan } = await planFor(tx, accountId, input.subscriptionId, input.planId)
      if (charge) {
        const invoice = await issueInvoice(scope)
        await appendEntry(scope, {
          type: 'subscription_charge',
          status: 'succeeded',
          description: text(localeOf(account)).planChange(plan.name),
          amount: -charge.amount.amount,
          walletDelta: 0,
          wallet: false,
          invoiceId: invoice.id,
          paymentMethodId: charge.card.id,
          idempotencyKey: input.idempotencyKey,
        })
      }
      // A downgrade is stored now: its new price is what the next renewal charges.
      const next: SubscriptionRecord = {
        ...sub,
        planId: plan.id,
        name: plan.name,
        description: plan.description ?? null,
        priceAmount: plan.price.amount,
        currency: plan.price.currency,
      }
      await tx.saveSubscription(accountId, next)
      return toSubscription(next)
    },
    async answerFor({ tx }) {
      return toSubscription(await subscription(tx, accountId, input.subscriptionId))
    },
  })
}

export function cancelSubscription(
  deps: ServiceDeps,
  accountId: string,
  input: CancelSubscriptionInput,
  context?: ServiceContext,
): Promise<Subscription> {
  return onceWrite(deps, accountId, context, 'cancelSubscription', input, async ({ tx, at }) => {
    const sub = await subscription(tx, accountId, input?.subscriptionId)
    if (input.reason !== undefined && !(CANCEL_REASONS as readonly string[]).includes(input.reason)) {
      throw validation({ reason: 'invalid' })
    }
    if (sub.status === 'canceled') throw conflict('The subscription is already canceled.')
    if (sub.cancelAtPeriodEnd) throw conflict('The subscription is already set to cancel.')
    const next: SubscriptionRecord = {
      ...sub,
      cancelAtPeriodEnd: true,
      canceledAt: iso(at),
      cancelReason: input.reason ?? null,
      cancelComment: input.comment?.slice(0, 2000) ?? null,
    }
    await tx.saveSubscription(accountId, next)
    return toSubscription(next)
  })
}

export function resumeSubscription(
  deps: ServiceDeps,
  accountId: string,
  subscriptionId: string,
  context?: ServiceContext,
): Promise<Subscription> {
  return onceWrite(deps, accountId, context, 'resumeSubscription', subscriptionId, async ({ tx }) => {
    const sub = await subscription(tx, accountId, subscriptionId)
    if (sub.status === 'canceled' || !sub.cancelAtPeriodEnd) throw conflict('The subscription is not set to cancel.')
    const next: SubscriptionRecord = {
      ...sub,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      cancelReason: null,
      cancelComment: null,
    }
    await tx.saveSubscription(accountId, next)
    return toSubscription(next)
  })
}
