import type { UseQueryResult } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { PlanChangePreview } from '../../adapter/types'
import { useBillingI18n } from '../../i18n'
import { ErrorState, LoadingState, MoneyText, useAnnounce } from '../../ui'
import { subscriptionsText } from './messages'

export interface PlanChangeSummaryProps {
  planChosen: boolean
  preview: Pick<UseQueryResult<PlanChangePreview>, 'data' | 'error' | 'isError' | 'isFetching' | 'refetch'>
  /** The card a charge today goes to, when known. */
  cardLabel: string | null
}

/** What the chosen plan costs: when it starts, the prorated lines, today's total and the next cycle. */
export function PlanChangeSummary({ planChosen, preview, cardLabel }: PlanChangeSummaryProps) {
  const i18n = useBillingI18n()
  const m = subscriptionsText(i18n).changePlan
  const announce = useAnnounce()
  const quote = preview.data
  const nextDate = quote ? i18n.formatDate(quote.nextCycle.date, 'long') : ''

  // The totals appear away from the radio that was just chosen: read them out.
  const spoken = quote
    ? `${m.dueToday}: ${i18n.formatMoney(quote.dueToday)}. ${i18n.t(m.dueNextCycle, { date: nextDate })}: ${i18n.formatMoney(quote.nextCycle.amount)}.`
    : ''
  useEffect(() => {
    if (spoken) announce(spoken)
  }, [spoken, announce])

  if (!planChosen) {
    return (
      <p className="bp-plan-summary-hint" data-slot="plan-summary">
        {m.pickPlan}
      </p>
    )
  }
  if (preview.isError) {
    return (
      <ErrorState
        error={preview.error}
        title={m.previewError}
        onRetry={() => void preview.refetch()}
        retrying={preview.isFetching}
        data-slot="plan-summary"
      />
    )
  }
  if (!quote) return <LoadingState rows={2} label={m.loadingPreview} data-slot="plan-summary" />

  return (
    <div className="bp-plan-summary" data-slot="plan-summary" data-effective={quote.effective}>
      <p className="bp-plan-summary-effective">
        {quote.effective === 'now' ? m.effectiveNow : i18n.t(m.effectivePeriodEnd, { date: nextDate })}
      </p>
      {quote.lines.length > 0 && (
        <dl className="bp-plan-lines" data-slot="plan-proration-lines">
          {quote.lines.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id and may repeat a description; the adapter's order is fixed
            <div className="bp-plan-line" key={`${index}-${line.description}`}>
              <dt>{line.description}</dt>
              <dd>
                <MoneyText money={line.amount} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      <dl className="bp-plan-totals">
        <div className="bp-plan-line" data-slot="plan-due-today" data-total="">
          <dt>{m.dueToday}</dt>
          <dd>
            <MoneyText money={quote.dueToday} />
          </dd>
        </div>
        <div className="bp-plan-line" data-slot="plan-due-next">
          <dt>{i18n.t(m.dueNextCycle, { date: nextDate })}</dt>
          <dd>
            <MoneyText money={quote.nextCycle.amount} />
          </dd>
        </div>
      </dl>
      {quote.dueToday.amount > 0 && cardLabel && (
        <p className="bp-plan-summary-card">{i18n.t(m.chargedTo, { card: cardLabel })}</p>
      )}
    </div>
  )
}
