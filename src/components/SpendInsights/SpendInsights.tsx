'use client'
import { useId, useMemo, useState, type ComponentPropsWithoutRef } from 'react'
import type { SpendCategory, SpendGranularity, SpendSummary, Wallet } from '../../adapter/types'
import { useSpendSummary } from '../../data/spend'
import { useWallet } from '../../data/wallet'
import { type BillingI18n, useBillingI18n } from '../../i18n/context'
import { currencyExponent } from '../../money/currencies'
import { Button } from '../../ui/Button'
import { cx } from '../../ui/cx'
import { EmptyState } from '../../ui/EmptyState'
import { type Resource, ResourceSection } from '../shared/ResourceSection'
import { type Forecast, forecastRunway } from './forecast'
import { spendText } from './messages'
import { SeriesPatterns, Swatch } from './patterns'
import { type Bar, barsOf, niceMax, rangeFor } from './series'
import { SpendChart } from './SpendChart'

export interface SpendInsightsProps extends Omit<ComponentPropsWithoutRef<'section'>, 'title'> {
  /** The title's heading level, to fit the host page's outline. Default 2. */
  headingLevel?: 2 | 3 | 4
  /** The period shown first. Default the last 30 days. */
  defaultGranularity?: SpendGranularity
  /** Today, for the ranges and the forecast (tests and stories fix it). Default the current time. */
  now?: Date
}

type Messages = ReturnType<typeof spendText>

/**
 * "Where did my money go?": usage spend by category as a stacked bar chart (or a table), this
 * month against last, the top categories and a run-rate forecast of the balance.
 */
export function SpendInsights({
  headingLevel = 2,
  defaultGranularity = 'day',
  now: nowProp,
  className,
  ...props
}: SpendInsightsProps) {
  const i18n = useBillingI18n()
  const m = spendText(i18n)
  // One "now" per mount: the ranges (and so the cache keys) stay put while the page is open.
  const [now] = useState(() => nowProp ?? new Date())
  const [granularity, setGranularity] = useState<SpendGranularity>(defaultGranularity)
  const daily = useSpendSummary(useMemo(() => rangeFor('day', now), [now]))
  const monthly = useSpendSummary(useMemo(() => rangeFor('month', now), [now]))
  // The two ranges show together: loading until both are in, failed when one failed with nothing to show.
  const failed = [daily, monthly].find((q) => q.isError && !q.data)
  const summaries: Resource<[SpendSummary, SpendSummary]> = {
    data: daily.data && monthly.data ? [daily.data, monthly.data] : undefined,
    isError: failed !== undefined,
    error: failed?.error,
    isFetching: daily.isFetching || monthly.isFetching,
    refetch: () => {
      void daily.refetch()
      void monthly.refetch()
    },
  }
  const wallet = useWallet()
  const subLevel = Math.min(headingLevel + 1, 4) as 3 | 4
  const SubHeading = `h${subLevel}` as 'h3'

  const empty = daily.data?.total.amount === 0 && monthly.data?.total.amount === 0
  const state = empty ? 'empty' : 'ready'
  const content = ([dailySummary, monthlySummary]: [SpendSummary, SpendSummary]) =>
    empty ? (
      <EmptyState as={SubHeading} title={m.empty.title} description={m.empty.body} />
    ) : (
      <div className="bp-spend-body">
        <div className="bp-spend-facts">
          <MonthFacts summary={monthlySummary} now={now} m={m} i18n={i18n} Heading={SubHeading} />
          <ForecastFacts summary={dailySummary} wallet={wallet.data} now={now} m={m} i18n={i18n} Heading={SubHeading} />
        </div>
        <SpendBreakdown
          key={granularity}
          summary={granularity === 'day' ? dailySummary : monthlySummary}
          rangeName={granularity === 'day' ? m.range.days : m.range.months}
          m={m}
          i18n={i18n}
        />
      </div>
    )

  const toggle = (
    // biome-ignore lint/a11y/useSemanticElements: a two-button segmented control, not a form fieldset
    <div role="group" aria-label={m.range.label} className="bp-spend-range" data-slot="spend-range">
      {(['day', 'month'] as const).map((g) => (
        <Button
          key={g}
          size="sm"
          variant={granularity === g ? 'primary' : 'secondary'}
          aria-pressed={granularity === g}
          onClick={() => setGranularity(g)}
        >
          {g === 'day' ? m.range.days : m.range.months}
        </Button>
      ))}
    </div>
  )

  return (
    <ResourceSection
      {...props}
      slot="spend-insights"
      className={cx('bp-card bp-section', className)}
      query={summaries}
      messages={m}
      headingLevel={headingLevel}
      actions={summaries.data && state === 'ready' ? toggle : undefined}
      state={state}
      ready={content}
    />
  )
}

interface PartProps {
  m: Messages
  i18n: BillingI18n
}

const percent = (i18n: BillingI18n, share: number) =>
  new Intl.NumberFormat(i18n.intlLocale, { style: 'percent', maximumFractionDigits: 0 }).format(share)

