import '../../src/styles/styles.css'
import { screen, waitFor, within } from '@testing-library/react'
import { page } from 'vitest/browser'
import { createMemoryAdapter } from '../../src/adapter/memory'
import type { BillingAdapter, SpendSummary } from '../../src/adapter/types'
import { BillingPanel } from '../../src/components/BillingPanel'
import { SpendInsights } from '../../src/components/SpendInsights'
import { rangeFor } from '../../src/components/SpendInsights/series'
import { createI18n } from '../../src/i18n/context'
import { axeViolations, NOW, renderBilling } from '../support/render'
import { es as spanish } from '../../src/locales/es'

beforeEach(async () => {
  await page.viewport(1280, 900)
})

function insights() {
  const found = document.querySelector<HTMLElement>('[data-slot="spend-insights"]')
  if (!found) throw new Error('The spend insights are not on the page')
  return found
}

async function ready() {
  await waitFor(() => expect(insights().dataset.state).toBe('ready'))
  return insights()
}

function bars() {
  return [...insights().querySelectorAll<SVGGElement>('[data-slot="spend-bar"]')]
}

/** The summary the chart must show, straight from the adapter. */
async function expected(adapter: BillingAdapter, granularity: 'day' | 'month' = 'day'): Promise<SpendSummary> {
  const summary = await adapter.getSpendSummary?.(rangeFor(granularity, NOW))
  if (!summary) throw new Error('The adapter has no spend summary')
  return summary
}

