/**
 * Complimentary credits over time: what is left of an expired credit leaves the wallet with a
 * ledger entry of its own (recorded as a spend of the credit, so the credits still add up), and
 * the holder hears a week ahead that a credit is about to expire.
 */
import { text } from '../../adapter/memory/text'
import { type ServiceDeps, type WriteScope, iso, localeOf, write } from './context'
import { appendEntry } from './ledger'
import { emit } from './outbox'

export const EXPIRY_NOTICE_MS = 7 * 24 * 60 * 60_000

/** Inside the account's transaction: expires every credit of the account whose time has come. */
export async function expireCredits(scope: WriteScope): Promise<number> {
  const { tx, account, at } = scope
  const due = await tx.expiredCredits(iso(at), 1000, account.id)
  for (const credit of due) {
    const entry = await appendEntry(scope, {
      type: 'adjustment',
      status: 'succeeded',
      description: text(localeOf(account)).creditsExpired(credit.description),
      amount: -credit.remaining,
      walletDelta: 0,
      wallet: true,
      idempotencyKey: `credit-expiry:${credit.creditId}`,
    })
    await tx.spendCredit(account.id, credit.creditId, entry.id, credit.remaining)
  }
  return due.length
}

/** Across accounts: expires what is due and sends the week-ahead notices. Returns how many of each. */
export async function sweepCredits(deps: ServiceDeps): Promise<{ expired: number; noticed: number }> {
  const at = deps.now()
  const reads = deps.store.read
  let expired = 0
  const accounts = new Set((await reads.expiredCredits(iso(at), 500)).map((c) => c.accountId))
  for (const accountId of accounts) expired += await write(deps, accountId, expireCredits)
  let noticed = 0
  const soon = await reads.creditsExpiringSoon(iso(at), iso(new Date(at.getTime() + EXPIRY_NOTICE_MS)), 500)
  for (const credit of soon) {
    await write(deps, credit.accountId, async (scope) => {
      // Two instances sweeping at once: the second finds it marked already.
      const still = (await scope.tx.creditsExpiringSoon(iso(scope.at), credit.expiresAt, 1000)).some(
        (c) => c.accountId === credit.accountId && c.creditId === credit.creditId,
      )
      if (!still) return
      await scope.tx.markCreditNotified(credit.accountId, credit.creditId, iso(scope.at))
      await emit(deps, scope, 'credits.expiring', {
        creditId: credit.creditId,
        description: credit.description,
        remaining: { amount: credit.remaining, currency: scope.account.currency },
        expiresAt: credit.expiresAt,
      })
      noticed += 1
    })
  }
  return { expired, noticed }
}