/** This month so far against all of last month, and where this month's money went. */
function MonthFacts({
  summary,
  now,
  m,
  i18n,
  Heading,
}: PartProps & { summary: SpendSummary; now: Date; Heading: 'h3' | 'h4' }) {
  const key = now.toISOString().slice(0, 7)
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7)
  const money = (amount: number) => i18n.formatMoney({ amount, currency: summary.currency })
  const thisMonth = summary.periods.find((p) => p.period === key)
  const lastMonth = summary.periods.find((p) => p.period === last)?.total.amount ?? 0
  const labels = new Map(summary.categories.map((c) => [c.key, c.label]))
  const top = (thisMonth?.spend ?? []).toSorted((a, b) => b.amount.amount - a.amount.amount).slice(0, 3)
  const total = thisMonth?.total.amount ?? 0
  return (
    <>
      <div className="bp-spend-fact" data-slot="spend-this-month">
        <Heading className="bp-spend-fact-title">{m.month.title}</Heading>
        <p className="bp-spend-figure">{money(total)}</p>
        <p className="bp-spend-note">
          {lastMonth > 0 ? i18n.t(m.month.last, { amount: money(lastMonth) }) : m.month.noLast}
        </p>
      </div>
      <div className="bp-spend-fact" data-slot="spend-top-categories">
        <Heading className="bp-spend-fact-title">{m.top.title}</Heading>
        {top.length === 0 ? (
          <p className="bp-spend-note">{m.top.none}</p>
        ) : (
          <ol className="bp-spend-top">
            {top.map((item) => (
              <li key={item.category}>
                <span className="bp-spend-top-name">{labels.get(item.category) ?? item.category}</span>
                <span className="bp-spend-top-value">
                  {money(item.amount.amount)}
                  <span className="bp-spend-note">
                    {' · '}
                    {i18n.t(m.top.share, { percent: percent(i18n, total > 0 ? item.amount.amount / total : 0) })}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </>
  )
}

/** The run-rate forecast, with what it rests on said plainly, or why there is none. */
function ForecastFacts({
  summary,
  wallet,
  now,
  m,
  i18n,
  Heading,
}: PartProps & { summary: SpendSummary; wallet: Wallet | undefined; now: Date; Heading: 'h3' | 'h4' }) {
  const f = m.forecast
  let forecast: Forecast | null = null
  if (wallet) forecast = forecastRunway(summary, wallet, now)
  const lines: string[] = []
  let notes: string[] = []
  if (forecast?.kind === 'none') {
    lines.push(forecast.reason === 'no_usage' ? f.noUsage : f.oneDay)
  } else if (forecast?.kind === 'ready') {
    const r = forecast.recharge
    const rechargeOn = r.kind === 'likely' || r.kind === 'distant'
    if (!rechargeOn) {
      if (forecast.funds === 'empty') lines.push(f.emptyFunds)
      else if (forecast.days === null) lines.push(f.runwayLong)
      else if (forecast.days === 0) lines.push(f.runwayToday)
      else lines.push(i18n.plural(forecast.funds === 'credits' ? f.runwayCredits : f.runway, forecast.days))
    }
    if (r.kind === 'likely') {
      lines.push(
        i18n.t(f.recharge, {
          amount: i18n.formatMoney(r.amount),
          date: new Intl.DateTimeFormat(i18n.intlLocale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
            new Date(r.date),
          ),
        }),
      )
    } else if (r.kind === 'distant') lines.push(f.rechargeDistant)
    else if (r.kind === 'paused') lines.push(f.paused)
    else if (r.kind === 'capped') lines.push(i18n.t(f.capped, { cap: i18n.formatMoney(r.cap) }))
    notes = [i18n.t(f.basis, { rate: i18n.formatMoney(forecast.dailyRate), days: forecast.basisDays }), f.assumptions]
  }
  return (
    <div
      className="bp-spend-fact bp-spend-forecast"
      data-slot="spend-forecast"
      data-state={forecast?.kind ?? 'loading'}
    >
      <Heading className="bp-spend-fact-title">{f.title}</Heading>
      {lines.map((line) => (
        <p key={line} className="bp-spend-forecast-line">
          {line}
        </p>
      ))}
      {notes.map((note) => (
        <p key={note} className="bp-spend-note">
          {note}
        </p>
      ))}
    </div>
  )
}

/** Legend, chart or table, for one range. */
function SpendBreakdown({ summary, rangeName, m, i18n }: PartProps & { summary: SpendSummary; rangeName: string }) {
  const id = useId().replace(/:/g, '')
  const patternPrefix = `bp-spend-fill-${id}-`
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set())
  const [asTable, setAsTable] = useState(false)
  const [activeBar, setActiveBar] = useState<Bar | null>(null)
  const seriesIndex = Object.fromEntries(summary.categories.map((c, i) => [c.key, i]))
  const visible: SpendCategory[] = summary.categories.filter((c) => !hidden.has(c.key))
  const bars = barsOf(
    summary,
    visible.map((c) => c.key),
  )
  const currency = summary.currency
  const money = (amount: number) => i18n.formatMoney({ amount, currency })
  const day = summary.granularity === 'day'
  const periodFormat = new Intl.DateTimeFormat(
    i18n.intlLocale,
    day ? { day: 'numeric', month: 'short', timeZone: 'UTC' } : { month: 'short', year: 'numeric', timeZone: 'UTC' },
  )
  const tickFormat = new Intl.DateTimeFormat(
    i18n.intlLocale,
    day ? { day: 'numeric', month: 'short', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' },
  )
  const periodName = (bar: Bar) => periodFormat.format(new Date(bar.start))
  const breakdown = (bar: Bar) =>
    visible
      .filter((c) => (bar.values[c.key] ?? 0) > 0)
      .map((c) => `${c.label} ${money(bar.values[c.key])}`)
      .join(', ')
  const barLabel = (bar: Bar) => {
    const head = i18n.t(m.chart.bar, {
      period: periodName(bar),
      total: bar.total > 0 ? money(bar.total) : m.chart.noSpend,
    })
    const parts = breakdown(bar)
    return parts ? `${head}. ${parts}` : head
  }
  const scaleMax = niceMax(Math.max(0, ...bars.map((b) => b.total)), 10 ** currencyExponent(currency))
  const name = i18n.t(m.chart.name, { range: rangeName })
  const captionId = `bp-spend-caption-${id}`
  const helpId = `bp-spend-help-${id}`
  const detail = activeBar ?? bars[bars.length - 1]

  const toggle = (key: string) =>
    setHidden((current) => {
      const next = new Set(current)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      return next
    })

  return (
    <div className="bp-spend-breakdown" data-slot="spend-breakdown" data-granularity={summary.granularity}>
      <svg width="0" height="0" className="bp-spend-defs" aria-hidden="true" focusable="false">
        <SeriesPatterns idPrefix={patternPrefix} count={summary.categories.length} />
      </svg>
      <div className="bp-spend-toolbar">
        <ul className="bp-spend-legend" aria-label={m.legend.label} data-slot="spend-legend">
          {summary.categories.map((c, i) => (
            <li key={c.key}>
              <button
                type="button"
                className="bp-spend-legend-item"
                aria-pressed={!hidden.has(c.key)}
                data-category={c.key}
                onClick={() => toggle(c.key)}
              >
                <Swatch idPrefix={patternPrefix} index={i} />
                <span>{c.label}</span>
                <span className="bp-spend-legend-total">{money(c.total.amount)}</span>
              </button>
            </li>
          ))}
        </ul>
        <Button
          size="sm"
          variant="ghost"
          aria-pressed={asTable}
          data-slot="spend-view-table"
          onClick={() => setAsTable((v) => !v)}
        >
          {m.view.table}
        </Button>
      </div>
      <figure className="bp-spend-figure-frame" aria-labelledby={captionId} data-slot="spend-figure">
        <figcaption id={captionId} className="bp-visually-hidden">
          {name}
        </figcaption>
        {asTable ? (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it
          <section className="bp-spend-table-wrap" tabIndex={0} aria-labelledby={captionId}>
            <table className="bp-spend-table" data-slot="spend-table">
              <caption className="bp-visually-hidden">{i18n.t(m.table.caption, { range: rangeName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.table.period}</th>
                  {visible.map((c) => (
                    <th key={c.key} scope="col">
                      {c.label}
                    </th>
                  ))}
                  <th scope="col">{m.table.total}</th>
                </tr>
              </thead>
              <tbody>
                {bars.map((bar) => (
                  <tr key={bar.period} data-period={bar.period}>
                    <th scope="row">{periodName(bar)}</th>
                    {visible.map((c) => (
                      <td key={c.key}>{money(bar.values[c.key] ?? 0)}</td>
                    ))}
                    <td>{money(bar.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : (
          <>
            <p id={helpId} className="bp-visually-hidden">
              {m.chart.instructions}
            </p>
            <SpendChart
              bars={bars}
              categories={visible}
              seriesIndex={seriesIndex}
              patternPrefix={patternPrefix}
              scaleMax={scaleMax}
              barLabel={barLabel}
              periodLabel={(bar) => tickFormat.format(new Date(bar.start))}
              tickEvery={day ? 7 : 2}
              scaleLabel={name}
              scaleText={money(scaleMax)}
              describedBy={helpId}
              onActiveChange={setActiveBar}
            />
            {detail && (
              <p className="bp-spend-detail" aria-hidden="true" data-slot="spend-detail">
                <strong>{periodName(detail)}</strong> {detail.total > 0 ? money(detail.total) : m.chart.noSpend}
                {breakdown(detail) && <span className="bp-spend-note"> · {breakdown(detail)}</span>}
              </p>
            )}
          </>
        )}
      </figure>
    </div>
  )
}