describe('SpendInsights in Chromium', () => {
  it('is a named figure whose bars are reached by arrow keys, each announcing its value', async () => {
    const { user, memory } = renderBilling(<SpendInsights now={NOW} />)
    const root = await ready()
    const figure = within(root).getByRole('figure', { name: 'Spending by category, Last 30 days' })
    expect(bars()).toHaveLength(30)
    // One bar in the tab order: the newest.
    expect(bars().filter((b) => b.getAttribute('tabindex') === '0')).toEqual([bars()[29]])

    const summary = await expected(memory)
    const busiest = summary.periods.toSorted((a, b) => b.total.amount - a.total.amount)[0]
    const money = (amount: number) => createI18n('en').formatMoney({ amount, currency: summary.currency })

    bars()[29].focus()
    await user.keyboard('{Home}')
    expect(document.activeElement).toBe(bars()[0])
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement).toBe(bars()[1])
    expect(bars()[1].getAttribute('tabindex')).toBe('0')
    expect(bars()[29].getAttribute('tabindex')).toBe('-1')
    await user.keyboard('{ArrowLeft}{ArrowLeft}')
    expect(document.activeElement).toBe(bars()[0])
    await user.keyboard('{End}')
    expect(document.activeElement).toBe(bars()[29])

    const target = bars().findIndex((b) => b.dataset.period === busiest.period)
    await user.keyboard('{Home}')
    for (let i = 0; i < target; i++) await user.keyboard('{ArrowRight}')
    const focused = document.activeElement as SVGGElement
    expect(focused.dataset.period).toBe(busiest.period)
    const name = focused.getAttribute('aria-label') ?? ''
    expect(name).toContain(money(busiest.total.amount))
    for (const item of busiest.spend) expect(name).toContain(money(item.amount.amount))
    expect(within(figure).getByRole('img', { name })).toBe(focused)
  })

  it('"View as table" holds the same numbers as the chart', async () => {
    const { user, memory } = renderBilling(<SpendInsights now={NOW} />)
    const root = await ready()
    const summary = await expected(memory)
    const money = (amount: number) => createI18n('en').formatMoney({ amount, currency: summary.currency })
    // "26 Nov: $4.20. SMS $3.00, Email $1.20" → "$4.20"
    const chartTotals = bars().map((b) => /: (.+?)(?:\. |$)/.exec(b.getAttribute('aria-label') ?? '')?.[1])

    await user.click(within(root).getByRole('button', { name: 'View as table' }))
    const table = within(root).getByRole('table', { name: 'Spending by category, Last 30 days' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(30)
    const tableTotals = rows.map((r) => r.lastElementChild?.textContent)
    // A bar without spend says so; its row shows zero.
    expect(tableTotals).toEqual(chartTotals.map((t) => (t === 'no spending' ? money(0) : t)))
    for (const period of summary.periods) {
      const row = table.querySelector(`tr[data-period="${period.period}"]`)
      expect(row?.lastElementChild?.textContent).toBe(money(period.total.amount))
    }
    const columns = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent)
    expect(columns).toEqual(['Period', ...summary.categories.map((c) => c.label), 'Total'])
    expect(await axeViolations(root)).toEqual([])
  })

  it('the legend shows and hides a category in the chart and the table', async () => {
    const { user, memory } = renderBilling(<SpendInsights now={NOW} />)
    const root = await ready()
    const summary = await expected(memory)
    const first = summary.categories[0]
    const legend = within(root).getByRole('list', { name: /Categories/ })
    const button = within(legend).getByRole('button', { name: new RegExp(`^${first.label}`) })
    expect(button).toHaveAttribute('aria-pressed', 'true')
    expect(root.querySelectorAll(`.bp-spend-segment[data-category="${first.key}"]`).length).toBeGreaterThan(0)

    await user.click(button)
    expect(button).toHaveAttribute('aria-pressed', 'false')
    expect(root.querySelectorAll(`.bp-spend-segment[data-category="${first.key}"]`)).toHaveLength(0)
    await user.click(within(root).getByRole('button', { name: 'View as table' }))
    const headers = within(root)
      .getAllByRole('columnheader')
      .map((h) => h.textContent)
    expect(headers).not.toContain(first.label)

    await user.click(button)
    expect(
      within(root)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toContain(first.label)
  })

  it('switches to the last 12 months by month', async () => {
    const { user, memory } = renderBilling(<SpendInsights now={NOW} />)
    const root = await ready()
    await user.click(within(root).getByRole('button', { name: 'Last 12 months' }))
    await waitFor(() => expect(bars()).toHaveLength(12))
    expect(within(root).getByRole('figure', { name: 'Spending by category, Last 12 months' })).toBeInTheDocument()
    const summary = await expected(memory, 'month')
    const nov = summary.periods.find((p) => p.period === '2026-11')
    const money = (amount: number) => createI18n('en').formatMoney({ amount, currency: summary.currency })
    expect(bars()[11].getAttribute('aria-label')).toContain(`Nov 2026: ${money(nov?.total.amount ?? 0)}`)
    expect(within(root).getByText('This month so far').nextElementSibling?.textContent).toBe(
      money(nov?.total.amount ?? 0),
    )
    expect(await axeViolations(root)).toEqual([])
  })

  it('speaks Spanish and formats money and dates in es', async () => {
    const { memory } = renderBilling(<SpendInsights now={NOW} />, {
      locale: 'es',
      memory: { locale: 'es', currency: 'EUR' },
    })
    const root = await ready()
    expect(within(root).getByRole('heading', { name: '¿En qué se usa tu saldo?' })).toBeInTheDocument()
    expect(within(root).getByRole('figure', { name: 'Gastos por categoría, Últimos 30 días' })).toBeInTheDocument()
    const summary = await expected(memory)
    const busiest = summary.periods.toSorted((a, b) => b.total.amount - a.total.amount)[0]
    const bar = bars().find((b) => b.dataset.period === busiest.period)
    const label = bar?.getAttribute('aria-label') ?? ''
    const es = createI18n(spanish)
    expect(label).toContain(es.formatMoney({ amount: busiest.total.amount, currency: 'EUR' }))
    expect(label).toMatch(/€/)
    expect(label).toMatch(/^\d{1,2} [a-z]{3,5}\.?:/)
    expect(within(root).getByRole('button', { name: 'Ver como tabla' })).toBeInTheDocument()
    expect(await axeViolations(root)).toEqual([])
  })

  it('forecasts how long the balance lasts and says what it assumes', async () => {
    renderBilling(<SpendInsights now={NOW} />)
    const root = await ready()
    const forecast = root.querySelector<HTMLElement>('[data-slot="spend-forecast"]')
    await waitFor(() => expect(forecast?.dataset.state).toBe('ready'))
    expect(forecast?.textContent).toMatch(/Based on your average spend of \$[\d.,]+ a day over the last \d+ days\./)
    expect(forecast?.textContent).toContain('This assumes you keep using services at the same pace.')
  })

  it('shows an empty state, without a chart, when nothing was spent', async () => {
    renderBilling(<SpendInsights now={NOW} />, { memory: { empty: true } })
    await waitFor(() => expect(insights().dataset.state).toBe('empty'))
    expect(within(insights()).getByRole('heading', { name: 'No usage yet' })).toBeInTheDocument()
    expect(within(insights()).queryByRole('figure')).not.toBeInTheDocument()
    expect(await axeViolations(insights())).toEqual([])
  })

  it('is left out of the wallet section when the adapter cannot summarise spend', async () => {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en' })
    const { getSpendSummary: _left, ...withoutInsights } = memory
    renderBilling(<BillingPanel defaultSection="wallet" />, { adapter: withoutInsights as BillingAdapter })
    await screen.findByRole('heading', { name: 'Wallet' })
    await waitFor(() => expect(document.querySelector('[data-slot="transaction-history"]')).not.toBeNull())
    expect(document.querySelector('[data-slot="spend-insights"]')).toBeNull()
  })

  it('is in the wallet section when the adapter can', async () => {
    renderBilling(<BillingPanel defaultSection="wallet" />)
    await waitFor(() => expect(document.querySelector('[data-slot="spend-insights"]')).not.toBeNull())
  })
})
