import { BillingError } from '../errors'
import type { Plan, PlanChangePreview, Subscription } from '../types'
import { addDays, addMonths, iso } from './clock'
import type { text } from './text'

type SeedText = ReturnType<typeof text>

/**
 * What changing plan costs: upgrades are charged today for the rest of the period (credit
 * for unused time on the old plan, charge for the remaining time on the new one);
 * downgrades cost nothing today and apply from the renewal.
 */
export function previewPlanChange(sub: Subscription, plan: Plan, at: Date, t: SeedText): PlanChangePreview {
  if (sub.status === 'canceled') throw new BillingError('conflict', { message: 'The subscription is canceled' })
  if (sub.planId === plan.id) throw new BillingError('validation', { fieldErrors: { planId: 'same_plan' } })
  const current = sub.price?.amount ?? 0
  const oldTotal = current * sub.quantity
  const newTotal = plan.price.amount * sub.quantity
  const periodEndIso = sub.currentPeriodEnd ?? iso(addMonths(at, 1))
  const periodEnd = new Date(periodEndIso)
  const periodStart = periodStartOf(periodEnd, sub)
  const span = periodEnd.getTime() - periodStart.getTime()
  const fraction = span > 0 ? Math.min(1, Math.max(0, (periodEnd.getTime() - at.getTime()) / span)) : 0
  const nextCycle = { amount: { amount: newTotal, currency: plan.price.currency }, date: periodEndIso }
  const base = { subscriptionId: sub.id, planId: plan.id, nextCycle }
  if (newTotal <= oldTotal) {
    return { ...base, effective: 'period_end', dueToday: { amount: 0, currency: plan.price.currency }, lines: [] }
  }
  const credit = -Math.round(oldTotal * fraction)
  const charge = Math.round(newTotal * fraction)
  return {
    ...base,
    effective: 'now',
    dueToday: { amount: charge + credit, currency: plan.price.currency },
    lines: [
      { description: t.unusedTime(sub.name), amount: { amount: credit, currency: plan.price.currency } },
      { description: t.remainingTime(plan.name), amount: { amount: charge, currency: plan.price.currency } },
    ],
  }
}

function periodStartOf(periodEnd: Date, sub: Subscription): Date {
  const count = sub.intervalCount || 1
  switch (sub.interval) {
    case 'day':
      return addDays(periodEnd, -count)
    case 'week':
      return addDays(periodEnd, -7 * count)
    case 'year':
      return addMonths(periodEnd, -12 * count)
    default:
      return addMonths(periodEnd, -count)
  }
}
