import type { SliceSource } from '../../i18n/slice'

/** Strings of the spend insights: chart, table, this month, top categories and the forecast. */
const en = {
  title: 'Where your money goes',
  description: 'What usage such as SMS, email and calls cost, by category.',
  loading: 'Loading spending…',
  loadError: "We couldn't load your spending.",
  range: {
    label: 'Period shown',
    days: 'Last 30 days',
    months: 'Last 12 months',
  },
  chart: {
    name: 'Spending by category, {range}',
    instructions: 'Use the arrow keys to move between bars; Home and End go to the first and last.',
    bar: '{period}: {total}',
    noSpend: 'no spending',
    axis: 'Scale up to {amount}',
  },
  legend: {
    label: 'Categories: select one to show or hide it',
    hidden: 'hidden',
  },
  view: { table: 'View as table', chart: 'View as chart' },
  table: {
    caption: 'Spending by category, {range}',
    period: 'Period',
    total: 'Total',
  },
  empty: {
    title: 'No usage yet',
    body: 'When services such as SMS, email or calls spend your credits, you will see here what they cost.',
  },
  month: {
    title: 'This month so far',
    last: 'Last month: {amount}',
    noLast: 'No spending last month.',
  },
  top: {
    title: 'Top categories this month',
    share: '{percent} of this month',
    none: 'No spending this month yet.',
  },
  forecast: {
    title: 'Forecast',
    runway: {
      one: 'At this rate your balance lasts about 1 day',
      other: 'At this rate your balance lasts about {count} days',
    },
    runwayCredits: {
      one: 'At this rate your complimentary credits last about 1 day',
      other: 'At this rate your complimentary credits last about {count} days',
    },
    runwayToday: 'At this rate your balance runs out today',
    runwayLong: 'At this rate your balance lasts more than a year',
    emptyFunds: 'Your balance is used up. Add funds to keep paid services running.',
    recharge: 'Auto-recharge will likely add {amount} around {date}',
    rechargeDistant: 'At this rate auto-recharge will not be needed within a year.',
    paused: 'Auto-recharge is paused, so it will not top up your balance until it is turned back on.',
    capped: 'Auto-recharge would pass its monthly limit of {cap}, so it may not top up your balance this month.',
    basis: 'Based on your average spend of {rate} a day over the last {days} days.',
    assumptions:
      'This assumes you keep using services at the same pace. Complimentary credits are spent first; credits that expire and funds you add are not counted.',
    noUsage: 'No usage in the last 30 days, so there is nothing to forecast yet.',
    oneDay: 'Not enough data to forecast yet: we need spending on at least two days.',
  },
}

export type SpendInsightsMessages = typeof en
/**
 * The English strings, built in. Other languages live in `src/locales/<tag>/spendInsights.ts`: a key added
 * here needs its translation there in every language (tsc and tests/unit/locales.test.ts say which).
 */
export const spendInsightsMessages: SpendInsightsMessages = en

/** This component's strings in the provider's locale, with the host's overrides. */
export function spendText(i18n: SliceSource): SpendInsightsMessages {
  return i18n.slice('spendInsights', spendInsightsMessages)
}
