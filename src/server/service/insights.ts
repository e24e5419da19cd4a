/**
 * Spend insights: what usage cost, by UTC period and category, over a range. One aggregate
 * query per call (see `store/insights-queries.ts`); labels come in the account's language.
 */
import { buildSpendSummary, normalizeSpendInput } from '../../rules/spend'
import { usageLabel } from '../../adapter/memory/text'
import type { SpendSummary, SpendSummaryInput } from '../../adapter/types'
import { type ServiceDeps, localeOf, requireAccount } from './context'

export async function getSpendSummary(
  deps: ServiceDeps,
  accountId: string,
  input: SpendSummaryInput,
): Promise<SpendSummary> {
  const range = normalizeSpendInput(input)
  const account = await requireAccount(deps, accountId)
  const rows = await deps.store.read.spendByPeriod(accountId, range)
  const locale = localeOf(account)
  // The host's own categories carry its labels; the built-in ones are named in the account's language.
  const labels = await deps.store.read.usageCategories()
  return buildSpendSummary(
    range,
    account.currency,
    rows.map((r) => ({ period: r.period, category: r.unit, amount: r.spent })),
    (unit) => labels.get(unit) ?? usageLabel(locale, unit),
  )
}
