/**
 * Usage: the host's back end spends from a wallet for what the sub-account used. Complimentary
 * credits go first (soonest to expire first), then the paid balance, which may go below zero:
 * the usage already happened and is billed in arrears. Auto-recharge runs afterwards.
 */
import { DEFAULT_USAGE_QUANTITY, createPricing } from '../../adapter/memory/pricing'
import { usageDescription } from '../../adapter/memory/text'
import { USAGE_UNITS, type LedgerEntry, type Money, type UsageUnit, type Wallet } from '../../adapter/types'
import { type ServiceDeps, iso, localeOf, requireAccount, validation, write } from './context'
import { runAutoRecharge } from './auto-recharge'
import { appendEntry, toLedgerEntry } from './ledger'
import { walletView } from './wallet'

export interface UsageInput {
  unit?: UsageUnit
  quantity?: number
  /** Minor units of the wallet currency; default the unit price × quantity. */
  cost?: Money
}

export interface UsageResult {
  /** The usage entry, and the auto-recharge entry first when one ran. */
  entries: LedgerEntry[]
  wallet: Wallet
}

export async function recordUsage(deps: ServiceDeps, accountId: string, input: UsageInput = {}): Promise<UsageResult> {
  const unit = input.unit ?? 'sms'
  if (!(USAGE_UNITS as readonly string[]).includes(unit)) throw validation({ unit: 'invalid' })
  const quantity = input.quantity ?? DEFAULT_USAGE_QUANTITY[unit]
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw validation({ quantity: 'invalid' })
  const account = await requireAccount(deps, accountId)
  const cost = input.cost?.amount ?? createPricing(account.currency).usageCost(unit, quantity)
  if (!Number.isSafeInteger(cost) || cost < 0 || (input.cost && input.cost.currency !== account.currency)) {
    throw validation({ cost: 'invalid' })
  }
  const usage = await write(deps, accountId, async (scope) => {
    let left = cost
    const spends: Array<[string, number]> = []
    for (const credit of await scope.tx.credits(accountId, iso(scope.at))) {
      if (left === 0) break
      const take = Math.min(left, credit.remaining)
      spends.push([credit.id, take])
      left -= take
    }
    const entry = await appendEntry(scope, {
      type: 'usage',
      status: 'succeeded',
      description: usageDescription(localeOf(scope.account), unit, quantity),
      amount: -cost,
      walletDelta: -left,
      wallet: true,
      usage: { unit, quantity },
    })
    for (const [creditId, amount] of spends) await scope.tx.spendCredit(accountId, creditId, entry.id, amount)
    return entry
  })
  const rechargeId = await runAutoRecharge(deps, accountId)
  const reads = deps.store.read
  const recharge = rechargeId ? await reads.entry(accountId, rechargeId) : undefined
  const wallet = await reads.wallet(accountId)
  return {
    entries: [recharge, usage].filter((e) => e !== undefined).map(toLedgerEntry),
    wallet: await walletView(
      reads,
      account,
      wallet ?? { accountId, balance: 0, entryCount: 0, rechargeLease: null },
      deps.now(),
    ),
  }
}
